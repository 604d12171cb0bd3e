// The analysis pipeline: frames → link/IP/TCP decode → TCP reassembly → per-stream routing
// (MSNP, HTTP gateway, direct P2P, MSNFTP) → MSNP framing → semantic analysis → result.
// It holds no Electron or file-system code: the CLI, the worker and the tests feed it frames.

import type { FrameFields } from '../../shared/display-filter/frame-fields';
import type { AnalysisResult, CaptureInfo, Direction, FrameDetail, FrameRow, TreeNode } from '../../shared/model';
import { ExpertLog } from './analysis/expert-log';
import { MsnpAnalysis } from './analysis/msnp-analysis';
import { secretValues } from './analysis/redaction';
import { maskSecrets } from './mask-secrets';
import type { CapturedFrame } from './capture/captured-frame';
import type { DecodedPacket } from './decode/decoded-packet';
import { decodePacket } from './decode/decode-packet';
import { endpointText } from './decode/ip-address-text';
import { describeFrame } from './decode/describe-frame';
import { frameFields, frameRow, type FrameCommand, type FrameOutcome } from './frame-summary';
import { placeCommandTree, type FramePiece } from './frame-placement';
import { DEFAULT_MEMORY_BUDGET_BYTES, MemoryBudget, mebibytes } from './memory-budget';
import { MsnpConnection } from './msnp-connection';
import type { MsnpCommand } from './msnp/msnp-command';
import { P2pTracker } from './p2p/p2p-tracker';
import { describeDirectPacket, directPacketSummary, directPacketView, type DirectPacketView } from './p2p/describe-direct-packet';
import { StreamTraffic } from './stream-traffic';
import { GatewayConnections } from './gateway-connections';
import { classifyByPorts, type StreamKind } from './stream-classifier';
import { TcpReassembler } from './tcp/tcp-reassembler';
import { shiftOf, WindowScaling } from './tcp/window-scaling';
import type { StreamDirection, StreamInfo } from './tcp/stream-handler';
import { TcpStreamRouter, type StreamConsumer } from './tcp-stream-router';

export interface AnalyzerOptions {
  /** TCP ports always analysed as MSNP (default 1863). */
  msnpPorts?: number[];
  /** TCP ports analysed as HTTP for the MSNP gateway (default 80). */
  httpPorts?: number[];
  /** Recognise MSNP by content on any other port (default true). */
  heuristics?: boolean;
  /** Show login secrets instead of redacting them (default false). */
  showSecrets?: boolean;
  /** Keep per-frame command lists so describeFrame can show them (the views need it; the CLI does not). */
  collectFrames?: boolean;
  /**
   * One budget for bytes held out of order, open connections and unfinished files (default
   * 512 MiB): past it, the state idle longest is released and the expert info says so.
   */
  memoryBudgetBytes?: number;
}

export interface AnalyzerListener {
  frameRow?(row: FrameRow): void;
  frameFields?(fields: FrameFields): void;
  /**
   * What became of each frame, without building a row object (the back end's packet table).
   * `outcome` is one object reused for every frame: copy what you keep of it (not itself).
   */
  frameAnalysed?(frame: CapturedFrame, outcome: FrameOutcome): void;
}

const FLUSH_EVERY_FRAMES = 4096;
/** The commands of a frame that completed none (most frames): shared, never pushed to. */
const NO_COMMANDS: FrameCommand[] = [];

