// Push parser for (decompressed) capture bytes: detects pcap or pcapng from the magic, then turns
// arbitrary chunks into frames. Records that straddle chunks are assembled in a small pending
// buffer that grows only with bytes actually received (never from a length field), so memory
// stays bounded by the largest valid record; frames otherwise are views into the pushed chunks.

import type { CapturedFrame } from './captured-frame';
import { CaptureFormatError, hex32, type CaptureDamage } from './capture-damage';
import type { FormatParser } from './format-parser';
import { isPcapMagic, PcapParser } from './pcap-parser';
import { PcapngParser, SHB_TYPE } from './pcapng-parser';

const MAGIC_LENGTH = 4;

export class CaptureParser {
  private inner: FormatParser | null = null;
  private pending: Uint8Array | null = null;
  private pendingLength = 0;
  /** File offset of the first byte not yet consumed by a complete unit. */
  private offset = 0;
  private damageFound: CaptureDamage | null = null;

  constructor(private readonly captureIndex = 0) {}

  get format(): 'pcap' | 'pcapng' | null {
    return this.inner?.format ?? null;
  }

  get damage(): CaptureDamage | null {
    return this.damageFound;
  }

  /** Offset (in the decompressed input) just past the last complete record or block. */
  get bytesConsumed(): number {
    return this.offset;
  }

  /** Frames completed by this chunk. Nothing more is returned once damage was found. */
  push(given: Uint8Array): CapturedFrame[] {
    // Frames are views into the chunk. Hand out plain Uint8Arrays, never Node Buffers: on a
    // Buffer, slice() is a view, so every layer's "copy what you keep" would silently pin or
    // share the read chunk instead of copying.
    const chunk = given.constructor === Uint8Array ? given : new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
    const out: CapturedFrame[] = [];
    if (this.damageFound) return out;
    let pos = 0;
    // First finish the unit that straddles the previous chunk(s), copying only what it needs.
    while (this.pendingLength > 0 || !this.inner) {
      const need = this.inner ? this.inner.needed : MAGIC_LENGTH;
      const take = Math.min(need - this.pendingLength, chunk.length - pos);
      if (take > 0) {
        this.append(chunk.subarray(pos, pos + take), need);
        pos += take;
      }
      if (this.pendingLength < need) return out;
      const pending = this.pending as Uint8Array;
      if (!this.inner) {
        this.inner = this.detect(pending);
        continue;
      }
      const consumed = this.inner.parse(pending, 0, this.pendingLength, this.offset, out);
      this.offset += consumed;
      if (this.stopAtDamage()) return out;
      if (consumed === 0 && this.inner.needed <= this.pendingLength) throw new Error('capture parser made no progress');
      if (consumed > 0) {
        // Frames point into `pending`: keep the rest in a fresh buffer instead of reusing it.
        const rest = pending.subarray(consumed, this.pendingLength);
        this.pending = rest.length > 0 ? rest.slice() : null;
        this.pendingLength = rest.length;
      }
    }
    const consumed = this.inner.parse(chunk, pos, chunk.length, this.offset, out);
    this.offset += consumed;
    pos += consumed;
    if (this.stopAtDamage()) return out;
    if (pos < chunk.length) {
      this.pending = chunk.slice(pos);
      this.pendingLength = this.pending.length;
    }
    return out;
  }

  /**
   * Call after the last chunk. Returns the damage (including a unit cut off by the end of the
   * input), or null for a clean end. Throws for input too short to be a capture at all.
   */
  end(): CaptureDamage | null {
    if (this.damageFound) return this.damageFound;
    if (!this.inner) {
      if (this.pendingLength === 0) throw new CaptureFormatError('empty file: not a pcap or pcapng capture');
      throw new CaptureFormatError(`not a pcap or pcapng file (only ${this.pendingLength} bytes)`);
    }
    if (this.pendingLength > 0) this.damageFound = this.inner.truncation(this.pendingLength, this.offset);
    return this.damageFound;
  }

  private stopAtDamage(): boolean {
    const damage = this.inner?.damage;
    if (!damage) return false;
    this.damageFound = damage;
    this.pending = null;
    this.pendingLength = 0;
    return true;
  }

  private detect(head: Uint8Array): FormatParser {
    const magic = (head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24)) >>> 0;
    if (isPcapMagic(magic)) return new PcapParser(this.captureIndex);
    if (magic === SHB_TYPE) return new PcapngParser(this.captureIndex);
    if (head[0] === 0x1f && head[1] === 0x8b) throw new CaptureFormatError('gzip-compressed data given to CaptureParser: decompress it first');
    const bigEndianMagic = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0;
    throw new CaptureFormatError(`not a pcap or pcapng file (magic ${hex32(bigEndianMagic)})`);
  }

  /** Appends to the pending buffer, growing geometrically but never past `need`. */
  private append(bytes: Uint8Array, need: number): void {
    const length = this.pendingLength + bytes.length;
    if (!this.pending || length > this.pending.length) {
      const capacity = Math.min(need, Math.max(length, 2 * (this.pending?.length ?? 0), 64));
      const grown = new Uint8Array(capacity);
      if (this.pending) grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(bytes, this.pendingLength);
    this.pendingLength = length;
  }
}
