// Builds what the packet list and the display filter know about one frame: a Wireshark-like row
// (with the MSNP commands that completed in the frame as its Info) and the filterable fields.

import type { FrameFields } from '../../shared/display-filter/frame-fields';
import type { Direction, FrameKind, FrameRow } from '../../shared/model';
import type { CommandAnnotation } from './analysis/msnp-analysis';
import type { CapturedFrame } from './capture/captured-frame';
import { tcpWindowSize, type DecodedPacket } from './decode/decoded-packet';
import { tcpFlagsText } from './decode/protocol-names';
import { segmentProtocol } from './segment-protocol';

export interface FrameCommand {
  connection: number;
  /** The command's verb or error code ('' for a malformed line). */
  verb: string;
  trid: number | null;
  /** c2s: from the client (or HTTP-gateway client) to the server. */
  direction: Direction;
  annotation: CommandAnnotation;
}

/** What the analysis made of one frame: enough for a packet-list record and its filter fields. */
export interface FrameOutcome {
  pkt: DecodedPacket | null;
  /** tcp.stream, or -1. */
  stream: number;
  /** MSNP commands the frame completed. */
  commands: readonly FrameCommand[];
  /** What the frame's TCP stream carries (MSNP, HTTP, MSNFTP…), null when unknown. */
  streamProtocol: string | null;
  /** The MSNP connection the frame belongs to (by its commands, else by its TCP stream). */
  connection: number | undefined;
  /** Switchboard session of that connection, when known. */
  session: number | null;
  /** The frame ends an HTTP request or response (its Protocol is HTTP, not TCP). */
  completesHttpMessage?: boolean;
  /** One line for each direct P2P packet the frame completed (its Info when no MSNP command did). */
  peerPackets?: readonly string[];
}

const KIND_RANK: Record<FrameKind, number> = { error: 6, chat: 5, p2p: 4, presence: 3, msnp: 2, tcp: 1, other: 0 };

export function frameRow(
  frame: CapturedFrame,
  pkt: DecodedPacket | null,
  stream: number,
  commands: readonly FrameCommand[],
  /** What the frame's TCP stream carries (MSNP, HTTP, MSNFTP…), null when unknown. */
  streamProtocol: string | null,
  completesHttpMessage = false,
  /** One line per direct P2P packet the frame completed. */
  peerPackets: readonly string[] = [],
): FrameRow {
  const row: FrameRow = {
    number: frame.number,
    timeUs: frame.tsUs,
    source: pkt ? pkt.src : '',
    destination: pkt ? pkt.dst : '',
    protocol: 'Ethernet',
    length: frame.originalLength,
    info: '',
    kind: 'other',
    stream,
  };
  if (!pkt) {
    row.info = `Link type ${frame.linkType}, ${frame.data.length} bytes (not IP)`;
    return row;
  }
  const v6 = pkt.ipVersion === 6;
  if (commands.length) {
    row.protocol = streamProtocol ?? 'MSNP';
    row.info = commands.map((c) => c.annotation.summary).join(' · ');
    row.kind = commands.reduce<FrameKind>((k, c) => (KIND_RANK[c.annotation.kind] > KIND_RANK[k] ? c.annotation.kind : k), 'msnp');
    row.connection = commands[0].connection;
    return row;
  }
  if (pkt.tcp && peerPackets.length) {
    row.protocol = streamProtocol ?? 'MSNP2P';
    row.info = peerPackets.join(' · ');
    row.kind = 'p2p';
    return row;
  }
  if (pkt.tcp) {
    row.protocol = segmentProtocol(pkt, streamProtocol, completesHttpMessage);
    row.kind = 'tcp';
    row.info = `${pkt.srcPort} → ${pkt.dstPort} [${tcpFlagsText(pkt.tcp.flags)}] Seq=${pkt.tcp.seq} Ack=${pkt.tcp.ack} Win=${tcpWindowSize(pkt.tcp)} Len=${pkt.payload.length}`;
  } else if (pkt.protocol === 17) {
    row.protocol = 'UDP';
    row.info = `${pkt.srcPort} → ${pkt.dstPort} Len=${pkt.payload.length}`;
  } else {
    row.protocol = v6 ? 'IPv6' : 'IPv4';
    row.info = `IP protocol ${pkt.protocol}`;
  }
  if (pkt.truncated) row.info += ` [${pkt.truncated}]`;
  return row;
}

export function frameFields(
  frame: CapturedFrame,
  pkt: DecodedPacket | null,
  stream: number,
  commands: readonly FrameCommand[],
  session: number | null,
): FrameFields {
  const f: FrameFields = { number: frame.number };
  if (!pkt) return f;
  f.ipSrc = pkt.src;
  f.ipDst = pkt.dst;
  if (pkt.tcp) {
    f.tcpSrcPort = pkt.srcPort;
    f.tcpDstPort = pkt.dstPort;
    f.tcpStream = stream;
  }
  if (commands.length) {
    const m: NonNullable<FrameFields['msnp']> = {
      commands: [], trids: [], accounts: [], sessions: [], errors: [], version: null, contentTypes: [], texts: [],
    };
    for (const c of commands) {
      const a = c.annotation;
      if (c.verb) m.commands.push(c.verb);
      if (c.trid !== null) m.trids.push(c.trid);
      m.accounts.push(...a.accounts);
      m.errors.push(...a.errors);
      m.contentTypes.push(...a.contentTypes);
      m.texts.push(...a.texts);
      if (a.session !== null && !m.sessions.includes(a.session)) m.sessions.push(a.session);
      m.version ??= a.version;
    }
    if (session !== null && !m.sessions.includes(session)) m.sessions.push(session);
    f.msnp = m;
  }
  return f;
}
