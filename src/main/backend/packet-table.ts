// The back end's packet list (Wireshark's frame_data, done in columns): per frame a compact record
// in typed arrays — where its bytes are, its time, addresses (interned), ports, protocol, lengths,
// colour kind, TCP stream, MSNP connection and the TCP header fields the Info column is made of —
// 58 bytes a frame, 68 in chunks that need the sparse columns (see Chunk). Info text is built on demand for the rows on screen; only frames whose
// Info is not a template (MSNP commands, truncated packets) keep a string, and only MSNP frames
// keep their display-filter fields. Arrays grow in fixed chunks, so a capture of millions of
// frames never holds a doubled copy while growing.

import { FrameLayer, type FrameFields } from '../../shared/display-filter/frame-fields';
import type { FrameKind } from '../../shared/model';
import type { CapturedFrame } from '../engine/capture/captured-frame';
import { tcpFlagsText } from '../engine/decode/protocol-names';
import { frameFields, type FrameOutcome } from '../engine/frame-summary';
import { segmentProtocol } from '../engine/segment-protocol';
import { StringTable } from './string-table';

export interface FrameLocation {
  source: number;
  offset: number;
  capturedLength: number;
  tsUs: number;
  linkType: number;
  originalLength: number;
}

/** In rank order: a frame's kind is the highest of its commands' (an error outranks a chat…). */
export const FRAME_KINDS: readonly FrameKind[] = ['other', 'tcp', 'msnp', 'presence', 'p2p', 'chat', 'error'];
const KIND_ID = new Map(FRAME_KINDS.map((k, i) => [k, i]));
const KIND_OTHER = 0;
const KIND_TCP = 1;
const KIND_MSNP = 2;

const enum InfoKind { NotIp = 0, Tcp = 1, Udp = 2, OtherIp = 3, Text = 4 }

/** TCP flags (12 bits) in the tcpFlags column; its top 4 bits hold the window's scale shift. */
const FLAG_BITS = 0x0fff;

const CHUNK_BITS = 16;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

const LINKTYPE_ETHERNET = 1;

class Chunk {
  readonly offset = new Float64Array(CHUNK_SIZE);
  readonly tsUs = new Float64Array(CHUNK_SIZE);
  readonly capturedLength = new Uint32Array(CHUNK_SIZE);
  // Sparse columns: allocated when the chunk's first frame with another value than the usual
  // arrives (a frame cut by a snap length, an MSNP connection, a link type other than Ethernet),
  // so a chunk of bulk traffic does without them (10 of 68 bytes a frame).
  /** null: every frame so far was captured whole (original length = captured length). */
  originalLength: Uint32Array | null = null;
  /** null: no frame so far belongs to an MSNP connection (−1). */
  connection: Int32Array | null = null;
  /** null: every frame so far is Ethernet. */
  linkType: Uint16Array | null = null;
  readonly srcAddr = new Uint32Array(CHUNK_SIZE);
  readonly dstAddr = new Uint32Array(CHUNK_SIZE);
  readonly seq = new Uint32Array(CHUNK_SIZE);
  readonly ack = new Uint32Array(CHUNK_SIZE);
  readonly payloadLength = new Uint32Array(CHUNK_SIZE);
  readonly stream = new Int32Array(CHUNK_SIZE);
  readonly srcPort = new Uint16Array(CHUNK_SIZE);
  readonly dstPort = new Uint16Array(CHUNK_SIZE);
  readonly window = new Uint16Array(CHUNK_SIZE);
  readonly tcpFlags = new Uint16Array(CHUNK_SIZE);
  readonly protocol = new Uint16Array(CHUNK_SIZE);
  readonly source = new Uint8Array(CHUNK_SIZE);
  readonly kind = new Uint8Array(CHUNK_SIZE);
  readonly ipProto = new Uint8Array(CHUNK_SIZE);
  readonly infoKind = new Uint8Array(CHUNK_SIZE);

