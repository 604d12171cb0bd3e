// Builds synthetic frames for tests: TCP/UDP over IPv4/IPv6 (options, extension headers,
// fragments) inside Ethernet (with VLAN tags), Linux cooked v1/v2, BSD/OpenBSD loopback or raw
// IP. Lengths are correct and checksums are computed, so tshark reads the result cleanly.

export const LINK = { NULL: 0, ETHERNET: 1, RAW: 101, LOOP: 108, SLL: 113, IPV4: 228, IPV6: 229, SLL2: 276 } as const;

export const FLAGS = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20 } as const;

export type Bytes = Uint8Array | string;

export function bytesOf(payload: Bytes | undefined): Uint8Array {
  if (payload === undefined) return new Uint8Array(0);
  return typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const part of parts) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

/** "00 11 22 …" or "001122…" → bytes (for byte-literal packets); "// …" to the line end is a comment. */
export function hexToBytes(text: string): Uint8Array {
  const clean = text.replace(/\/\/.*$/gm, '').replace(/[^0-9a-fA-F]/g, '');
  return Uint8Array.from({ length: clean.length / 2 }, (_, i) => parseInt(clean.slice(i * 2, i * 2 + 2), 16));
}

// ---------------------------------------------------------------- transport

export interface Transport {
  protocol: number;
  /** Header + payload; the checksum field is filled in by ipv4()/ipv6(). */
  bytes: Uint8Array;
  checksumAt: number | null;
}

export interface TcpSpec {
  srcPort: number;
  dstPort: number;
  seq?: number;
  ack?: number;
  /** A number, or letters: S(YN) A(CK) P(SH) F(IN) R(ST) U(RG), e.g. "PA". Default "A" (or "PA" with payload). */
  flags?: number | string;
  window?: number;
  /** Raw TCP options, padded to a multiple of 4 with zeros (EOL). */
  options?: Uint8Array;
  payload?: Bytes;
}

export function tcpFlags(flags: number | string): number {
  if (typeof flags === 'number') return flags;
  const letters: Record<string, number> = { S: FLAGS.SYN, A: FLAGS.ACK, P: FLAGS.PSH, F: FLAGS.FIN, R: FLAGS.RST, U: FLAGS.URG };
  let value = 0;
  for (const letter of flags.toUpperCase()) value |= letters[letter] ?? 0;
  return value;
}

export function tcp(spec: TcpSpec): Transport {
  const payload = bytesOf(spec.payload);
  const options = padTo4(spec.options ?? new Uint8Array(0));
  const headerLength = 20 + options.length;
  const bytes = new Uint8Array(headerLength + payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, spec.srcPort);
  view.setUint16(2, spec.dstPort);
  view.setUint32(4, (spec.seq ?? 0) >>> 0);
  view.setUint32(8, (spec.ack ?? 0) >>> 0);
  const flags = tcpFlags(spec.flags ?? (payload.length ? 'PA' : 'A'));
  view.setUint16(12, ((headerLength / 4) << 12) | (flags & 0x0fff));
  view.setUint16(14, spec.window ?? 65535);
  bytes.set(options, 20);
  bytes.set(payload, headerLength);
  return { protocol: 6, bytes, checksumAt: 16 };
}

export interface UdpSpec {
  srcPort: number;
  dstPort: number;
  payload?: Bytes;
  /** Override the UDP length field (default 8 + payload). */
  length?: number;
}

export function udp(spec: UdpSpec): Transport {
  const payload = bytesOf(spec.payload);
  const bytes = new Uint8Array(8 + payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, spec.srcPort);
  view.setUint16(2, spec.dstPort);
  view.setUint16(4, spec.length ?? bytes.length);
  bytes.set(payload, 8);
  return { protocol: 17, bytes, checksumAt: 6 };
}

/** Any other IP protocol: bytes as given. */
export function rawTransport(protocol: number, payload: Bytes): Transport {
  return { protocol, bytes: bytesOf(payload), checksumAt: null };
}

// ---------------------------------------------------------------- IP

export interface Ipv4Options {
  ttl?: number;
  id?: number;
  dontFragment?: boolean;
  moreFragments?: boolean;
  /** In bytes (multiple of 8). */
  fragmentOffset?: number;
  /** Raw IP options, padded to a multiple of 4 with zeros (EOL). */
  options?: Uint8Array;
  /** Override the total length field (to build bogus or truncated packets). */
  totalLength?: number;
}

export function parseIpv4(text: string): Uint8Array {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) throw new Error(`bad IPv4 address ${text}`);
  return Uint8Array.from(parts);
}