export class Analyzer {
  private readonly expert = new ExpertLog();
  private readonly budget: MemoryBudget;
  private readonly p2p: P2pTracker;
  private readonly msnp: MsnpAnalysis;
  private readonly reassembler: TcpReassembler;
  private readonly windows = new WindowScaling();
  /** Frames and bytes each way of streams that may be direct peer connections. */
  private readonly traffic = new StreamTraffic();
  private readonly gateway: GatewayConnections;
  private readonly msnpPorts: ReadonlySet<number>;
  private readonly httpPorts: ReadonlySet<number>;
  private readonly heuristics: boolean;
  private readonly collect: boolean;
  private captures: CaptureInfo[] = [];
  private frames = 0;
  private nextConnection = 1;
  /** Commands completed while the current frame was processed (NO_COMMANDS until the first). */
  private current: FrameCommand[] = NO_COMMANDS;
  /** Handed to frameAnalysed for every frame (a fresh object a frame was a tenth of the table's cost). */
  private readonly outcome: FrameOutcome = { pkt: null, stream: -1, commands: NO_COMMANDS, streamProtocol: null, connection: undefined, session: null, completesHttpMessage: false };
  private currentProtocol: string | null = null;
  /** The frame being read completed an HTTP request or response. */
  private currentEndsHttp = false;
  /** Info lines of the direct P2P packets the frame being read completed. */
  private currentPeerPackets: string[] = [];
  private readonly streamConnection = new Map<number, number>();
  private readonly streamProtocol = new Map<number, string>();
  /** frame number → commands it completed (only with collectFrames). */
  private readonly frameCommands = new Map<number, Array<{ connection: number; cmd: MsnpCommand }>>();
  private currentFrame = 0;
  private currentData: Uint8Array | null = null;
  /** frame number → the MSNP stream pieces that are views of its bytes (only with collectFrames). */
  private readonly framePieces = new Map<number, FramePiece[]>();
  /** frame number → the direct P2P packets it completed (only with collectFrames). */
  private readonly framePackets = new Map<number, Array<{ connection: number; direction: Direction; at: number; length: number; view: DirectPacketView }>>();
  private finished: AnalysisResult | null = null;
  private readonly showSecrets: boolean;
  /** Secret strings seen so far (only with collectFrames): masked in the bytes the views show. */
  private readonly secrets = new Set<string>();

  constructor(options: AnalyzerOptions = {}, private readonly listener: AnalyzerListener = {}) {
    this.budget = new MemoryBudget(options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES);
    this.p2p = new P2pTracker(this.expert, { budget: this.budget });
    this.msnpPorts = new Set(options.msnpPorts ?? [1863]);
    this.httpPorts = new Set(options.httpPorts ?? [80]);
    this.heuristics = options.heuristics ?? true;
    this.collect = options.collectFrames ?? false;
    this.showSecrets = options.showSecrets ?? false;
    // Transaction links only feed describeFrame's command trees, which need collectFrames.
    this.msnp = new MsnpAnalysis({ showSecrets: options.showSecrets ?? false, expert: this.expert, p2p: this.p2p, keepLinks: this.collect });
    this.reassembler = new TcpReassembler((info) => this.routeStream(info), { budget: this.budget });
    this.gateway = new GatewayConnections({
      openConnection: (open) => this.openMsnpConnection(open.client, open.server, 'http-gateway', open.firstFrame, open.tsUs, open.serverKind),
      closeConnection: (conn, frame, tsUs) => this.msnp.closeConnection(conn.id, frame, tsUs),
      addressBook: (xml) => this.msnp.addressBook(xml),
      offlineMessageSoap: (exchange) => this.msnp.offlineMessageSoap(exchange),
      httpMessageEnd: (frame) => {
        if (frame === this.currentFrame) this.currentEndsHttp = true;
      },
      expert: this.expert,
    });
  }

  setCaptures(infos: CaptureInfo[]): void {
    this.captures = infos;
  }

  addFrame(frame: CapturedFrame): void {
    this.frames++;
    this.currentFrame = frame.number;
    this.currentData = frame.data;
    this.current = NO_COMMANDS;
    this.currentProtocol = null;
    this.currentEndsHttp = false;
    if (this.currentPeerPackets.length) this.currentPeerPackets = [];
    const pkt = decodePacket(frame.linkType, frame.data);
    let stream = -1;
    if (pkt?.tcp) {
      stream = this.reassembler.add(pkt, frame.number, frame.tsUs);
      this.traffic.count(stream, pkt.src, pkt.srcPort, frame.originalLength, frame.number, frame.tsUs);
      pkt.tcp.windowShift = shiftOf(this.windows.observe(pkt, stream));
      this.currentProtocol = this.streamProtocol.get(stream) ?? null;
    } else if (pkt && pkt.protocol === 17) {
      this.p2p.noteConnection(pkt.dst, pkt.dstPort, 'udp', frame.number);
    }
    if (this.frames % FLUSH_EVERY_FRAMES === 0) this.reassembler.flushIdle(frame.tsUs);
    // Between frames, never inside one: no state is released while it is being worked on.
    if (this.budget.exceeded) this.evictForMemory(frame.number);
    this.emitFrame(frame, pkt, stream);
  }

