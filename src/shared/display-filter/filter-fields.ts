// The display-filter field table: every name the language knows, its type, and how to read its
// values out of a frame's FrameFields. A field may hold several values (ip.addr is the source and
// the destination; msnp.cmd every command the frame completes); it is absent when it has none.

import { FrameLayer, type FrameFields } from './frame-fields';

export type FieldType = 'number' | 'string' | 'address' | 'protocol' | 'bytes' | 'time';
export type FieldValue = string | number | Uint8Array;

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Compare case-insensitively (accounts, commands, versions and MIME types are case-insensitive). */
  caseInsensitive?: boolean;
  description: string;
  /** The field's values in this frame; empty or undefined when the field is absent. */
  values(f: FrameFields): readonly FieldValue[] | undefined;
  /** A protocol's bytes, for `contains`, `matches` and slices (`frame[0:4]`, `tcp contains "MSG"`). */
  bytes?(f: FrameFields): Uint8Array | null | undefined;
}

function one<T extends FieldValue>(v: T | undefined | null): readonly T[] | undefined {
  return v === undefined || v === null ? undefined : [v];
}

function both<T extends FieldValue>(a: T | undefined, b: T | undefined): readonly T[] | undefined {
  if (a === undefined) return one(b);
  return b === undefined ? [a] : [a, b];
}

const PRESENT: readonly FieldValue[] = [1];

/** Hand-built fields (tests, the renderer's demo data) carry no layer bits: derive the IP ones. */
function layers(f: FrameFields): number {
  if (f.layers !== undefined) return f.layers;
  let bits = 0;
  if (f.ipSrc !== undefined) bits |= f.ipSrc.includes(':') ? FrameLayer.Ipv6 : FrameLayer.Ipv4;
  if (f.tcpSrcPort !== undefined) bits |= FrameLayer.Tcp;
  if (f.udpSrcPort !== undefined) bits |= FrameLayer.Udp;
  return bits;
}

function layer(bit: number): (f: FrameFields) => readonly FieldValue[] | undefined {
  return (f) => ((layers(f) & bit) !== 0 ? PRESENT : undefined);
}

function flag(mask: number): (f: FrameFields) => readonly FieldValue[] | undefined {
  return (f) => (f.tcpFlags === undefined ? undefined : [(f.tcpFlags & mask) !== 0 ? 1 : 0]);
}

function seconds(us: number | undefined): readonly FieldValue[] | undefined {
  return us === undefined ? undefined : [us / 1e6];
}

const P2P_TYPE = 'application/x-msnmsgrp2p';
const MSNSLP_MARK = new TextEncoder().encode('MSNSLP/1.0');

function hasP2p(f: FrameFields): boolean {
  return (layers(f) & FrameLayer.P2p) !== 0 || (f.msnp?.contentTypes.some((t) => t.toLowerCase().startsWith(P2P_TYPE)) ?? false);
}

