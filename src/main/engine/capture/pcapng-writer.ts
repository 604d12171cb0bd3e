// Writes pcapng (little-endian): a Section Header Block, one Interface Description Block per
// interface added, and Enhanced Packet Blocks with microsecond timestamps (if_tsresol 6).
// Each block is handed to the sink as one Uint8Array. Used by live-capture saves, ring buffers
// and tests. Spec: https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/

import { BYTE_ORDER_MAGIC, EPB_TYPE, IDB_TYPE, SHB_TYPE } from './pcapng-constants';

const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_TSRESOL = 9;
const DEFAULT_SNAPLEN = 262_144;

interface Option {
  code: number;
  value: Uint8Array;
}

export interface PcapngWriterOptions {
  /** shb_userappl (default "msnp-analyzer"). */
  application?: string;
  /** opt_comment on the section header. */
  comment?: string;
}

export class PcapngWriter {
  private interfaces: { linkType: number; snaplen: number; name: string | undefined }[] = [];

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    opts: PcapngWriterOptions = {},
  ) {
    const options: Option[] = [{ code: SHB_USERAPPL, value: utf8(opts.application ?? 'msnp-analyzer') }];
    if (opts.comment) options.push({ code: OPT_COMMENT, value: utf8(opts.comment) });
    this.writeBlock(SHB_TYPE, 16, options, (view) => {
      view.setUint32(8, BYTE_ORDER_MAGIC, true);
      view.setUint16(12, 1, true);
      view.setUint16(14, 0, true);
      view.setBigInt64(16, -1n, true); // section length not specified
    });
  }

  /** Returns the interface id for packets; the same (linkType, snaplen, name) reuses its id. */
  addInterface(linkType: number, snaplen: number = DEFAULT_SNAPLEN, name?: string): number {
    const existing = this.interfaces.findIndex((i) => i.linkType === linkType && i.snaplen === snaplen && i.name === name);
    if (existing >= 0) return existing;
    const options: Option[] = [];
    if (name) options.push({ code: IF_NAME, value: utf8(name) });
    options.push({ code: IF_TSRESOL, value: Uint8Array.of(6) });
    this.writeBlock(IDB_TYPE, 8, options, (view) => {
      view.setUint16(8, linkType, true);
      view.setUint16(10, 0, true);
      view.setUint32(12, snaplen, true);
    });
    this.interfaces.push({ linkType, snaplen, name });
    return this.interfaces.length - 1;
  }

  /** Data beyond the interface's snaplen is cut; `originalLength` defaults to data.length. */
  writePacket(iface: number, tsUs: number, data: Uint8Array, originalLength: number = data.length, comment?: string): void {
    const info = this.interfaces[iface];
    if (!info) throw new Error(`PcapngWriter: interface ${iface} was not added`);
    const captured = info.snaplen > 0 && data.length > info.snaplen ? data.subarray(0, info.snaplen) : data;
    const options: Option[] = comment ? [{ code: OPT_COMMENT, value: utf8(comment) }] : [];
    const paddedLength = pad4(captured.length);
    this.writeBlock(EPB_TYPE, 20 + paddedLength, options, (view, bytes) => {
      const ts = Math.max(0, Math.floor(tsUs));
      view.setUint32(8, iface, true);
      view.setUint32(12, Math.floor(ts / 4294967296), true);
      view.setUint32(16, ts % 4294967296, true);
      view.setUint32(20, captured.length, true);
      view.setUint32(24, originalLength, true);
      bytes.set(captured, 28);
    });
  }

  /** Lays out type, length, fixed body (filled by `fill`, at offset 8), options, length. */
  private writeBlock(type: number, fixedLength: number, options: Option[], fill: (view: DataView, bytes: Uint8Array) => void): void {
    const optionsLength = options.length ? options.reduce((n, o) => n + 4 + pad4(o.value.length), 0) + 4 : 0;
    const length = 8 + fixedLength + optionsLength + 4;
    const bytes = new Uint8Array(length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, type, true);
    view.setUint32(4, length, true);
    fill(view, bytes);
    let pos = 8 + fixedLength;
    for (const option of options) {
      view.setUint16(pos, option.code, true);
      view.setUint16(pos + 2, option.value.length, true);
      bytes.set(option.value, pos + 4);
      pos += 4 + pad4(option.value.length);
    }
    // opt_endofopt is the zero code/length already in place; the trailer repeats the length.
    view.setUint32(length - 4, length, true);
    this.sink(bytes);
  }
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