  /** Bytes charged to the memory budget now (held TCP bytes, open connections, unfinished files). */
  get memoryInUse(): number {
    return this.budget.used;
  }

  private evictForMemory(frame: number): void {
    const { connections, closedConnections, files, freedBytes, oldestFrame } = this.budget.evictIdle();
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const released = [
      connections > 0 ? `${plural(connections, 'open connection', 'open connections')} ended early (as if idle; held bytes delivered, holes as gaps)` : '',
      closedConnections > 0 ? `${plural(closedConnections, 'closed connection', 'closed connections')} forgotten early (a stray packet of one starts a new stream)` : '',
      files > 0 ? `the bytes of ${plural(files, 'unfinished file', 'unfinished files')}` : '',
    ].filter(Boolean);
    this.expert.add(frame, 'note', `Memory budget of ${mebibytes(this.budget.limitBytes)} reached: released ${mebibytes(freedBytes)} of the state idle longest (quiet since frame ${oldestFrame}): ${released.join('; ') || 'nothing could be released'}`);
  }

  private emitFrame(frame: CapturedFrame, pkt: DecodedPacket | null, stream: number): void {
    const { frameRow: onRow, frameFields: onFields, frameAnalysed: onAnalysed } = this.listener;
    if (!onRow && !onFields && !onAnalysed) return;
    const cmds = this.current;
    if (onAnalysed) {
      const connection = cmds.length > 0 ? cmds[0].connection : stream >= 0 ? this.streamConnection.get(stream) : undefined;
      const outcome = this.outcome;
      outcome.pkt = pkt;
      outcome.stream = stream;
      outcome.commands = cmds;
      outcome.streamProtocol = this.currentProtocol;
      outcome.connection = connection;
      outcome.session = connection !== undefined ? this.msnp.sessionOf(connection) : null;
      outcome.completesHttpMessage = this.currentEndsHttp;
      outcome.peerPackets = this.currentPeerPackets;
      onAnalysed(frame, outcome);
    }
    if (onRow) {
      const row = frameRow(frame, pkt, stream, cmds, this.currentProtocol, this.currentEndsHttp, this.currentPeerPackets);
      if (row.connection === undefined && stream >= 0) {
        const c = this.streamConnection.get(stream);
        if (c !== undefined) row.connection = c;
      }
      onRow(row);
    }
    if (onFields) {
      const conn = cmds[0]?.connection ?? (stream >= 0 ? this.streamConnection.get(stream) : undefined);
      const session = conn !== undefined ? this.msnp.sessionOf(conn) : null;
      onFields(frameFields(frame, pkt, stream, cmds, session));
    }
  }

  private routeStream(info: StreamInfo): TcpStreamRouter {
    const ports: [number, number] = [info.endpoints[0].port, info.endpoints[1].port];
    // Every TCP connection attempt counts as "observed" for negotiated P2P endpoints.
    this.p2p.noteConnection(info.endpoints[1].ip, info.endpoints[1].port, 'tcp', info.firstFrame);
    this.traffic.start(info.id, info.endpoints[0]);
    return new TcpStreamRouter(info, {
      portKind: classifyByPorts(ports, this.msnpPorts, this.httpPorts),
      heuristics: this.heuristics,
      msnpPorts: this.msnpPorts,
      open: (kind, i, clientDir) => this.openConsumer(kind, i, clientDir),
    });
  }