  /** Frame j's values of the sparse columns; `j` is the chunk's next frame (those before it are set). */
  setSparse(j: number, originalLength: number, connection: number, linkType: number): void {
    if (originalLength !== this.capturedLength[j] && !this.originalLength) {
      this.originalLength = new Uint32Array(CHUNK_SIZE);
      this.originalLength.set(this.capturedLength.subarray(0, j));
    }
    if (this.originalLength) this.originalLength[j] = originalLength;
    if (connection !== -1 && !this.connection) this.connection = new Int32Array(CHUNK_SIZE).fill(-1, 0, j);
    if (this.connection) this.connection[j] = connection;
    if (linkType !== LINKTYPE_ETHERNET && !this.linkType) this.linkType = new Uint16Array(CHUNK_SIZE).fill(LINKTYPE_ETHERNET, 0, j);
    if (this.linkType) this.linkType[j] = linkType;
  }

  originalLengthAt(j: number): number {
    return this.originalLength ? this.originalLength[j] : this.capturedLength[j];
  }

  connectionAt(j: number): number {
    return this.connection ? this.connection[j] : -1;
  }

  linkTypeAt(j: number): number {
    return this.linkType ? this.linkType[j] : LINKTYPE_ETHERNET;
  }
}

/** A TCP stream's first sender and each direction's first sequence number (for relative tcp.seq). */
interface SequenceBases {
  addr: number;
  port: number;
  forward: number;
  /** null until the reverse direction sends (or acknowledges) something. */
  reverse: number | null;
}

const TCP_SYN = 0x02;
const TCP_ACK = 0x10;

/** Bytes one frame costs in the dense columns (for the README's memory figure and the tests). */
export const BYTES_PER_FRAME = 8 + 8 + 4 * 7 + 2 * 5 + 4;
/** What the sparse columns add for a chunk that needs all of them (originalLength, connection, linkType). */
export const SPARSE_BYTES_PER_FRAME = 4 + 4 + 2;

/** Filter fields that fields(…, core = true) fills (the protocols derive from addresses and ports). */
export const CORE_FIELDS: ReadonlySet<string> = new Set([
  'frame', 'frame.number', 'ip', 'ipv6', 'tcp', 'msnp', 'ip.addr', 'ip.src', 'ip.dst', 'tcp.port', 'tcp.srcport', 'tcp.dstport', 'tcp.stream',
]);

export class PacketTable {
  private readonly chunks: Chunk[] = [];
  private count = 0;
  readonly addresses = new StringTable();
  readonly protocols = new StringTable();
  /** Info text of frames whose Info is not a template, by frame index. */
  private readonly infoText = new Map<number, string>();
  /** Display-filter fields of frames that complete MSNP commands, by frame index. */
  private readonly msnpFields = new Map<number, NonNullable<FrameFields['msnp']>>();
  private readonly msnpStreams = new Set<number>();
  /** Per TCP stream (a few dozen bytes a connection, not per frame). */
  private readonly sequenceBases = new Map<number, SequenceBases>();
  private readonly protocolLayers: number[] = [];
  /** The last Protocol column text interned and its id: consecutive frames mostly share one. */
  private lastProtocol = '';
  private lastProtocolId = 0;

  /** Frames recorded; frame numbers are 1…size. */
  get size(): number {
    return this.count;
  }

  /** Records frame `frame.number` (frames arrive in order, numbered from 1); `offset` overrides the frame's own. */
  add(frame: CapturedFrame, source: number, outcome: FrameOutcome, offset = frame.fileOffset): void {
    const i = frame.number - 1;
    if (i < 0 || i !== this.count) throw new Error(`frame ${frame.number} out of order (expected ${this.count + 1})`);
    const j = i & CHUNK_MASK;
    if (j === 0) this.chunks.push(new Chunk());
    const c = this.chunks[i >>> CHUNK_BITS];
    c.source[j] = source;
    c.offset[j] = offset;
    c.capturedLength[j] = frame.data.length;
    c.tsUs[j] = frame.tsUs;
    c.setSparse(j, frame.originalLength, outcome.connection ?? -1, frame.linkType);
    c.stream[j] = outcome.stream;
    if (outcome.connection !== undefined && outcome.stream >= 0) this.msnpStreams.add(outcome.stream);
    this.describe(c, j, i, frame, outcome);
    this.count++;
  }

