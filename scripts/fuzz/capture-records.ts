// Splits a capture file into its records so mutations and the minimiser can work on whole packets:
// classic pcap = a 24-byte file header, then 16-byte record headers each followed by incl_len bytes;
// pcapng = blocks (type, total length, body, total length). Bytes after the last whole record
// (a torn record, garbage) are kept as a last record, so join(split(x)) is always x.

import { concatBytes } from '../../test/helpers/packet-builder';

export interface CaptureRecords {
  format: 'pcap' | 'pcapng' | 'unknown';
  littleEndian: boolean;
  /** The pcap file header (empty for pcapng, whose section header is a record like any block). */
  header: Uint8Array;
  records: Uint8Array[];
}

const PCAP_HEADER = 24;
const PCAP_RECORD_HEADER = 16;
const PCAPNG_SHB = 0x0a0d0d0a;
const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;

export function splitCapture(bytes: Uint8Array): CaptureRecords {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= PCAP_HEADER) {
    const magic = view.getUint32(0, true);
    if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d) return splitPcap(bytes, view, true);
    if (magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1) return splitPcap(bytes, view, false);
  }
  if (bytes.length >= 12 && view.getUint32(0, true) === PCAPNG_SHB) {
    return splitPcapng(bytes, view, view.getUint32(8, true) === PCAPNG_BYTE_ORDER_MAGIC);
  }
  return { format: 'unknown', littleEndian: true, header: new Uint8Array(0), records: bytes.length ? [bytes] : [] };
}

export function joinCapture(c: Pick<CaptureRecords, 'header' | 'records'>): Uint8Array {
  return concatBytes(c.header, ...c.records);
}

function splitPcap(bytes: Uint8Array, view: DataView, le: boolean): CaptureRecords {
  const records: Uint8Array[] = [];
  let pos = PCAP_HEADER;
  while (pos < bytes.length) {
    const length = pos + PCAP_RECORD_HEADER <= bytes.length ? PCAP_RECORD_HEADER + view.getUint32(pos + 8, le) : Infinity;
    const end = pos + length <= bytes.length ? pos + length : bytes.length;
    records.push(bytes.subarray(pos, end));
    pos = end;
  }
  return { format: 'pcap', littleEndian: le, header: bytes.subarray(0, PCAP_HEADER), records };
}

function splitPcapng(bytes: Uint8Array, view: DataView, firstLittleEndian: boolean): CaptureRecords {
  const records: Uint8Array[] = [];
  let le = firstLittleEndian;
  let pos = 0;
  while (pos < bytes.length) {
    let length = Infinity;
    if (pos + 12 <= bytes.length) {
      // Each section header sets the byte order of the blocks after it.
      if (view.getUint32(pos, true) === PCAPNG_SHB) le = view.getUint32(pos + 8, true) === PCAPNG_BYTE_ORDER_MAGIC;
      const declared = view.getUint32(pos + 4, le);
      if (declared >= 12 && declared % 4 === 0) length = declared;
    }
    const end = pos + length <= bytes.length ? pos + length : bytes.length;
    records.push(bytes.subarray(pos, end));
    pos = end;
  }
  return { format: 'pcapng', littleEndian: firstLittleEndian, header: new Uint8Array(0), records };
}
