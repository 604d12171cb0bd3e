// pcapng: a sequence of blocks (type, total length, body, total length again), in one or more
// sections, each opened by a Section Header Block with its own byte order and interface list.
// Packets come from Enhanced (EPB), Simple (SPB) and the obsolete Packet Block; other blocks are
// skipped by length. Spec: https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/

import type { CapturedFrame } from './captured-frame';
import { CaptureFormatError, MAX_BLOCK_LENGTH, MAX_CAPTURED_LENGTH, hex32, type CaptureDamage } from './capture-damage';
import type { FormatParser } from './format-parser';
import { readInterfaceBlock, type PcapngInterface } from './pcapng-interface';

import { BYTE_ORDER_MAGIC, BYTE_ORDER_MAGIC_SWAPPED, EPB_TYPE, IDB_TYPE, OBSOLETE_PACKET_TYPE, SHB_TYPE, SPB_TYPE } from './pcapng-constants';

export { SHB_TYPE };

/** Smallest valid total length per block type (header, fixed body fields, trailer). */
const MIN_LENGTH: Record<number, number> = { [SHB_TYPE]: 28, [IDB_TYPE]: 20, [OBSOLETE_PACKET_TYPE]: 32, [SPB_TYPE]: 16, [EPB_TYPE]: 32 };
const BLOCK_NAMES: Record<number, string> = {
  [SHB_TYPE]: 'section header block',
  [IDB_TYPE]: 'interface description block',
  [OBSOLETE_PACKET_TYPE]: 'packet block',
  [SPB_TYPE]: 'simple packet block',
  [EPB_TYPE]: 'enhanced packet block',
};

function blockName(type: number): string {
  return BLOCK_NAMES[type] ?? `block ${hex32(type)}`;
}

export class PcapngParser implements FormatParser {
  readonly format = 'pcapng' as const;
  needed = 12;
  damage: CaptureDamage | null = null;
  private littleEndian = true;
  private interfaces: PcapngInterface[] = [];
  private sections = 0;
  /** Type of the block whose length is known but whose bytes are not all there yet. */
  private pendingType = -1;
  /** SPBs carry no timestamp: they get the last one seen, so merging keeps them in place. */
  private lastTsUs = 0;

  constructor(private readonly captureIndex: number) {}

  parse(buf: Uint8Array, start: number, end: number, fileOffset: number, out: CapturedFrame[]): number {
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let pos = start;
    for (;;) {
      const available = end - pos;
      const blockOffset = fileOffset + (pos - start);
      this.pendingType = -1;
      if (available < 12) {
        this.needed = 12;
        break;
      }
      let type = view.getUint32(pos, this.littleEndian);
      if (type === SHB_TYPE && !this.readByteOrder(view, pos, blockOffset)) break;
      if (this.sections === 0 && type !== SHB_TYPE) throw new CaptureFormatError(`not a pcapng file (first block ${hex32(type)})`);
      type = view.getUint32(pos, this.littleEndian);
      const length = view.getUint32(pos + 4, this.littleEndian);
      if (length % 4 !== 0 || length < (MIN_LENGTH[type] ?? 12) || length > MAX_BLOCK_LENGTH) {
        this.fail(blockOffset, `bad block length ${length} for ${blockName(type)} at offset ${blockOffset}`);
        break;
      }
      if (available < length) {
        this.needed = length;
        this.pendingType = type;
        break;
      }
      const trailer = view.getUint32(pos + length - 4, this.littleEndian);
      if (trailer !== length) {
        this.fail(blockOffset, `bad block length: ${blockName(type)} at offset ${blockOffset} says ${length} at its start, ${trailer} at its end`);
        break;
      }
      if (!this.readBlock(type, buf, view, pos, length, blockOffset, out)) break;
      pos += length;
    }
    return pos - start;
  }

  truncation(remaining: number, fileOffset: number): CaptureDamage {
    const what = this.pendingType >= 0 ? blockName(this.pendingType) : 'block header';
    return { offset: fileOffset, message: `truncated ${what} at offset ${fileOffset}: needs ${this.needed} bytes, ${remaining} left` };
  }

  private fail(offset: number, message: string): void {
    this.damage = { offset, message };
  }

