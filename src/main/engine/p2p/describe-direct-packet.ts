// Command-tree nodes for one packet of a direct P2P connection: the 4-byte little-endian length
// prefix, then the handshake (`foo\0`; the nonce packet: v1 a 48-byte header with flag KEY and
// the nonce in the ack fields, v2 the bare 16-byte nonce) or a P2P message (every v1 or v2 header
// field, the MSNSLP message inside session-0 data, or the data chunk with its offset in the
// file). What a packet needs for its tree is kept when it is framed (the views ask later, by
// frame): the headers, MSNSLP text, never a file's bytes. Ranges are relative to the prefix.
// Spec: PROTOCOL.md "P2P / MSNSLP" (direct connections); MSNPSharp P2PDCHandshakeMessage.

import type { Direction, TreeNode } from '../../../shared/model';
import type { DirectPacket } from './direct-p2p-framer';
import { describeSlp, p2pV1HeaderNode, p2pV2HeaderNodes } from './describe-p2p-body';
import { parseSlp } from './msnslp';
import type { ChunkPlacement } from './p2p-data';
import { P2P_V1_HEADER_LENGTH, parseP2pV1 } from './p2p-header-v1';
import { parseP2pV2 } from './p2p-header-v2';

/** What the tree of one direct packet is built from (a copy: the framer's bytes are views). */
export interface DirectPacketView {
  type: DirectPacket['type'];
  version: 1 | 2 | null;
  nonce: string | null;
  /** The packet's bytes after the prefix, cut after the headers when it carries file data. */
  kept: Uint8Array;
  /** The packet's length after the prefix. */
  bodyLength: number;
  placement: ChunkPlacement | null;
  /** Problems of the whole packet's parse (the kept bytes may be shorter). */
  problems: string[];
}

/** Unknown packets show at most this many bytes' worth of themselves. */
const UNKNOWN_KEPT = 64;

export function directPacketView(packet: DirectPacket, placement: ChunkPlacement | null): DirectPacketView {
  const body = packet.packet;
  const version = packet.type === 'p2p' || packet.type === 'handshake' ? packet.version : null;
  let keep = packet.type === 'unknown' ? Math.min(body.length, UNKNOWN_KEPT) : body.length;
  let problems: string[] = [];
  if (packet.type === 'p2p' && packet.version === 1) {
    const p = parseP2pV1(body, false);
    problems = p?.problems ?? [];
    if (p && p.header.sessionId !== 0) keep = P2P_V1_HEADER_LENGTH;
  } else if (packet.type === 'p2p') {
    const p = parseP2pV2(body, false);
    problems = p?.problems ?? [];
    if (p?.dataHeader && p.dataHeader.sessionId !== 0) keep = p.dataOffset;
  }
  return { type: packet.type, version, nonce: packet.type === 'handshake' ? packet.nonce : null, kept: body.slice(0, keep), bodyLength: body.length, placement, problems };
}

function dataNode(view: DirectPacketView, at: number, length: number, sessionId: number): TreeNode {
  if (sessionId === 0) {
    const slp = parseSlp(view.kept.subarray(at - 4, at - 4 + length));
    if (slp) return describeSlp(slp, at);
  }
  const p = view.placement;
  const where = p ? ` — file data at offset ${p.offset} of "${p.name}" (${p.size} bytes)` : sessionId === 0 ? ' (MSNSLP, not complete in this packet)' : '';
  return { label: `Data: ${length} bytes${where}`, range: [at, length] };
}

function summary(view: DirectPacketView): string {
  if (view.type === 'foo') return 'handshake foo';
  if (view.type === 'handshake') return `nonce handshake (P2P v${view.version}) ${view.nonce}`;
  if (view.type === 'unknown') return `packet of ${view.bodyLength} bytes (neither P2P v1 nor v2)`;
  const p = view.placement;
  const data = p ? `, data at offset ${p.offset} of ${p.size}` : '';
  return `P2P v${view.version}${data}`;
}

const utf8 = new TextDecoder();

/**
 * One line for the packet list's Info (cheap: read off the header, no copy): "foo", "nonce
 * handshake {…}", "P2P v1 session 94044 data 0–1352 of 3000 "name"", "P2P v2 ACK 91200", or the
 * MSNSLP start line of session-0 data.
 */