  /** Mirrors the engine's frameRow(): protocol, kind and Info of one frame, kept in columns. */
  private describe(c: Chunk, j: number, i: number, frame: CapturedFrame, outcome: FrameOutcome): void {
    const { pkt, commands, streamProtocol } = outcome;
    if (!pkt) {
      c.protocol[j] = this.internProtocol('Ethernet');
      c.kind[j] = KIND_OTHER;
      c.infoKind[j] = InfoKind.NotIp;
      return;
    }
    c.srcAddr[j] = this.addresses.id(pkt.src);
    c.dstAddr[j] = this.addresses.id(pkt.dst);
    c.srcPort[j] = pkt.srcPort;
    c.dstPort[j] = pkt.dstPort;
    c.ipProto[j] = pkt.protocol;
    c.payloadLength[j] = pkt.payload.length;
    const tcp = pkt.tcp;
    if (tcp) {
      c.seq[j] = tcp.seq;
      c.ack[j] = tcp.ack;
      c.window[j] = tcp.window;
      // Flags use 12 bits; the window's scale shift (0–14) rides in the top 4 (no new column).
      c.tcpFlags[j] = (tcp.flags & FLAG_BITS) | ((tcp.windowShift ?? 0) << 12);
      if (outcome.stream >= 0) this.noteSequenceBase(outcome.stream, c.srcAddr[j], pkt.srcPort, tcp.seq, tcp.ack, tcp.flags);
    }
    if (commands.length) {
      c.protocol[j] = this.internProtocol(streamProtocol ?? 'MSNP');
      let rank = KIND_MSNP;
      for (const cmd of commands) rank = Math.max(rank, KIND_ID.get(cmd.annotation.kind) ?? 0);
      c.kind[j] = rank;
      c.infoKind[j] = InfoKind.Text;
      this.infoText.set(i, commands.map((cmd) => cmd.annotation.summary).join(' · '));
      const msnp = frameFields(frame, pkt, outcome.stream, commands, outcome.session).msnp;
      if (msnp) this.msnpFields.set(i, msnp);
      return;
    }
    if (pkt.tcp && outcome.peerPackets?.length) {
      // A direct P2P frame: its packets' summaries, as frameRow() writes them.
      c.protocol[j] = this.internProtocol(streamProtocol ?? 'MSNP2P');
      c.kind[j] = KIND_ID.get('p2p')!;
      c.infoKind[j] = InfoKind.Text;
      this.infoText.set(i, outcome.peerPackets.join(' · '));
      return;
    }
    if (pkt.tcp) {
      c.protocol[j] = this.internProtocol(segmentProtocol(pkt, streamProtocol, outcome.completesHttpMessage ?? false));
      c.kind[j] = KIND_TCP;
      c.infoKind[j] = InfoKind.Tcp;
    } else if (pkt.protocol === 17) {
      c.protocol[j] = this.internProtocol('UDP');
      c.kind[j] = KIND_OTHER;
      c.infoKind[j] = InfoKind.Udp;
    } else {
      c.protocol[j] = this.internProtocol(pkt.ipVersion === 6 ? 'IPv6' : 'IPv4');
      c.kind[j] = KIND_OTHER;
      c.infoKind[j] = InfoKind.OtherIp;
    }
    if (pkt.truncated) {
      this.infoText.set(i, `${this.templateInfo(c, j)} [${pkt.truncated}]`);
      c.infoKind[j] = InfoKind.Text;
    }
  }

  private internProtocol(name: string): number {
    if (name !== this.lastProtocol) {
      this.lastProtocol = name;
      this.lastProtocolId = this.protocols.id(name);
    }
    return this.lastProtocolId;
  }

  /**
   * As Wireshark: a direction's base is its SYN's sequence number (so the SYN is 0), or one less
   * than the first sequence number seen when the capture starts mid-stream (so that byte is 1); a
   * direction that has not sent yet takes its base from the first acknowledgement of it.
   */
  private noteSequenceBase(stream: number, addr: number, port: number, seq: number, ack: number, flags: number): void {
    const base = (flags & TCP_SYN) !== 0 ? seq : (seq - 1) >>> 0;
    const known = this.sequenceBases.get(stream);
    if (!known) {
      this.sequenceBases.set(stream, { addr, port, forward: base, reverse: (flags & TCP_ACK) !== 0 ? (ack - 1) >>> 0 : null });
      return;
    }
    const forward = known.addr === addr && known.port === port;
    if (!forward && known.reverse === null) known.reverse = base;
  }

