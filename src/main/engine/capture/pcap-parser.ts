// Classic libpcap file format: a 24-byte file header, then records of a 16-byte header and the
// captured bytes. Spec: https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcap/
// Both byte orders, microsecond (a1b2c3d4) and nanosecond (a1b23c4d) magic, and Alexey
// Kuznetzov's "modified" format (a1b2cd34, 24-byte record headers) as Wireshark also reads it.

import type { CapturedFrame } from './captured-frame';
import { CaptureFormatError, MAX_CAPTURED_LENGTH, hex32, type CaptureDamage } from './capture-damage';
import type { FormatParser } from './format-parser';

const FILE_HEADER_LENGTH = 24;

interface MagicInfo {
  littleEndian: boolean;
  nanosecond: boolean;
  recordHeaderLength: number;
}

/** Magic as read little-endian from the first four bytes → what it means. */
const MAGICS = new Map<number, MagicInfo>([
  [0xa1b2c3d4, { littleEndian: true, nanosecond: false, recordHeaderLength: 16 }],
  [0xd4c3b2a1, { littleEndian: false, nanosecond: false, recordHeaderLength: 16 }],
  [0xa1b23c4d, { littleEndian: true, nanosecond: true, recordHeaderLength: 16 }],
  [0x4d3cb2a1, { littleEndian: false, nanosecond: true, recordHeaderLength: 16 }],
  [0xa1b2cd34, { littleEndian: true, nanosecond: false, recordHeaderLength: 24 }],
  [0x34cdb2a1, { littleEndian: false, nanosecond: false, recordHeaderLength: 24 }],
]);

export function isPcapMagic(littleEndianMagic: number): boolean {
  return MAGICS.has(littleEndianMagic >>> 0);
}

export class PcapParser implements FormatParser {
  readonly format = 'pcap' as const;
  needed = FILE_HEADER_LENGTH;
  damage: CaptureDamage | null = null;
  /** LINKTYPE_* from the file header (FCS bits masked off). */
  linkType = -1;
  snaplen = 0;
  private headerRead = false;
  private littleEndian = true;
  private nanosecond = false;
  private recordHeaderLength = 16;

  constructor(private readonly captureIndex: number) {}

  parse(buf: Uint8Array, start: number, end: number, fileOffset: number, out: CapturedFrame[]): number {
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let pos = start;
    if (!this.headerRead) {
      if (end - pos < FILE_HEADER_LENGTH) {
        this.needed = FILE_HEADER_LENGTH;
        return 0;
      }
      this.readFileHeader(view, pos);
      pos += FILE_HEADER_LENGTH;
    }
    const le = this.littleEndian;
    const headerLength = this.recordHeaderLength;
    const fractionDivisor = this.nanosecond ? 1000 : 1;
    const { captureIndex, linkType } = this;
    for (;;) {
      const available = end - pos;
      if (available < headerLength) {
        this.needed = headerLength;
        break;
      }
      const capturedLength = view.getUint32(pos + 8, le);
      if (capturedLength > MAX_CAPTURED_LENGTH) {
        this.damage = {
          offset: fileOffset + (pos - start),
          message: `bad packet record at offset ${fileOffset + (pos - start)}: captured length ${capturedLength} exceeds ${MAX_CAPTURED_LENGTH}`,
        };
        break;
      }
      const recordLength = headerLength + capturedLength;
      if (available < recordLength) {
        this.needed = recordLength;
        break;
      }
      const seconds = view.getUint32(pos, le);
      const fraction = view.getUint32(pos + 4, le);
      out.push({
        number: 0,
        captureIndex,
        fileOffset: fileOffset + (pos - start),
        tsUs: seconds * 1_000_000 + Math.floor(fraction / fractionDivisor),
        linkType,
        originalLength: view.getUint32(pos + 12, le),
        data: buf.subarray(pos + headerLength, pos + recordLength),
      });
      pos += recordLength;
    }
    return pos - start;
  }

  truncation(remaining: number, fileOffset: number): CaptureDamage {
    if (!this.headerRead) {
      return { offset: fileOffset, message: `truncated pcap file header at offset ${fileOffset}: needs ${FILE_HEADER_LENGTH} bytes, ${remaining} left` };
    }
    const headerLength = this.recordHeaderLength;
    if (this.needed <= headerLength) {
      return { offset: fileOffset, message: `truncated packet record header at offset ${fileOffset}: needs ${headerLength} bytes, ${remaining} left` };
    }
    return {
      offset: fileOffset,
      message: `truncated packet record at offset ${fileOffset}: needs ${this.needed - headerLength} bytes, ${remaining - headerLength} left`,
    };
  }

  private readFileHeader(view: DataView, pos: number): void {
    const magic = view.getUint32(pos, true);
    const info = MAGICS.get(magic);
    if (!info) throw new CaptureFormatError(`not a pcap file (magic ${hex32(magic)})`);
    const le = info.littleEndian;
    const major = view.getUint16(pos + 4, le);
    const minor = view.getUint16(pos + 6, le);
    if (major !== 2) throw new CaptureFormatError(`unsupported pcap version ${major}.${minor}`);
    this.littleEndian = le;
    this.nanosecond = info.nanosecond;
    this.recordHeaderLength = info.recordHeaderLength;
    this.snaplen = view.getUint32(pos + 16, le);
    // The upper bits of this field carry FCS information (draft-ietf-opsawg-pcap §4).
    this.linkType = view.getUint32(pos + 20, le) & 0x03ffffff;
    this.headerRead = true;
    this.needed = info.recordHeaderLength;
  }
}