  /** A Section Header Block sets the byte order of everything up to the next one. */
  private readByteOrder(view: DataView, pos: number, blockOffset: number): boolean {
    const magic = view.getUint32(pos + 8, true);
    if (magic !== BYTE_ORDER_MAGIC && magic !== BYTE_ORDER_MAGIC_SWAPPED) {
      const message = `unknown byte-order magic ${hex32(magic)} in section header block at offset ${blockOffset}`;
      if (this.sections === 0) throw new CaptureFormatError(`not a pcapng file: ${message}`);
      this.fail(blockOffset, message);
      return false;
    }
    this.littleEndian = magic === BYTE_ORDER_MAGIC;
    return true;
  }

  private readBlock(type: number, buf: Uint8Array, view: DataView, pos: number, length: number, blockOffset: number, out: CapturedFrame[]): boolean {
    const le = this.littleEndian;
    switch (type) {
      case SHB_TYPE: {
        const major = view.getUint16(pos + 12, le);
        if (major !== 1) {
          const message = `unsupported pcapng version ${major}.${view.getUint16(pos + 14, le)} at offset ${blockOffset}`;
          if (this.sections === 0) throw new CaptureFormatError(message);
          this.fail(blockOffset, message);
          return false;
        }
        this.sections++;
        this.interfaces = [];
        return true;
      }
      case IDB_TYPE:
        this.interfaces.push(readInterfaceBlock(view, pos, length, le));
        return true;
      case EPB_TYPE:
        return this.readPacket(buf, view, pos, length, blockOffset, view.getUint32(pos + 8, le), out);
      case OBSOLETE_PACKET_TYPE:
        return this.readPacket(buf, view, pos, length, blockOffset, view.getUint16(pos + 8, le), out);
      case SPB_TYPE:
        return this.readSimplePacket(buf, view, pos, length, blockOffset, out);
      default:
        return true;
    }
  }

  /** EPB and obsolete Packet Block share the layout from the timestamp on. */
  private readPacket(buf: Uint8Array, view: DataView, pos: number, length: number, blockOffset: number, interfaceId: number, out: CapturedFrame[]): boolean {
    const le = this.littleEndian;
    const iface = this.interfaces[interfaceId];
    if (!iface) {
      this.fail(blockOffset, `${blockName(view.getUint32(pos, le))} at offset ${blockOffset} refers to undefined interface ${interfaceId}`);
      return false;
    }
    const capturedLength = view.getUint32(pos + 20, le);
    if (capturedLength > length - 32 || capturedLength > MAX_CAPTURED_LENGTH) {
      this.fail(blockOffset, `bad captured length ${capturedLength} in block of length ${length} at offset ${blockOffset}`);
      return false;
    }
    const tsUs = iface.toUs(view.getUint32(pos + 12, le), view.getUint32(pos + 16, le));
    this.lastTsUs = tsUs;
    out.push({
      number: 0,
      captureIndex: this.captureIndex,
      fileOffset: blockOffset,
      tsUs,
      linkType: iface.linkType,
      originalLength: view.getUint32(pos + 24, le),
      data: buf.subarray(pos + 28, pos + 28 + capturedLength),
    });
    return true;
  }

  /** SPB: captured length = min(original length, IDB 0's snaplen, room in the block). */
  private readSimplePacket(buf: Uint8Array, view: DataView, pos: number, length: number, blockOffset: number, out: CapturedFrame[]): boolean {
    const iface = this.interfaces[0];
    if (!iface) {
      this.fail(blockOffset, `simple packet block at offset ${blockOffset} before any interface description block`);
      return false;
    }
    const originalLength = view.getUint32(pos + 8, this.littleEndian);
    let capturedLength = Math.min(originalLength, length - 16, MAX_CAPTURED_LENGTH);
    if (iface.snaplen > 0) capturedLength = Math.min(capturedLength, iface.snaplen);
    out.push({
      number: 0,
      captureIndex: this.captureIndex,
      fileOffset: blockOffset,
      tsUs: this.lastTsUs,
      linkType: iface.linkType,
      originalLength,
      data: buf.subarray(pos + 12, pos + 12 + capturedLength),
    });
    return true;
  }
}