export function directPacketSummary(packet: DirectPacket, placement: ChunkPlacement | null): string {
  if (packet.type === 'foo') return 'P2P direct: foo';
  if (packet.type === 'handshake') return `P2P direct: nonce handshake (v${packet.version}) ${packet.nonce}`;
  if (packet.type === 'unknown') return `P2P direct: ${packet.packet.length} bytes, neither P2P v1 nor v2`;
  const body = packet.packet;
  const data = (sessionId: number, at: number) => {
    if (placement) return ` data ${placement.offset}–${placement.offset + body.length - at} of ${placement.size} "${placement.name}"`;
    if (sessionId === 0 && body.length > at) return ` ${utf8.decode(body.subarray(at, Math.min(body.length, at + 120))).split('\r\n')[0]}`;
    return body.length > at ? ` ${body.length - at} bytes` : '';
  };
  if (packet.version === 1) {
    const p = parseP2pV1(body, false);
    if (!p) return 'P2P v1 (short)';
    const flags = p.header.flags & 0x2 ? ` ACK of ${p.header.ackIdentifier} (${p.header.ackDataSize} bytes)` : '';
    return `P2P v1 session ${p.header.sessionId}${flags}${data(p.header.sessionId, P2P_V1_HEADER_LENGTH)}`;
  }
  const p = parseP2pV2(body, false);
  if (!p) return 'P2P v2 (short)';
  const ack = p.ackSequence !== null ? ` ACK ${p.ackSequence}` : '';
  const session = p.dataHeader ? ` session ${p.dataHeader.sessionId}` : '';
  return `P2P v2 seq ${p.sequenceNumber}${session}${ack}${p.dataHeader ? data(p.dataHeader.sessionId, p.dataOffset) : ''}`;
}

/** The packet's tree; ranges count from the packet's length prefix. */
export function describeDirectPacket(view: DirectPacketView, direction: Direction): TreeNode {
  const children: TreeNode[] = [{ label: `Length prefix: ${view.bodyLength} (4 bytes, little-endian)`, range: [0, 4] }];
  const body = view.kept;
  if (view.type === 'foo') {
    children.push({ label: 'Handshake: "foo\\0" (the connecting side\'s first packet)', range: [4, 4] });
  } else if (view.type === 'handshake' && view.version === 2) {
    children.push({ label: `Nonce: ${view.nonce} (P2P v2 handshake: the transport negotiation's Nonce, 16 bytes in GUID byte order)`, range: [4, 16] });
  } else if (view.type === 'handshake') {
    const p = parseP2pV1(body, false);
    if (p) {
      const header = p2pV1HeaderNode(p.header, 4);
      // The ack fields hold the nonce here, not numbers: show the ack data size's bytes as they are.
      const ackSize = header.children?.[8];
      if (ackSize) ackSize.label = `Ack data size: ${Array.from(body.subarray(40, 48), (b) => b.toString(16).padStart(2, '0')).join(' ')} (nonce bytes)`;
      children.push(header);
    }
    children.push({ label: `Nonce: ${view.nonce} (in the ack identifier, ack unique id and ack data size fields; flag KEY)`, range: [4 + 32, 16] });
  } else if (view.type === 'p2p' && view.version === 1) {
    const p = parseP2pV1(body, false);
    if (p) {
      children.push(p2pV1HeaderNode(p.header, 4));
      const length = Math.min(p.header.messageLength, view.bodyLength - P2P_V1_HEADER_LENGTH);
      if (length > 0) children.push(dataNode(view, 4 + P2P_V1_HEADER_LENGTH, length, p.header.sessionId));
    }
  } else if (view.type === 'p2p') {
    const p = parseP2pV2(body, false);
    if (p) {
      children.push(...p2pV2HeaderNodes(p, 4));
      const length = view.bodyLength - p.dataOffset;
      if (p.dataHeader && length > 0) children.push(dataNode(view, 4 + p.dataOffset, length, p.dataHeader.sessionId));
    }
  } else {
    children.push({ label: `Packet: ${view.bodyLength} bytes, neither P2P v1 nor v2`, range: [4, view.bodyLength], severity: 'warning' });
  }
  for (const problem of view.problems) children.push({ label: problem, severity: 'warning' });
  return { label: `MSNP2P direct (${direction === 'c2s' ? 'client → server' : 'server → client'}): ${summary(view)}`, range: [0, 4 + view.bodyLength], children };
}
