// The stateful P2P analysis, fed by the message analysis (every invitation and P2P message, from
// switchboard MSG or MSNP21 SDG)
// and by the pipeline (direct peer connections, every new TCP stream / UDP flow). It joins
// legacy invitations and MSNSLP sessions, lists the endpoints they negotiate (and whether a
// connection to them followed), and rebuilds the files they transfer — through the switchboard,
// a direct P2P connection or MSNFTP — deduplicating the copies seen on both clients' connections.
// Spec: PROTOCOL.md "Legacy invitations", "P2P / MSNSLP".

import type { ConnectionRecord, Direction, EndpointRecord, FileRecord, TrafficCounts, TransferRecord } from '../../../shared/model';
import type { ExpertLog } from '../analysis/expert-log';
import type { MemoryBudget } from '../memory-budget';
import type { MessageContext } from '../message/message-context';
import type { MimeMessage } from '../message/mime-message';
import { DirectP2pFramer, type DirectPacket } from './direct-p2p-framer';
import { EndpointBook } from './endpoint-book';
import type { FileStore } from './file-store';
import { NameCheckingFileStore } from './name-checking-file-store';
import { LegacyInvitations } from './legacy-invitations';
import { MsnftpStream } from './msnftp';
import { P2pData, type ChunkPlacement } from './p2p-data';
import { PeerConnections } from './peer-connections';
import type { SessionEventLike } from './session-event-like';
import { SlpSessions } from './slp-sessions';
import { TransferLog } from './transfer-log';
import { formatTimeUs } from '../analysis/time-format';

export type { SessionEventLike } from './session-event-like';

export type DirectKind = 'p2p-direct' | 'msnftp';

/** One direct peer TCP connection, as the pipeline knows it. */
export interface DirectStreamRef {
  kind: DirectKind;
  /** "ip:port" of the side that connected, and of the side that listened. */
  client: string;
  server: string;
  firstFrame: number;
  /** Its connection id (a `peer` ConnectionRecord), when the pipeline gave it one. */
  connection?: number;
}

/** What the pipeline learns about each packet of a direct P2P connection (the command tree's source). */
export interface DirectPacketObserver {
  (direction: Direction, packet: DirectPacket, placement: ChunkPlacement | null): void;
}

/** What openDirect needs to list the connection (role `peer`) besides its bytes. */
export interface PeerConnectionOpen {
  id: number;
  tsUs: number;
  traffic: () => TrafficCounts & { lastFrame: number; lastTsUs: number };
  observer?: DirectPacketObserver;
}

export interface DirectStreamHandle {
  data(direction: Direction, bytes: Uint8Array, frame: number, tsUs: number): void;
  end(direction: Direction, frame: number, tsUs: number): void;
}

const MAX_DIRECT_STREAMS = 10_000;

export class P2pTracker {
  private readonly book = new EndpointBook();
  private readonly store: FileStore;
  private readonly legacy: LegacyInvitations;
  private readonly slp: SlpSessions;
  private readonly data: P2pData;
  private readonly transfers: TransferLog;
  private readonly peers = new PeerConnections();
  private readonly direct = new Map<string, DirectStreamHandle>();

  /** `budget`: the analysis-wide memory budget, charged with the bytes of unfinished files. */
  constructor(private readonly expert: ExpertLog, options: { fileBudgetBytes?: number; budget?: MemoryBudget } = {}) {
    this.store = new NameCheckingFileStore(expert, options.fileBudgetBytes, options.budget);
    this.transfers = new TransferLog(this.store);
    this.legacy = new LegacyInvitations(this.book, expert, this.transfers);
    this.slp = new SlpSessions(this.book, expert, this.transfers);
    this.data = new P2pData(this.slp, this.store, expert, this.transfers);
    this.data.onDirectSlp = (connection, direction, slp) => this.peers.slp(connection, direction, slp);
  }

