// Routes P2P messages (v1 or v2, from a switchboard MSG, an MSNP21 SDG — several packets when
// Bridging-Offsets says so — or a direct connection): session-0 data is MSNSLP text, joined
// across chunks and handed to the SLP sessions (SDG Signal/P2P carries that text bare); other sessions carry a
// file, display picture or emoticon, placed by offset into the file store (v1: the header's
// offset; v2: size − data remaining − chunk length). ACKs and control messages carry nothing.
// Spec: PROTOCOL.md "P2P / MSNSLP".

import type { Direction } from '../../../shared/model';
import type { ExpertLog } from '../analysis/expert-log';
import type { MessageContext } from '../message/message-context';
import type { MimeMessage } from '../message/mime-message';
import { formatTimeUs } from '../analysis/time-format';
import { bridgedPackets } from './bridging-offsets';
import { kindFromAppId } from './euf-guid';
import type { FileStore } from './file-store';
import { parseSlp, type SlpMessage } from './msnslp';
import { parseP2pV1, type P2pV1Message } from './p2p-header-v1';
import { parseP2pV2, type P2pV2Message } from './p2p-header-v2';
import type { DirectStreamRef } from './p2p-tracker';
import { kindLabel, type SessionEventLike } from './session-event-like';
import { SlpChunkJoiner } from './slp-chunk-joiner';
import { dataSender, isObjectKind, type SlpSessions } from './slp-sessions';
import type { TransferLog } from './transfer-log';

type Via = 'switchboard' | 'notification' | 'direct';

/** The sessionless context used for packets of a direct connection (`connection`: its peer connection id). */
function directContext(connection: number, frame: number, tsUs: number): MessageContext {
  return { connection, session: null, from: null, fromNick: null, to: [], frame, tsUs, duplicate: false, carrier: 'direct' };
}

/** Where a data chunk went in its file (the command tree shows it beside the chunk). */
export interface ChunkPlacement {
  name: string;
  offset: number;
  size: number;
}

/** Confirmations followed at most: one per completed file. */
const MAX_PENDING_ACKS = 10_000;

/**
 * MSNP18 peers (P2P-Src, or an endpoint `;{guid}` in P2P-Dest) speak P2P v2; a plain P2P-Dest
 * means v1; no P2P header at all is the content of an MSNP21 SDG message, which is v2.
 */
export function p2pVersionOf(message: MimeMessage): 1 | 2 {
  const dest = message.header('p2p-dest');
  if (message.header('p2p-src') !== undefined || (dest ?? '').includes(';{')) return 2;
  return dest !== undefined ? 1 : 2;
}

/** The 4-byte all-zero "data preparation" message that precedes an MSN object's data. */
function isDataPreparation(data: Uint8Array, total: number | null): boolean {
  return total === 4 && data.length === 4 && data[0] === 0 && data[1] === 0 && data[2] === 0 && data[3] === 0;
}

export class P2pData {
  private readonly joiner = new SlpChunkJoiner();
  /** File key → the scope (connection and sender) its data came from: an ACK from another scope is the receiver's. */
  private readonly dataScope = new Map<string, string>();
  /** "channel|ack number" → the file whose last v2 packet that number acknowledges (sequence + message size). */
  private readonly pendingV2Acks = new Map<string, string>();
  /** Set by dataChunk for the packet being handled. */
  private placement: ChunkPlacement | null = null;
  /** The direction of the direct-connection packet being handled. */
  private directDirection: Direction = 'c2s';
  /** Told of each MSNSLP message sent over a direct connection (its peer connection id and direction). */
  onDirectSlp: ((connection: number, direction: Direction, slp: SlpMessage) => void) | null = null;

  constructor(private readonly slp: SlpSessions, private readonly store: FileStore, private readonly expert: ExpertLog, private readonly transfers: TransferLog | null = null) {}

