// One bit per frame index, for marked packets (Wireshark's "Mark Packet"): a Uint32Array that
// grows with the highest index set, so three million frames cost 375 KB whether none or all are
// marked, and nothing per frame exists while nothing is marked.

export class FrameBits {
  private words = new Uint32Array(0);
  private ones = 0;

  /** How many bits are set. */
  get count(): number {
    return this.ones;
  }

  has(index: number): boolean {
    const w = index >>> 5;
    return index >= 0 && w < this.words.length && (this.words[w] & (1 << (index & 31))) !== 0;
  }

  set(index: number, on: boolean): void {
    if (index < 0 || this.has(index) === on) return;
    const w = index >>> 5;
    if (on && w >= this.words.length) this.grow(w + 1);
    this.words[w] ^= 1 << (index & 31);
    this.ones += on ? 1 : -1;
  }

  /** Flips one bit; returns its new state. */
  toggle(index: number): boolean {
    const on = !this.has(index);
    this.set(index, on);
    return on;
  }

  clear(): void {
    this.words = new Uint32Array(0);
    this.ones = 0;
  }

  private grow(minWords: number): void {
    const bigger = new Uint32Array(Math.max(minWords, this.words.length * 2, 64));
    bigger.set(this.words);
    this.words = bigger;
  }
}
