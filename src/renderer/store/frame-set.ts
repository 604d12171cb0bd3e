// A set of frame numbers stored as a bitmap: the display filter can match a million frames, and
// the packet list asks "is frame N shown?" for every row it orders, so membership must be O(1)
// without a million-entry Set.

export class FrameSet {
  private readonly bits: Uint8Array;
  readonly size: number;

  constructor(frames: readonly number[]) {
    let max = 0;
    for (const n of frames) if (Number.isInteger(n) && n > max) max = n;
    this.bits = new Uint8Array(max + 1);
    let size = 0;
    for (const n of frames) {
      if (!Number.isInteger(n) || n <= 0 || this.bits[n]) continue;
      this.bits[n] = 1;
      size++;
    }
    this.size = size;
  }

  has(frame: number): boolean {
    return frame > 0 && frame < this.bits.length && this.bits[frame] === 1;
  }

  static readonly EMPTY = new FrameSet([]);
}