  private templateInfo(c: Chunk, j: number): string {
    switch (c.infoKind[j] as InfoKind) {
      case InfoKind.Tcp:
        return `${c.srcPort[j]} → ${c.dstPort[j]} [${tcpFlagsText(c.tcpFlags[j] & FLAG_BITS)}] Seq=${c.seq[j]} Ack=${c.ack[j]} Win=${c.window[j] * 2 ** (c.tcpFlags[j] >>> 12)} Len=${c.payloadLength[j]}`;
      case InfoKind.Udp:
        return `${c.srcPort[j]} → ${c.dstPort[j]} Len=${c.payloadLength[j]}`;
      case InfoKind.OtherIp:
        return `IP protocol ${c.ipProto[j]}`;
      default:
        return `Link type ${c.linkTypeAt(j)}, ${c.capturedLength[j]} bytes (not IP)`;
    }
  }

  private chunk(index: number): Chunk {
    return this.chunks[index >>> CHUNK_BITS];
  }

  // ---- Column reads by frame index (0-based; frame number − 1) ----

  timeUs(index: number): number {
    return this.chunk(index).tsUs[index & CHUNK_MASK];
  }
  sourceId(index: number): number {
    return this.chunk(index).srcAddr[index & CHUNK_MASK];
  }
  destinationId(index: number): number {
    return this.chunk(index).dstAddr[index & CHUNK_MASK];
  }
  protocolId(index: number): number {
    return this.chunk(index).protocol[index & CHUNK_MASK];
  }
  length(index: number): number {
    return this.chunk(index).originalLengthAt(index & CHUNK_MASK);
  }
  kind(index: number): FrameKind {
    return FRAME_KINDS[this.chunk(index).kind[index & CHUNK_MASK]];
  }
  linkType(index: number): number {
    return this.chunk(index).linkTypeAt(index & CHUNK_MASK);
  }
  stream(index: number): number {
    return this.chunk(index).stream[index & CHUNK_MASK];
  }
  connection(index: number): number {
    return this.chunk(index).connectionAt(index & CHUNK_MASK);
  }
  /** Which of the (merged) capture files the frame came from. */
  sourceFile(index: number): number {
    return this.chunk(index).source[index & CHUNK_MASK];
  }
  /** IP protocol number (6 TCP, 17 UDP…), or −1 for a frame that is not IP. */
  ipProtocol(index: number): number {
    const c = this.chunk(index);
    const j = index & CHUNK_MASK;
    return c.infoKind[j] === InfoKind.NotIp ? -1 : c.ipProto[j];
  }
  sourcePort(index: number): number {
    return this.chunk(index).srcPort[index & CHUNK_MASK];
  }
  destinationPort(index: number): number {
    return this.chunk(index).dstPort[index & CHUNK_MASK];
  }
  info(index: number): string {
    const c = this.chunk(index);
    const j = index & CHUNK_MASK;
    return c.infoKind[j] === InfoKind.Text ? this.infoText.get(index) ?? '' : this.templateInfo(c, j);
  }