  /** A text/x-msmsgsinvite message. */
  onInvitation(ctx: MessageContext, message: MimeMessage): SessionEventLike | null {
    return this.legacy.handle(ctx, message);
  }

  /** An application/x-msnmsgrp2p message (switchboard MSG, or SDG content). */
  onP2pMessage(ctx: MessageContext, message: MimeMessage): SessionEventLike | null {
    return this.data.onSwitchboardMessage(ctx, message);
  }

  /** MSNSLP text carried without a P2P header (MSNP21 SDG Message-Type Signal/P2P). */
  onSlpMessage(ctx: MessageContext, message: MimeMessage): SessionEventLike | null {
    return this.data.onSlpText(ctx, message.body);
  }

  /** The pipeline saw a new TCP connection to, or UDP traffic with, ip:port. */
  noteConnection(ip: string, port: number, transport: 'tcp' | 'udp', frame: number): void {
    this.book.noteConnection(ip, port, transport, frame);
  }

  /**
   * Starts the analysis of a direct peer connection; feed it the connection's bytes. With `peer`,
   * it is also listed as a connection (role `peer`) under that id.
   */
  openDirect(kind: DirectKind, client: string, server: string, firstFrame: number, peer?: PeerConnectionOpen): DirectStreamHandle {
    const ref: DirectStreamRef = { kind, client, server, firstFrame, connection: peer?.id };
    const key = `${kind}|${client}|${server}|${firstFrame}`;
    let handle = this.direct.get(key);
    if (!handle) {
      if (peer) this.peers.open({ id: peer.id, protocol: kind === 'msnftp' ? 'msnftp' : 'p2p', client, server, firstFrame, tsUs: peer.tsUs, traffic: peer.traffic });
      handle = kind === 'msnftp' ? this.openMsnftp(ref) : this.openDirectP2p(ref, peer?.observer);
      if (this.direct.size < MAX_DIRECT_STREAMS) this.direct.set(key, handle);
    }
    return handle;
  }

  /** The bytes of a direct peer connection (the function form of openDirect(…).data). */
  onDirectBytes(stream: DirectStreamRef, direction: Direction, bytes: Uint8Array, frame: number, tsUs: number): void {
    this.openDirect(stream.kind, stream.client, stream.server, stream.firstFrame).data(direction, bytes, frame, tsUs);
  }

  endpoints(): EndpointRecord[] {
    return this.book.all();
  }

  files(): FileRecord[] {
    return this.store.records();
  }

  /** The direct connections as connection records; also marks the endpoints they used (call before endpoints() is read). */
  peerConnections(): ConnectionRecord[] {
    return this.peers.records(this.book.all());
  }

  /** One per invitation, with its fate. */
  transferRecords(): TransferRecord[] {
    return this.transfers.records();
  }

  /** Bytes of files()[index] as rebuilt up to the last byte seen (holes before it are zeros), or null if not kept. */
  fileBytes(index: number): Uint8Array | null {
    return this.store.bytes(index);
  }

  private openDirectP2p(ref: DirectStreamRef, observer?: DirectPacketObserver): DirectStreamHandle {
    const framers: Record<Direction, DirectP2pFramer> = { c2s: new DirectP2pFramer(), s2c: new DirectP2pFramer() };
    const reported = { c2s: false, s2c: false };
    const id = ref.connection ?? -1;
    return {
      data: (direction, bytes, frame, tsUs) => {
        const framer = framers[direction];
        for (const packet of framer.push(bytes, frame)) {
          let placement: ChunkPlacement | null = null;
          if (packet.type === 'p2p') placement = this.data.onDirectPacket(ref, direction, packet.version, packet.packet, frame, tsUs);
          else if (packet.type === 'unknown') this.expert.add(frame, 'note', `Direct P2P packet of ${packet.packet.length} bytes is neither P2P v1 nor v2`, ref.connection);
          else if (packet.type === 'handshake') this.peers.handshake(id, packet.nonce);
          this.peers.packet(id, frame, tsUs, packet.type === 'p2p' || packet.type === 'handshake' ? packet.version : null);
          observer?.(direction, packet, placement);
        }
        if (framer.problem && !reported[direction]) {
          reported[direction] = true;
          this.expert.add(frame, 'warning', `${ref.client} ↔ ${ref.server}: ${framer.problem}`);
        }
      },
      // Nothing more comes: free what a direction held of an unfinished packet.
      end: (direction) => framers[direction].release(),
    };
  }