  onSwitchboardMessage(ctx: MessageContext, message: MimeMessage): SessionEventLike | null {
    const preferred = p2pVersionOf(message);
    const bundle = bridgedPackets(message);
    if (bundle.problem) this.expert.add(ctx.frame, 'warning', `P2P: ${bundle.problem}`, ctx.connection);
    const via: Via = ctx.carrier === 'notification' ? 'notification' : 'switchboard';
    let event: SessionEventLike | null = null;
    for (const { bytes } of bundle.packets) {
      const parsed = preferred === 2 ? (parseP2pV2(bytes) ?? parseP2pV1(bytes)) : (parseP2pV1(bytes) ?? parseP2pV2(bytes));
      if (!parsed) {
        this.expert.add(ctx.frame, 'warning', `P2P message of ${bytes.length} bytes is too short for a P2P header`, ctx.connection);
        continue;
      }
      // One transcript event per message: the last packet's (a bundle ends with what completes).
      event = this.handle(ctx, `sb${ctx.connection}|${ctx.from ?? ''}`, `sb${ctx.session ?? `c${ctx.connection}`}`, parsed, via) ?? event;
    }
    return event;
  }

  /** MSNSLP text without a binary P2P header (SDG Message-Type Signal/P2P). */
  onSlpText(ctx: MessageContext, data: Uint8Array): SessionEventLike | null {
    return this.slpChunk(ctx, { data });
  }

  /** A packet of a direct connection; returns where its data went in a file, if it carried file data. */
  onDirectPacket(ref: DirectStreamRef, direction: Direction, version: 1 | 2, packet: Uint8Array, frame: number, tsUs: number): ChunkPlacement | null {
    const parsed = version === 1 ? parseP2pV1(packet, false) : parseP2pV2(packet, false);
    if (!parsed) return null;
    this.placement = null;
    this.directDirection = direction;
    const channel = `dc${ref.client}|${ref.server}`;
    const event = this.handle(directContext(ref.connection ?? -1, frame, tsUs), `${channel}|${direction}`, channel, parsed, 'direct');
    // No transcript sits beside a direct connection: keep what it says as a note.
    if (event) this.expert.add(frame, 'note', `Direct connection ${ref.client} ↔ ${ref.server}: ${event.detail}`, ref.connection);
    return this.placement;
  }

  private handle(ctx: MessageContext, scope: string, channel: string, parsed: P2pV1Message | P2pV2Message, via: Via): SessionEventLike | null {
    for (const problem of parsed.problems) this.expert.add(ctx.frame, 'warning', `P2P v${parsed.version}: ${problem}`, ctx.connection);
    if (parsed.version === 1) {
      const h = parsed.header;
      if ((h.flags & 0x2) !== 0 && h.sessionId !== 0) this.confirm(ctx, scope, `p2p:${h.sessionId}`, (size) => h.ackDataSize === size);
      if (parsed.data.length === 0) return null;
      if (h.sessionId === 0) return this.slpChunk(ctx, this.joiner.addV1(scope, h.identifier, h.offset, h.totalSize, parsed.data));
      const known = this.slp.session(h.sessionId);
      const isData = (h.flags & 0x30) !== 0 || ((h.flags & ~0x1000000) === 0 && known !== undefined);
      if (!isData || isDataPreparation(parsed.data, h.totalSize)) return null;
      return this.dataChunk(ctx, h.sessionId, h.offset, h.totalSize, parsed.data, parsed.footer, via, scope, null);
    }
    if (parsed.ackSequence !== null) {
      const key = this.pendingV2Acks.get(`${channel}|${parsed.ackSequence}`);
      if (key !== undefined) this.confirm(ctx, scope, key, () => true);
    }
    const dh = parsed.dataHeader;
    if (!dh || parsed.data.length === 0) return null;
    if (dh.sessionId === 0) return this.slpChunk(ctx, this.joiner.addV2(scope, (dh.tf & 1) !== 0, dh.dataRemaining, parsed.data));
    const remaining = dh.dataRemaining ?? 0;
    if ((dh.tf & 1) !== 0 && remaining === 0 && isDataPreparation(parsed.data, parsed.data.length)) return null;
    const session = this.slp.session(dh.sessionId);
    const existing = this.store.get(`p2p:${dh.sessionId}`);
    const size = existing?.size ?? session?.size ?? ((dh.tf & 1) !== 0 ? parsed.data.length + remaining : null);
    if (size === null) {
      this.expert.add(ctx.frame, 'note', `P2P v2 data for session ${dh.sessionId} before its size is known: not placed`, ctx.connection);
      return null;
    }
    const ackNumber = `${channel}|${(parsed.sequenceNumber + parsed.messageSize) >>> 0}`;
    return this.dataChunk(ctx, dh.sessionId, size - remaining - parsed.data.length, size, parsed.data, parsed.footer, via, scope, ackNumber);
  }