  /**
   * The display-filter fields of frame `index`, written into `into` (one object reused for a
   * whole filter pass, so a pass over millions of frames allocates nothing per frame). With
   * `core`, only those CORE_FIELDS read (addresses, TCP ports and stream, MSNP): the common
   * filters then skip the per-frame work of lengths, times, layers and relative sequence numbers;
   * `into` must then be an object used only that way, so the other fields stay unset.
   */
  fields(index: number, into: FrameFields, core = false): FrameFields {
    const c = this.chunk(index);
    const j = index & CHUNK_MASK;
    into.number = index + 1;
    const ip = c.infoKind[j] !== InfoKind.NotIp;
    into.ipSrc = ip ? this.addresses.text(c.srcAddr[j]) : undefined;
    into.ipDst = ip ? this.addresses.text(c.dstAddr[j]) : undefined;
    const tcp = ip && c.ipProto[j] === 6;
    into.tcpSrcPort = tcp ? c.srcPort[j] : undefined;
    into.tcpDstPort = tcp ? c.dstPort[j] : undefined;
    into.tcpStream = tcp ? c.stream[j] : undefined;
    into.msnp = this.msnpFields.get(index);
    if (core) return into;
    into.length = c.originalLengthAt(j);
    into.capturedLength = c.capturedLength[j];
    into.timeUs = c.tsUs[j];
    into.timeRelativeUs = c.tsUs[j] - this.chunks[0].tsUs[0];
    into.timeDeltaUs = index === 0 ? 0 : c.tsUs[j] - this.timeUs(index - 1);
    into.ipProto = ip ? c.ipProto[j] : undefined;
    const udp = ip && c.ipProto[j] === 17;
    let layers = c.linkTypeAt(j) === LINKTYPE_ETHERNET ? FrameLayer.Eth : 0;
    if (ip) layers |= into.ipSrc!.includes(':') ? FrameLayer.Ipv6 : FrameLayer.Ipv4;
    if (tcp) layers |= FrameLayer.Tcp;
    if (udp) layers |= FrameLayer.Udp;
    const protocolLayer = this.protocolLayer(c.protocol[j]);
    if (protocolLayer !== FrameLayer.Http || c.payloadLength[j] > 0) layers |= protocolLayer;
    into.layers = layers;
    into.tcpLen = tcp ? c.payloadLength[j] : undefined;
    into.tcpSeqRaw = tcp ? c.seq[j] : undefined;
    into.tcpAckRaw = tcp && (c.tcpFlags[j] & TCP_ACK) !== 0 ? c.ack[j] : undefined;
    into.tcpWindow = tcp ? c.window[j] : undefined;
    into.tcpWindowSize = tcp ? c.window[j] * 2 ** (c.tcpFlags[j] >>> 12) : undefined;
    into.tcpFlags = tcp ? c.tcpFlags[j] & FLAG_BITS : undefined;
    this.relativeSequence(c, j, into);
    into.udpSrcPort = udp ? c.srcPort[j] : undefined;
    into.udpDstPort = udp ? c.dstPort[j] : undefined;
    into.udpLength = udp ? 8 + c.payloadLength[j] : undefined;
    return into;
  }

  /** The layer bit a Protocol column value implies (HTTP, P2P), by interned id: no string work per frame. */
  private protocolLayer(id: number): number {
    let bit = this.protocolLayers[id];
    if (bit === undefined) {
      const name = this.protocols.text(id);
      bit = this.protocolLayers[id] = name === 'HTTP' ? FrameLayer.Http : name === 'MSNP2P' || name === 'MSNFTP' ? FrameLayer.P2p : /^(TLS|SSL)v/.test(name) ? FrameLayer.Tls : 0;
    }
    return bit;
  }

  private relativeSequence(c: Chunk, j: number, into: FrameFields): void {
    const bases = into.tcpSeqRaw === undefined ? undefined : this.sequenceBases.get(c.stream[j]);
    if (!bases) {
      into.tcpSeq = into.tcpAck = undefined;
      return;
    }
    const forward = bases.addr === c.srcAddr[j] && bases.port === c.srcPort[j];
    const own = forward ? bases.forward : bases.reverse;
    const other = forward ? bases.reverse : bases.forward;
    into.tcpSeq = own === null ? undefined : (c.seq[j] - own) >>> 0;
    into.tcpAck = into.tcpAckRaw === undefined || other === null ? undefined : (c.ack[j] - other) >>> 0;
  }

  get(number: number): FrameLocation | null {
    const i = number - 1;
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return null;
    const c = this.chunk(i);
    const j = i & CHUNK_MASK;
    return {
      source: c.source[j],
      offset: c.offset[j],
      capturedLength: c.capturedLength[j],
      tsUs: c.tsUs[j],
      linkType: c.linkTypeAt(j),
      originalLength: c.originalLengthAt(j),
    };
  }

  /** Frame numbers of TCP stream `stream`, ascending (one pass over the stream column). */
  framesOf(stream: number): number[] {
    const out: number[] = [];
    if (stream < 0) return out;
    for (let i = 0; i < this.count; i++) if (this.stream(i) === stream) out.push(i + 1);
    return out;
  }

  /** MSNP commands the frame completes (0 for a frame that completes none). */
  msnpCommandCount(index: number): number {
    return this.msnpFields.get(index)?.commands.length ?? 0;
  }

  isMsnpStream(stream: number): boolean {
    return this.msnpStreams.has(stream);
  }

  /** One byte per frame number (index 0 unused): 1 when its TCP stream carries an MSNP connection. */
  msnpFrames(): Uint8Array {
    const out = new Uint8Array(this.count + 1);
    for (let i = 0; i < this.count; i++) {
      const s = this.stream(i);
      if (s >= 0 && this.msnpStreams.has(s)) out[i + 1] = 1;
    }
    return out;
  }
}
