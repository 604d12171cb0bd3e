// Joins byte chunks collected across pushes into one buffer, copying once; a single chunk is
// returned as is (it was already copied when it was kept).

export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1 && (total === undefined || total === parts[0].length)) return parts[0];
  let length = total;
  if (length === undefined) {
    length = 0;
    for (const p of parts) length += p.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    if (at >= length) break;
    const n = Math.min(p.length, length - at);
    out.set(n === p.length ? p : p.subarray(0, n), at);
    at += n;
  }
  return out;
}

/**
 * Hands out small zeroed buffers carved from shared slabs, because allocating one ArrayBuffer
 * per small body costs far more than copying it (V8 backs each with its own store). Regions
 * are never reused, so a view stays valid; the price is that a view keeps its whole slab
 * alive: a consumer that keeps a few small bodies for long should `slice()` them.
 */
export class ByteSlab {
  private slab: Uint8Array = new Uint8Array(0);
  private used = 0;

  constructor(
    private readonly slabBytes = 32 * 1024,
    /** Larger requests get their own buffer. */
    readonly maxPiece = 4 * 1024,
  ) {}

  alloc(n: number): Uint8Array {
    if (n > this.maxPiece) return new Uint8Array(n);
    if (this.used + n > this.slab.length) {
      this.slab = new Uint8Array(this.slabBytes);
      this.used = 0;
    }
    const out = this.slab.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }
}