export function parseIpv6(text: string): Uint8Array {
  let normal = text;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    normal = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const parse = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const [left, right] = normal.split('::');
  let groups = parse(left);
  if (right !== undefined) {
    const rightGroups = parse(right);
    groups = [...groups, ...new Array<number>(8 - groups.length - rightGroups.length).fill(0), ...rightGroups];
  }
  if (groups.length !== 8 || groups.some((g) => !(g >= 0 && g <= 0xffff))) throw new Error(`bad IPv6 address ${text}`);
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

export function ipv4(src: string, dst: string, transport: Transport, opts: Ipv4Options = {}): Uint8Array {
  const options = padTo4(opts.options ?? new Uint8Array(0));
  const headerLength = 20 + options.length;
  const packet = new Uint8Array(headerLength + transport.bytes.length);
  const view = new DataView(packet.buffer);
  const srcBytes = parseIpv4(src);
  const dstBytes = parseIpv4(dst);
  packet[0] = 0x40 | (headerLength / 4);
  view.setUint16(2, opts.totalLength ?? packet.length);
  view.setUint16(4, opts.id ?? 0x1234);
  const flags = (opts.dontFragment ? 0x4000 : 0) | (opts.moreFragments ? 0x2000 : 0);
  view.setUint16(6, flags | ((opts.fragmentOffset ?? 0) / 8));
  packet[8] = opts.ttl ?? 64;
  packet[9] = transport.protocol;
  packet.set(srcBytes, 12);
  packet.set(dstBytes, 16);
  packet.set(options, 20);
  view.setUint16(10, internetChecksum(packet.subarray(0, headerLength)));
  packet.set(transport.bytes, headerLength);
  fillTransportChecksum(packet, headerLength, transport, concatBytes(srcBytes, dstBytes));
  return packet;
}

export interface Ipv6ExtensionHeader {
  /** 0 hop-by-hop, 43 routing, 60 destination options, 44 fragment. */
  type: number;
  /** Bytes (multiple of 8, ≥ 8) for non-fragment headers; default 8. */
  length?: number;
  /** Fragment header fields. */
  fragmentOffset?: number;
  moreFragments?: boolean;
}

export interface Ipv6Options {
  hopLimit?: number;
  extensionHeaders?: Ipv6ExtensionHeader[];
  /** Override the payload length field. */
  payloadLength?: number;
}

export function ipv6(src: string, dst: string, transport: Transport, opts: Ipv6Options = {}): Uint8Array {
  const extensions = opts.extensionHeaders ?? [];
  const extensionBytes = extensions.map((ext, i) => {
    const next = i + 1 < extensions.length ? extensions[i + 1].type : transport.protocol;
    if (ext.type === 44) {
      const header = new Uint8Array(8);
      header[0] = next;
      new DataView(header.buffer).setUint16(2, (ext.fragmentOffset ?? 0) | (ext.moreFragments ? 1 : 0));
      new DataView(header.buffer).setUint32(4, 0xabcd);
      return header;
    }
    const header = new Uint8Array(ext.length ?? 8);
    header[0] = next;
    header[1] = header.length / 8 - 1;
    // Pad1 options (zeros) fill hop-by-hop/destination options; routing type 0, segments left 0.
    return header;
  });
  const upper = concatBytes(...extensionBytes, transport.bytes);
  const packet = new Uint8Array(40 + upper.length);
  const view = new DataView(packet.buffer);
  const srcBytes = parseIpv6(src);
  const dstBytes = parseIpv6(dst);
  view.setUint32(0, 0x60000000);
  view.setUint16(4, opts.payloadLength ?? upper.length);
  packet[6] = extensions.length ? extensions[0].type : transport.protocol;
  packet[7] = opts.hopLimit ?? 64;
  packet.set(srcBytes, 8);
  packet.set(dstBytes, 24);
  packet.set(upper, 40);
  fillTransportChecksum(packet, 40 + upper.length - transport.bytes.length, transport, concatBytes(srcBytes, dstBytes));
  return packet;
}

/** IPv4 or IPv6 by the form of `src`. */
export function ip(src: string, dst: string, transport: Transport): Uint8Array {
  return src.includes(':') ? ipv6(src, dst, transport) : ipv4(src, dst, transport);
}

// ---------------------------------------------------------------- link layers

export interface EthernetOptions {
  src?: string;
  dst?: string;
  /** Default from the IP version nibble. */
  etherType?: number;
  /** Outermost first; tpid defaults to 0x8100. */
  vlans?: { id: number; priority?: number; tpid?: number }[];
  /** Bytes after the packet (padding or junk, as some NICs add). */
  trailer?: Uint8Array;
}

export function ethernet(payload: Uint8Array, opts: EthernetOptions = {}): Uint8Array {
  const header: number[] = [...macBytes(opts.dst ?? '00:05:5d:21:99:4c'), ...macBytes(opts.src ?? '00:16:ce:6e:8b:24')];
  for (const vlan of opts.vlans ?? []) {
    const tpid = vlan.tpid ?? 0x8100;
    const tci = ((vlan.priority ?? 0) << 13) | vlan.id;
    header.push(tpid >> 8, tpid & 0xff, tci >> 8, tci & 0xff);
  }
  const etherType = opts.etherType ?? etherTypeFor(payload);
  header.push(etherType >> 8, etherType & 0xff);
  return concatBytes(Uint8Array.from(header), payload, opts.trailer ?? new Uint8Array(0));
}

/** Linux cooked v1: packet type (0 to us, 4 sent by us), ARPHRD_ETHER, 6-byte address. */
export function sll(payload: Uint8Array, opts: { packetType?: number; protocol?: number } = {}): Uint8Array {
  const header = new Uint8Array(16);
  const view = new DataView(header.buffer);
  view.setUint16(0, opts.packetType ?? 0);
  view.setUint16(2, 1);
  view.setUint16(4, 6);
  header.set(macBytes('00:16:ce:6e:8b:24'), 6);
  view.setUint16(14, opts.protocol ?? etherTypeFor(payload));
  return concatBytes(header, payload);
}

/** Linux cooked v2. */
export function sll2(payload: Uint8Array, opts: { packetType?: number; protocol?: number; interfaceIndex?: number } = {}): Uint8Array {
  const header = new Uint8Array(20);
  const view = new DataView(header.buffer);
  view.setUint16(0, opts.protocol ?? etherTypeFor(payload));
  view.setUint32(4, opts.interfaceIndex ?? 2);
  view.setUint16(8, 1);
  header[10] = opts.packetType ?? 0;
  header[11] = 6;
  header.set(macBytes('00:16:ce:6e:8b:24'), 12);
  return concatBytes(header, payload);
}

/** BSD loopback: 4-byte address family in the capturing host's order (default little-endian). */
export function loopback(payload: Uint8Array, opts: { family?: number; bigEndian?: boolean } = {}): Uint8Array {
  const header = new Uint8Array(4);
  const family = opts.family ?? (payload[0] >> 4 === 6 ? 30 : 2);
  new DataView(header.buffer).setUint32(0, family, !opts.bigEndian);
  return concatBytes(header, payload);
}

/** Wraps an IP packet in the given link type's header with default options. */
export function linkFrame(linkType: number, ipPacket: Uint8Array): Uint8Array {
  switch (linkType) {
    case LINK.ETHERNET:
      return ethernet(ipPacket);
    case LINK.SLL:
      return sll(ipPacket);
    case LINK.SLL2:
      return sll2(ipPacket);
    case LINK.NULL:
      return loopback(ipPacket);
    case LINK.LOOP:
      return loopback(ipPacket, { bigEndian: true, family: ipPacket[0] >> 4 === 6 ? 24 : 2 });
    case LINK.RAW:
    case 12:
    case 14:
    case LINK.IPV4:
    case LINK.IPV6:
      return ipPacket;
    default:
      throw new Error(`linkFrame: unsupported link type ${linkType}`);
  }
}

export interface TcpFrameSpec extends TcpSpec {
  src: string;
  dst: string;
  /** Default Ethernet. */
  linkType?: number;
}

/** One TCP segment, ready to write into a capture. */
export function tcpFrame(spec: TcpFrameSpec): Uint8Array {
  return linkFrame(spec.linkType ?? LINK.ETHERNET, ip(spec.src, spec.dst, tcp(spec)));
}

export function udpFrame(spec: UdpSpec & { src: string; dst: string; linkType?: number }): Uint8Array {
  return linkFrame(spec.linkType ?? LINK.ETHERNET, ip(spec.src, spec.dst, udp(spec)));
}

// ---------------------------------------------------------------- internals

function etherTypeFor(ipPacket: Uint8Array): number {
  return ipPacket[0] >> 4 === 6 ? 0x86dd : 0x0800;
}

function macBytes(text: string): number[] {
  return text.split(':').map((h) => parseInt(h, 16));
}

function padTo4(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 4 === 0) return bytes;
  return concatBytes(bytes, new Uint8Array(4 - (bytes.length % 4)));
}

/** RFC 1071 one's-complement sum. */
function internetChecksum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < bytes.length; i += 2) sum += (bytes[i] << 8) | bytes[i + 1];
  if (bytes.length % 2) sum += bytes[bytes.length - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function fillTransportChecksum(packet: Uint8Array, at: number, transport: Transport, addresses: Uint8Array): void {
  if (transport.checksumAt === null) return;
  const length = transport.bytes.length;
  let pseudo = transport.protocol + (length & 0xffff) + (length >>> 16);
  for (let i = 0; i < addresses.length; i += 2) pseudo += (addresses[i] << 8) | addresses[i + 1];
  const segment = packet.subarray(at, at + length);
  segment[transport.checksumAt] = 0;
  segment[transport.checksumAt + 1] = 0;
  let checksum = internetChecksum(segment, pseudo);
  if (checksum === 0 && transport.protocol === 17) checksum = 0xffff;
  segment[transport.checksumAt] = checksum >> 8;
  segment[transport.checksumAt + 1] = checksum & 0xff;
}