/** Index of `needle` in `hay`, or −1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0) return 0;
  const first = needle[0];
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const payloadOf = (f: FrameFields) => f.payload?.();
const bytesOf = (f: FrameFields) => f.bytes?.();

export const FIELDS: readonly FieldDef[] = [
  // Protocols: a name on its own tests presence; `contains`, `matches` and slices read its bytes
  // (frame and eth: the whole frame; tcp, udp, http, msnp, msnslp, p2p: the transport payload).
  { name: 'frame', type: 'protocol', description: 'Every frame; its bytes are the whole captured frame', values: () => PRESENT, bytes: bytesOf },
  { name: 'eth', type: 'protocol', description: 'Ethernet link layer', values: layer(FrameLayer.Eth), bytes: bytesOf },
  { name: 'ip', type: 'protocol', description: 'IPv4', values: layer(FrameLayer.Ipv4), bytes: bytesOf },
  { name: 'ipv6', type: 'protocol', description: 'IPv6', values: layer(FrameLayer.Ipv6), bytes: bytesOf },
  { name: 'tcp', type: 'protocol', description: 'TCP; its bytes are the segment\'s payload', values: layer(FrameLayer.Tcp), bytes: payloadOf },
  { name: 'udp', type: 'protocol', description: 'UDP; its bytes are the datagram\'s payload', values: layer(FrameLayer.Udp), bytes: payloadOf },
  { name: 'http', type: 'protocol', description: 'A segment that completes an HTTP request or response (as Wireshark marks them)', values: layer(FrameLayer.Http), bytes: payloadOf },
  { name: 'tls', type: 'protocol', description: 'A port-443 segment whose payload starts with a TLS record', values: layer(FrameLayer.Tls), bytes: payloadOf },
  { name: 'msnp', type: 'protocol', description: 'The frame completes at least one MSNP command', values: (f) => (f.msnp ? PRESENT : undefined), bytes: payloadOf },
  { name: 'p2p', type: 'protocol', description: 'MSN P2P data: an application/x-msnmsgrp2p message or a direct P2P / MSNFTP connection', values: (f) => (hasP2p(f) ? PRESENT : undefined), bytes: payloadOf },
  {
    name: 'msnslp', type: 'protocol', description: 'The frame\'s payload carries MSNSLP text (INVITE, 200 OK, BYE…)',
    values: (f) => {
      const p = hasP2p(f) ? payloadOf(f) : null;
      return p && indexOfBytes(p, MSNSLP_MARK) >= 0 ? PRESENT : undefined;
    },
    bytes: payloadOf,
  },
  // frame.*
  { name: 'frame.number', type: 'number', description: 'Frame number (1-based)', values: (f) => [f.number] },
  { name: 'frame.marked', type: 'number', description: 'The frame is marked (Ctrl+M): 1, else 0', values: (f) => [f.marked ? 1 : 0] },
  { name: 'frame.len', type: 'number', description: 'Frame length on the wire, in bytes', values: (f) => one(f.length) },
  { name: 'frame.cap_len', type: 'number', description: 'Captured length, in bytes', values: (f) => one(f.capturedLength) },
  { name: 'frame.time', type: 'time', description: 'Arrival time (compare with "2006-03-17 10:00:00", UTC unless a zone is given)', values: (f) => one(f.timeUs) },
  { name: 'frame.time_epoch', type: 'number', description: 'Arrival time, seconds since 1970-01-01 UTC', values: (f) => seconds(f.timeUs) },
  { name: 'frame.time_relative', type: 'number', description: 'Seconds since the first frame', values: (f) => seconds(f.timeRelativeUs) },
  { name: 'frame.time_delta', type: 'number', description: 'Seconds since the previous captured frame', values: (f) => seconds(f.timeDeltaUs) },
  // ip.* (both versions, as the packet list shows them) and ipv6.*
  { name: 'ip.addr', type: 'address', description: 'Source or destination IP address (IPv4 or IPv6)', values: (f) => both(f.ipSrc, f.ipDst) },
  { name: 'ip.src', type: 'address', description: 'Source IP address', values: (f) => one(f.ipSrc) },
  { name: 'ip.dst', type: 'address', description: 'Destination IP address', values: (f) => one(f.ipDst) },
  { name: 'ip.proto', type: 'number', description: 'IP protocol number (6 TCP, 17 UDP…)', values: (f) => one(f.ipProto) },
  { name: 'ipv6.addr', type: 'address', description: 'Source or destination IPv6 address', values: (f) => ((layers(f) & FrameLayer.Ipv6) ? both(f.ipSrc, f.ipDst) : undefined) },
  { name: 'ipv6.src', type: 'address', description: 'Source IPv6 address', values: (f) => ((layers(f) & FrameLayer.Ipv6) ? one(f.ipSrc) : undefined) },
  { name: 'ipv6.dst', type: 'address', description: 'Destination IPv6 address', values: (f) => ((layers(f) & FrameLayer.Ipv6) ? one(f.ipDst) : undefined) },
  // tcp.*
  { name: 'tcp.port', type: 'number', description: 'Source or destination TCP port', values: (f) => both(f.tcpSrcPort, f.tcpDstPort) },
  { name: 'tcp.srcport', type: 'number', description: 'TCP source port', values: (f) => one(f.tcpSrcPort) },
  { name: 'tcp.dstport', type: 'number', description: 'TCP destination port', values: (f) => one(f.tcpDstPort) },
  { name: 'tcp.stream', type: 'number', description: 'TCP conversation index (0-based)', values: (f) => one(f.tcpStream) },
  { name: 'tcp.len', type: 'number', description: 'TCP payload length, in bytes', values: (f) => one(f.tcpLen) },
  { name: 'tcp.seq', type: 'number', description: 'Sequence number relative to the direction\'s first (the SYN is 0)', values: (f) => one(f.tcpSeq) },
  { name: 'tcp.ack', type: 'number', description: 'Acknowledgement number relative to the other direction\'s first', values: (f) => one(f.tcpAck) },
  { name: 'tcp.seq_raw', type: 'number', description: 'Sequence number as on the wire', values: (f) => one(f.tcpSeqRaw) },
  { name: 'tcp.ack_raw', type: 'number', description: 'Acknowledgement number as on the wire', values: (f) => one(f.tcpAckRaw) },
  { name: 'tcp.window_size_value', type: 'number', description: 'Window field as on the wire (unscaled)', values: (f) => one(f.tcpWindow) },
  { name: 'tcp.window_size', type: 'number', description: "Window in bytes: the field scaled by the handshake's window scale (unscaled when no handshake was seen)", values: (f) => one(f.tcpWindowSize) },
  { name: 'tcp.flags', type: 'number', description: 'TCP flags word (e.g. 0x012 for SYN+ACK)', values: (f) => one(f.tcpFlags) },
  { name: 'tcp.flags.fin', type: 'number', description: 'FIN flag (1 or 0; true/false)', values: flag(0x01) },
  { name: 'tcp.flags.syn', type: 'number', description: 'SYN flag', values: flag(0x02) },
  { name: 'tcp.flags.reset', type: 'number', description: 'RST flag', values: flag(0x04) },
  { name: 'tcp.flags.push', type: 'number', description: 'PSH flag', values: flag(0x08) },
  { name: 'tcp.flags.ack', type: 'number', description: 'ACK flag', values: flag(0x10) },
  { name: 'tcp.flags.urg', type: 'number', description: 'URG flag', values: flag(0x20) },
  { name: 'tcp.payload', type: 'bytes', description: 'TCP payload bytes', values: (f) => (f.tcpLen ? one(payloadOf(f)) : undefined) },
  // udp.*
  { name: 'udp.port', type: 'number', description: 'Source or destination UDP port', values: (f) => both(f.udpSrcPort, f.udpDstPort) },
  { name: 'udp.srcport', type: 'number', description: 'UDP source port', values: (f) => one(f.udpSrcPort) },
  { name: 'udp.dstport', type: 'number', description: 'UDP destination port', values: (f) => one(f.udpDstPort) },
  { name: 'udp.length', type: 'number', description: 'UDP length field: header and payload, in bytes', values: (f) => one(f.udpLength) },
  // msnp.*
  { name: 'msnp.cmd', type: 'string', caseInsensitive: true, description: 'MSNP command verb (MSG, USR, 911…)', values: (f) => f.msnp?.commands },
  { name: 'msnp.trid', type: 'number', description: 'MSNP transaction id', values: (f) => f.msnp?.trids },
  { name: 'msnp.account', type: 'string', caseInsensitive: true, description: 'Account (e-mail address) named by a command', values: (f) => f.msnp?.accounts },
  { name: 'msnp.session', type: 'number', description: 'Switchboard session id', values: (f) => f.msnp?.sessions },
  { name: 'msnp.error', type: 'number', description: 'MSNP error code', values: (f) => f.msnp?.errors },
  { name: 'msnp.version', type: 'string', caseInsensitive: true, description: 'Protocol version of the connection (MSNP12…)', values: (f) => one(f.msnp?.version) },
  { name: 'msnp.content_type', type: 'string', caseInsensitive: true, description: 'Content-Type of a message', values: (f) => f.msnp?.contentTypes },
  { name: 'msnp.text', type: 'string', description: 'Chat text, offline messages (UUM, UBM) and personal messages', values: (f) => f.msnp?.texts },
];

const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));

export function lookupField(name: string): FieldDef | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Edit distance, bounded: only used to suggest a field name for a typo. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** The closest known field name, when one is within two edits. */
export function suggestField(name: string): string | undefined {
  if (name.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const f of FIELDS) {
    const d = distance(name.toLowerCase(), f.name);
    if (d < bestDistance) {
      best = f.name;
      bestDistance = d;
    }
  }
  return best;
}