  /**
   * An acknowledgment from `scope` for the file under `key`: once the file is complete and the
   * ACK comes from the receiver's side (another sender than the data's), it is the receiver's
   * confirmation. `covers` checks the ACK against the file's size (v1: ack data size).
   */
  private confirm(ctx: MessageContext, scope: string, key: string, covers: (size: number) => boolean): void {
    const file = this.store.get(key);
    if (!file || !file.complete || file.confirmed || !covers(file.size)) return;
    const fromReceiver = ctx.from !== null && file.from !== null ? ctx.from !== file.from : scope !== this.dataScope.get(key);
    if (!fromReceiver) return;
    file.confirmed = { by: ctx.from ?? file.to, frame: ctx.frame, time: formatTimeUs(ctx.tsUs), how: 'ACK' };
  }

  private slpChunk(ctx: MessageContext, outcome: ReturnType<SlpChunkJoiner['addV1']>): SessionEventLike | null {
    if ('error' in outcome) {
      this.expert.add(ctx.frame, 'warning', `MSNSLP: ${outcome.error}`, ctx.connection);
      return null;
    }
    if ('pending' in outcome) return null;
    const slp = parseSlp(outcome.data);
    if (!slp) {
      this.expert.add(ctx.frame, 'note', 'P2P session 0 data is not an MSNSLP message', ctx.connection);
      return null;
    }
    if (ctx.carrier === 'direct') this.onDirectSlp?.(ctx.connection, this.directDirection, slp);
    return this.slp.handle(ctx, slp);
  }

  private dataChunk(ctx: MessageContext, sessionId: number, offset: number, total: number, data: Uint8Array, footer: number | null, via: Via, scope: string, ackNumber: string | null): SessionEventLike | null {
    const key = `p2p:${sessionId}`;
    if (!this.store.get(key)) {
      if (this.dataScope.size < MAX_PENDING_ACKS) this.dataScope.set(key, scope);
      const session = this.slp.session(sessionId);
      const kind = session?.kind && session.kind !== 'msn-object' ? session.kind : (kindFromAppId(footer) ?? session?.kind ?? 'unknown');
      const parties = session ? dataSender(session) : { from: null, to: null };
      if (session?.size !== undefined && session.size !== null && session.size !== total) {
        this.expert.add(ctx.frame, 'warning', `P2P session ${sessionId}: invitation said ${session.size} bytes, data says ${total}`, ctx.connection);
      }
      const record = this.store.open(key, {
        frame: session?.frame ?? ctx.frame,
        kind,
        name: session?.name ?? `p2p-session-${sessionId}`,
        size: total,
        from: ctx.from ?? parties.from,
        to: ctx.to[0] ?? parties.to,
        via,
        session: session?.switchboard ?? ctx.session,
      });
      if (!record) return null;
      if (session) this.transfers?.linkFile(`slp:${session.callId}`, key, via);
    }
    const result = this.store.addChunk(key, offset, data, ctx.frame);
    const placed = this.store.get(key);
    if (placed) this.placement = { name: placed.name, offset, size: placed.size };
    if (result === 'added' || result === 'completed') this.transfers?.data(key, ctx.frame, ctx.tsUs);
    if (result !== 'completed') return null;
    if (ackNumber !== null && this.pendingV2Acks.size < MAX_PENDING_ACKS) this.pendingV2Acks.set(ackNumber, key);
    const file = this.store.get(key);
    if (!file || isObjectKind(file.kind)) return null;
    return { kind: 'file', detail: `${kindLabel(file.kind)} "${file.name}" complete (${file.size} bytes${file.sha1 ? `, SHA-1 ${file.sha1}` : ''})` };
  }
}