  /**
   * MSNFTP's `BYE code`: 16777989 from the receiver (the connecting side) says it has the whole
   * file — its confirmation; any other code ends the transfer (hypothetic.org "File transfer":
   * 2164261682 receiver cancelled, 2164261683 sender cancelled, 2147942405 disk full).
   */
  private msnftpBye(key: string, group: string | null, side: 'receiver' | 'sender', line: string, frame: number, tsUs: number): void {
    const code = line.slice(4).trim();
    const file = this.store.get(key);
    if (code === '16777989' && side === 'receiver' && file?.complete) {
      file.confirmed ??= { by: file.to, frame, time: formatTimeUs(tsUs), how: 'BYE' };
      return;
    }
    if (group !== null && code !== '16777989') this.transfers.cancel(group, side === 'receiver' ? (file?.to ?? null) : (file?.from ?? null), frame, tsUs, `BYE ${code}`);
  }

  private openMsnftp(ref: DirectStreamRef): DirectStreamHandle {
    const key = `msnftp|${ref.client}|${ref.server}|${ref.firstFrame}`;
    const stream: MsnftpStream = new MsnftpStream({
      line: (direction, line, frame) => {
        if (line.startsWith('BYE ')) {
          this.msnftpBye(key, group, direction === 'c2s' ? 'receiver' : 'sender', line, frame, lastTsUs);
          return;
        }
        if (!line.startsWith('FIL ') || stream.size === null) return;
        const invited = this.legacy.fileFor(stream.authCookie, ref.server);
        if (invited) group = invited.group;
        if (invited) {
          this.transfers.linkFile(invited.group, key, 'msnftp');
          if (ref.connection !== undefined) this.peers.invitation(ref.connection, invited.from, invited.to, invited.group.split(':').at(-1) ?? invited.group);
        }
        if (invited && invited.size !== null && invited.size !== stream.size) {
          this.expert.add(frame, 'warning', `MSNFTP announces ${stream.size} bytes but the invitation said ${invited.size} for "${invited.name}"`);
        }
        this.store.open(key, {
          frame: ref.firstFrame,
          kind: 'file-transfer',
          name: invited?.name ?? `msnftp-${ref.server}`,
          size: stream.size,
          from: invited?.from ?? null,
          to: invited?.to ?? stream.account,
          via: 'msnftp',
          session: invited?.session ?? null,
        });
      },
      block: (_direction, block) => {
        const result = this.store.addChunk(key, block.offset, block.data, block.frame);
        if (result === 'added' || result === 'completed') this.transfers.data(key, block.frame, lastTsUs);
      },
      problem: (message, frame) => this.expert.add(frame, 'warning', `${ref.client} ↔ ${ref.server}: ${message}`),
    });
    let noted = false;
    let lastTsUs = 0;
    let group: string | null = null;
    return {
      data: (direction, bytes, frame, tsUs) => {
        lastTsUs = tsUs;
        stream.data(direction, bytes, frame);
        if (ref.connection !== undefined) this.peers.packet(ref.connection, frame, tsUs, null);
      },
      end: (_direction, frame) => {
        if (!stream.cancelled || noted) return;
        noted = true;
        this.expert.add(frame, 'note', `MSNFTP transfer ${ref.client} ↔ ${ref.server} was cancelled`);
      },
    };
  }
}
