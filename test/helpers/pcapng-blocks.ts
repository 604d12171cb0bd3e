// Raw pcapng blocks for reader tests: any byte order, tsresol, tsoffset, SPBs, unknown blocks
// and deliberately broken lengths, which the product PcapngWriter never produces.
// Layouts: draft-ietf-opsawg-pcapng §4 (block), §4.1 SHB, §4.2 IDB, §4.3 EPB, §4.4 SPB.

import { concatBytes } from './packet-builder';

export interface BlockOptions {
  bigEndian?: boolean;
}

/** type, total length, body (padded to 4), total length; `lengthOverride` breaks the header length. */
export function pcapngBlock(type: number, body: Uint8Array, opts: BlockOptions & { lengthOverride?: number; trailerOverride?: number } = {}): Uint8Array {
  const padded = (body.length + 3) & ~3;
  const length = 12 + padded;
  const block = new Uint8Array(length);
  const view = new DataView(block.buffer);
  const le = !opts.bigEndian;
  view.setUint32(0, type, le);
  view.setUint32(4, opts.lengthOverride ?? length, le);
  block.set(body, 8);
  view.setUint32(length - 4, opts.trailerOverride ?? length, le);
  return block;
}

function option(code: number, value: Uint8Array, le: boolean): Uint8Array {
  const out = new Uint8Array(4 + ((value.length + 3) & ~3));
  const view = new DataView(out.buffer);
  view.setUint16(0, code, le);
  view.setUint16(2, value.length, le);
  out.set(value, 4);
  return out;
}

export function sectionHeader(opts: BlockOptions = {}): Uint8Array {
  const body = new Uint8Array(16);
  const view = new DataView(body.buffer);
  const le = !opts.bigEndian;
  view.setUint32(0, 0x1a2b3c4d, le);
  view.setUint16(4, 1, le);
  view.setUint16(6, 0, le);
  view.setBigInt64(8, -1n, le);
  return pcapngBlock(0x0a0d0d0a, body, opts);
}

export interface InterfaceSpec extends BlockOptions {
  linkType: number;
  snaplen?: number;
  /** Raw if_tsresol byte (6 = µs, 9 = ns, 0x80|n = 2^-n). */
  tsresol?: number;
  /** if_tsoffset in seconds. */
  tsoffset?: number;
  name?: string;
}

export function interfaceDescription(spec: InterfaceSpec): Uint8Array {
  const le = !spec.bigEndian;
  const fixed = new Uint8Array(8);
  const view = new DataView(fixed.buffer);
  view.setUint16(0, spec.linkType, le);
  view.setUint32(4, spec.snaplen ?? 0, le);
  const options: Uint8Array[] = [];
  if (spec.name !== undefined) options.push(option(2, new TextEncoder().encode(spec.name), le));
  if (spec.tsresol !== undefined) options.push(option(9, Uint8Array.of(spec.tsresol), le));
  if (spec.tsoffset !== undefined) {
    const value = new Uint8Array(8);
    new DataView(value.buffer).setBigInt64(0, BigInt(spec.tsoffset), le);
    options.push(option(14, value, le));
  }
  if (options.length) options.push(new Uint8Array(4)); // opt_endofopt
  return pcapngBlock(1, concatBytes(fixed, ...options), spec);
}

export interface PacketSpec extends BlockOptions {
  iface: number;
  /** Timestamp in the interface's units. */
  units: bigint;
  data: Uint8Array;
  originalLength?: number;
  /** Override the captured length field (to break it). */
  capturedLength?: number;
}

export function enhancedPacket(spec: PacketSpec): Uint8Array {
  return pcapngBlock(6, packetBody(spec, 4), spec);
}

/** Obsolete Packet Block (type 2): 16-bit interface id and drop count, then as an EPB. */
export function obsoletePacket(spec: PacketSpec): Uint8Array {
  return pcapngBlock(2, packetBody(spec, 2), spec);
}

/** Interface id (4 bytes, or 2 plus a zero drop count), timestamp halves, lengths, data. */
function packetBody(spec: PacketSpec, interfaceIdBytes: 2 | 4): Uint8Array {
  const le = !spec.bigEndian;
  const fixed = new Uint8Array(20);
  const view = new DataView(fixed.buffer);
  if (interfaceIdBytes === 4) view.setUint32(0, spec.iface, le);
  else view.setUint16(0, spec.iface, le);
  view.setUint32(4, Number(spec.units >> 32n), le);
  view.setUint32(8, Number(spec.units & 0xffffffffn), le);
  view.setUint32(12, spec.capturedLength ?? spec.data.length, le);
  view.setUint32(16, spec.originalLength ?? spec.data.length, le);
  return concatBytes(fixed, spec.data);
}

/** Simple Packet Block: original length then data (captured length is implied). */
export function simplePacket(data: Uint8Array, originalLength: number, opts: BlockOptions = {}): Uint8Array {
  const fixed = new Uint8Array(4);
  new DataView(fixed.buffer).setUint32(0, originalLength, !opts.bigEndian);
  return pcapngBlock(3, concatBytes(fixed, data), opts);
}
