// Time reference frames (Wireshark's Ctrl+T): relative times restart at each one, for the frames
// after it in frame order. People set a handful by hand, so they are a sorted array of frame
// indices (a binary search per row on screen), not a per-frame column.

export class TimeReferences {
  private readonly indices: number[] = [];

  get count(): number {
    return this.indices.length;
  }

  has(index: number): boolean {
    const at = this.lowerBound(index);
    return this.indices[at] === index;
  }

  /** Sets or unsets frame index `index` as a reference; returns whether it now is one. */
  toggle(index: number): boolean {
    const at = this.lowerBound(index);
    if (this.indices[at] === index) {
      this.indices.splice(at, 1);
      return false;
    }
    this.indices.splice(at, 0, index);
    return true;
  }

  clear(): void {
    this.indices.length = 0;
  }

  /** The reference that frame `index`'s relative time counts from: the last one at or before it, −1 for none. */
  baseFor(index: number): number {
    const at = this.lowerBound(index + 1);
    return at > 0 ? this.indices[at - 1] : -1;
  }

  /** First position whose index is ≥ `index`. */
  private lowerBound(index: number): number {
    let lo = 0;
    let hi = this.indices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.indices[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
