// Binary framing of captured packets between the capture process and the app: one IPC message
// carries a batch (every ~20 ms or 256 packets), not one JSON message per packet, so thousands
// of packets per second cost a few dozen messages.
// Record layout, little-endian: f64 tsUs · u32 capturedLength · u32 originalLength · bytes.

export const RECORD_HEADER = 16;

export interface BatchedPacket {
  tsUs: number;
  originalLength: number;
  /** A view into the batch buffer. */
  data: Uint8Array;
}

/** Accumulates packets into one buffer; `take` hands it over and starts a new one. */
export class PacketBatchBuilder {
  private buf: Buffer;
  private view: DataView;
  private used = 0;
  count = 0;

  constructor(private readonly initialSize = 256 * 1024) {
    this.buf = Buffer.allocUnsafe(initialSize);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  get bytes(): number {
    return this.used;
  }

  /** Copies `length` bytes of `source` (the binding's shared buffer) into the batch. */
  add(tsUs: number, source: Buffer, length: number, originalLength: number): void {
    const need = this.used + RECORD_HEADER + length;
    if (need > this.buf.length) this.grow(need);
    this.view.setFloat64(this.used, tsUs, true);
    this.view.setUint32(this.used + 8, length, true);
    this.view.setUint32(this.used + 12, originalLength, true);
    source.copy(this.buf, this.used + RECORD_HEADER, 0, length);
    this.used = need;
    this.count++;
  }

  /** The filled part of the batch; the builder continues with a fresh buffer. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(this.initialSize);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.used = 0;
    this.count = 0;
    return out;
  }

  private grow(need: number): void {
    const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }
}

/**
 * Splits a batch into packets (views into `batch`). Stops at the first record that does not fit,
 * so a damaged message yields what precedes the damage rather than garbage.
 */
export function readPacketBatch(given: Uint8Array): BatchedPacket[] {
  // Plain Uint8Array views (IPC hands us Buffers, whose slice() would not copy).
  const batch = given.constructor === Uint8Array ? given : new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  const out: BatchedPacket[] = [];
  let pos = 0;
  while (pos + RECORD_HEADER <= batch.length) {
    const tsUs = view.getFloat64(pos, true);
    const length = view.getUint32(pos + 8, true);
    const originalLength = view.getUint32(pos + 12, true);
    const start = pos + RECORD_HEADER;
    if (start + length > batch.length) break;
    out.push({ tsUs, originalLength, data: batch.subarray(start, start + length) });
    pos = start + length;
  }
  return out;
}