  private openConsumer(kind: StreamKind, info: StreamInfo, clientDir: StreamDirection): StreamConsumer | null {
    const client = info.endpoints[clientDir];
    const server = info.endpoints[clientDir === 0 ? 1 : 0];
    const clientText = endpointText(client.ip, client.port);
    const serverText = endpointText(server.ip, server.port);
    if (kind !== 'p2p-direct' && kind !== 'msnftp') this.traffic.drop(info.id);
    switch (kind) {
      case 'msnp': {
        const conn = this.openMsnpConnection(clientText, serverText, 'tcp', info.firstFrame, info.firstTsUs, null);
        this.streamConnection.set(info.id, conn.id);
        this.streamProtocol.set(info.id, 'MSNP');
        return {
          data: (d, b, f, t) => conn.data(d, b, f, t),
          gap: (d, lost, f, t) => {
            this.expert.add(f, 'warning', `${lost} bytes missing ${d === 'c2s' ? 'from the client' : 'from the server'} (segment not captured); resynchronising`, conn.id);
            conn.gap(d, lost, f, t);
          },
          end: (d, f, t) => {
            conn.end(d, f, t);
            if (d === 's2c') this.msnp.closeConnection(conn.id, f, t);
          },
          note: (d, k, f) => {
            if (k === 'inconsistent-overlap' || k === 'buffer-limit') this.expert.add(f, 'warning', `TCP ${k.replace('-', ' ')} (${d})`, conn.id);
          },
        };
      }
      case 'http':
        this.streamProtocol.set(info.id, 'HTTP');
        return this.gateway.openStream(info.id, clientText, serverText);
      case 'p2p-direct':
      case 'msnftp':
        return this.openPeer(kind, info, clientDir, clientText, serverText);
      default:
        return null;
    }
  }

  /** A direct peer connection (P2P or MSNFTP): listed as a connection with role `peer`. */
  private openPeer(kind: 'p2p-direct' | 'msnftp', info: StreamInfo, clientDir: StreamDirection, clientText: string, serverText: string): StreamConsumer {
    const id = this.nextConnection++;
    this.streamConnection.set(info.id, id);
    this.streamProtocol.set(info.id, kind === 'msnftp' ? 'MSNFTP' : 'MSNP2P');
    // The packet list needs each packet's Info line; the command tree (collectFrames) its view.
    const rows = this.listener.frameRow !== undefined || this.listener.frameAnalysed !== undefined;
    const observer = this.collect || rows ? (direction: Direction, packet: Parameters<typeof directPacketView>[0], placement: Parameters<typeof directPacketView>[1]) => {
      if (rows) this.currentPeerPackets.push(directPacketSummary(packet, placement));
      if (!this.collect) return;
      const list = this.framePackets.get(this.currentFrame) ?? [];
      list.push({ connection: id, direction, at: packet.at, length: packet.length, view: directPacketView(packet, placement) });
      this.framePackets.set(this.currentFrame, list);
    } : undefined;
    const peer = this.p2p.openDirect(kind, clientText, serverText, info.firstFrame, { id, tsUs: info.firstTsUs, traffic: this.traffic.keep(info.id, clientDir), observer });
    const position: Record<Direction, number> = { c2s: 0, s2c: 0 };
    return {
      data: (d, b, f, t) => {
        if (this.collect) this.recordPiece(id, d, position[d], b, f);
        position[d] += b.length;
        peer.data(d, b, f, t);
      },
      gap: (d, lost, f) => {
        position[d] += lost;
        this.expert.add(f, 'warning', `${lost} bytes missing in a direct peer connection (${d}); its file data is incomplete`, id);
      },
      end: (d, f, t) => peer.end(d, f, t),
    };
  }

  /** Notes where a piece of a stream sits in the frame being read, when it is a view of that frame's bytes. */
  private recordPiece(connection: number, direction: Direction, streamStart: number, bytes: Uint8Array, frame: number): void {
    // Only pieces that are views of the frame being read can be located in it (reordered
    // segments were copied; gateway bodies may be de-chunked).
    const data = this.currentData;
    if (!data || frame !== this.currentFrame || bytes.buffer !== data.buffer) return;
    const frameOffset = bytes.byteOffset - data.byteOffset;
    if (frameOffset < 0 || frameOffset + bytes.length > data.length) return;
    const piece: FramePiece = { connection, direction, streamStart, length: bytes.length, frameOffset };
    const list = this.framePieces.get(frame);
    if (list) list.push(piece);
    else this.framePieces.set(frame, [piece]);
  }

  private openMsnpConnection(client: string, server: string, transport: 'tcp' | 'http-gateway', firstFrame: number, tsUs: number, gatewayServer: 'NS' | 'SB' | null): MsnpConnection {
    const id = this.nextConnection++;
    this.msnp.openConnection({ id, client, server, transport, gatewayServer, firstFrame, tsUs });
    const conn = new MsnpConnection(id, this.msnp, (c, cmd) => this.onCommand(c, cmd), (frame, severity, message) => this.expert.add(frame, severity, message, id));
    if (this.collect) conn.onSpan = (span) => this.recordPiece(span.connection, span.direction, span.streamStart, span.bytes, span.frame);
    return conn;
  }

