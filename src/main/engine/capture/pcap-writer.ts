// Writes classic libpcap files (either byte order, microsecond or nanosecond magic). Mainly for
// tests and exports. Spec: https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcap/

export interface PcapWriterOptions {
  linkType: number;
  snaplen?: number;
  /** Nanosecond-resolution magic a1b23c4d (record fractions in ns). */
  nanosecond?: boolean;
  bigEndian?: boolean;
}

export class PcapWriter {
  private readonly littleEndian: boolean;
  private readonly nanosecond: boolean;

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    opts: PcapWriterOptions,
  ) {
    this.littleEndian = !opts.bigEndian;
    this.nanosecond = !!opts.nanosecond;
    const header = new Uint8Array(24);
    const view = new DataView(header.buffer);
    view.setUint32(0, this.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4, this.littleEndian);
    view.setUint16(4, 2, this.littleEndian);
    view.setUint16(6, 4, this.littleEndian);
    view.setUint32(16, opts.snaplen ?? 262_144, this.littleEndian);
    view.setUint32(20, opts.linkType, this.littleEndian);
    sink(header);
  }

  writePacket(tsUs: number, data: Uint8Array, originalLength: number = data.length): void {
    const seconds = Math.floor(tsUs / 1_000_000);
    const micros = tsUs - seconds * 1_000_000;
    this.writeRecord(seconds, this.nanosecond ? micros * 1000 : micros, data, originalLength);
  }

  /** `fraction` is in µs, or ns for a nanosecond file. */
  writeRecord(seconds: number, fraction: number, data: Uint8Array, originalLength: number = data.length): void {
    const record = new Uint8Array(16 + data.length);
    const view = new DataView(record.buffer);
    view.setUint32(0, seconds, this.littleEndian);
    view.setUint32(4, fraction, this.littleEndian);
    view.setUint32(8, data.length, this.littleEndian);
    view.setUint32(12, originalLength, this.littleEndian);
    record.set(data, 16);
    this.sink(record);
  }
}