  private onCommand(connection: number, cmd: MsnpCommand): void {
    // Only the packet list and the display filter read annotations (emitFrame).
    const { frameRow: onRow, frameFields: onFields, frameAnalysed: onAnalysed } = this.listener;
    const annotation = this.msnp.command(connection, cmd, onRow !== undefined || onFields !== undefined || onAnalysed !== undefined);
    if (annotation) {
      if (this.current === NO_COMMANDS) this.current = [];
      this.current.push({ connection, verb: cmd.verb, trid: cmd.trid, direction: cmd.direction, annotation });
    }
    if (this.collect) {
      if (!this.showSecrets) for (const v of secretValues(cmd)) this.secrets.add(v);
      const list = this.frameCommands.get(this.currentFrame);
      const entry = { connection, cmd };
      if (list) list.push(entry);
      else this.frameCommands.set(this.currentFrame, [entry]);
    }
  }

  /** The result so far, without ending streams (for progress snapshots). */
  snapshot(): AnalysisResult {
    if (this.finished) return this.finished;
    return this.result();
  }

  finish(): AnalysisResult {
    if (this.finished) return this.finished;
    this.current = NO_COMMANDS;
    this.reassembler.finish();
    this.gateway.finish();
    this.msnp.finish();
    this.finished = this.result();
    return this.finished;
  }

  private result(): AnalysisResult {
    return {
      captures: this.captures,
      frames: this.frames,
      commandCounts: this.msnp.commandCounts(),
      // Peer connections first: listing them marks the endpoints they used.
      connections: [...this.p2p.peerConnections(), ...this.msnp.connections()].sort((a, b) => a.id - b.id),
      sessions: this.msnp.sessions(),
      contacts: this.msnp.contacts(),
      presence: this.msnp.presence(),
      offlineMessages: this.msnp.offlineMessages(),
      endpoints: this.p2p.endpoints(),
      files: this.p2p.files(),
      transfers: this.p2p.transferRecords(),
      expert: [...this.expert.all()].sort((a, b) => a.frame - b.frame),
      expertGroups: this.expert.groups(),
    };
  }

  /** Bytes of a rebuilt file (for --extract and the views). */
  fileBytes(index: number): Uint8Array | null {
    return this.p2p.fileBytes(index);
  }

  /** The command tree of one frame; pass the frame as read again from its file. */
  describeFrame(frame: CapturedFrame): FrameDetail {
    const pkt = decodePacket(frame.linkType, frame.data);
    // The handshakes seen so far say how this segment's window is scaled.
    const windowScale = pkt?.tcp ? this.windows.scaleOf(pkt) : 'unknown';
    const tree: TreeNode[] = describeFrame(frame.linkType, frame.data, { number: frame.number, tsUs: frame.tsUs, originalLength: frame.originalLength, windowScale });
    const pieces = this.framePieces.get(frame.number) ?? [];
    for (const { connection, cmd } of this.frameCommands.get(frame.number) ?? []) {
      const node = this.msnp.describe(connection, cmd);
      const end = cmd.streamOffset + (cmd.byteLength ?? 0);
      const piece = pieces.find((p) => p.connection === connection && p.direction === cmd.direction && p.streamStart < end && cmd.streamOffset < p.streamStart + p.length);
      if (piece && cmd.byteLength !== undefined) placeCommandTree(node, cmd.streamOffset, cmd.byteLength, piece);
      tree.push(node);
    }
    for (const { connection, direction, at, length, view } of this.framePackets.get(frame.number) ?? []) {
      const node = describeDirectPacket(view, direction);
      const piece = pieces.find((p) => p.connection === connection && p.direction === direction && p.streamStart < at + length && at < p.streamStart + p.length);
      if (piece) placeCommandTree(node, at, length, piece);
      tree.push(node);
    }
    return { number: frame.number, tree, bytes: this.redactBytes(frame.data) };
  }

  /** Captured bytes as shown to the user: login secrets seen so far masked with '*' (offsets kept) unless showSecrets. */
  redactBytes(data: Uint8Array): Uint8Array {
    return this.showSecrets ? data : maskSecrets(data, this.secrets);
  }
}
