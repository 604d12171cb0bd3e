// The state the command handlers share: connections, sessions, links, contacts, presence,
// offline messages and who is called what. One instance per analysis (MsnpAnalysis owns it).

import type { FrameKind, TranscriptMessage } from '../../../shared/model';
import { ChunkedMessageJoiner } from '../message/chunked-message-joiner';
import type { MessageContext } from '../message/message-context';
import type { MimeMessage } from '../message/mime-message';
import type { SessionEventLike } from '../p2p/session-event-like';
import { ConnectionState } from './connection-state';
import { ContactList } from './contact-list';
import type { ExpertLog } from './expert-log';
import { OfflineMessageLog } from './offline-message-log';
import { PresenceLog } from './presence-log';
import { SessionLinker } from './session-linker';
import { SessionStore, type SessionState } from './switchboard-sessions';

/** What the analysis hands to the P2P layer (p2p-tracker.ts implements it). */
export interface P2pSink {
  onInvitation(ctx: MessageContext, message: MimeMessage): SessionEventLike | null;
  onP2pMessage(ctx: MessageContext, message: MimeMessage): SessionEventLike | null;
  /** MSNSLP text without a P2P header (MSNP21 SDG Message-Type Signal/P2P). */
  onSlpMessage(ctx: MessageContext, message: MimeMessage): SessionEventLike | null;
}

/** What the handlers learn about one command, for its annotation. */
export interface CommandNotes {
  kind: FrameKind;
  accounts: string[];
  texts: string[];
  contentTypes: string[];
  errors: number[];
  /**
   * Appended to the summary after " — ". A function when building the text costs something
   * (chat text clipped to one line): only the annotation calls it, and only when one is wanted.
   */
  detail: string | (() => string) | null;
  /** The session the command belongs to when it is not the connection's (MSNP21 conversations). */
  session?: number | null;
  /** The first reply to a request: the request's verb and the time it took (for latency statistics). */
  reply?: { verb: string; latencyUs: number } | null;
}

const MAX_NICKS = 200_000;
const MAX_PENDING_DELIVERY = 10_000;

export class AnalysisContext {
  readonly connections = new Map<number, ConnectionState>();
  readonly sessions = new SessionStore((connection, session) => {
    const c = this.connections.get(connection);
    if (c) c.session = session;
  });
  readonly linker = new SessionLinker();
  readonly contacts = new ContactList();
  readonly presence = new PresenceLog();
  readonly offline = new OfflineMessageLog();
  readonly joiner = new ChunkedMessageJoiner();
  /** account → latest friendly name seen anywhere (decoded). */
  private readonly nicks = new Map<string, string>();
  /** `${connection}:${trid}` → chat line waiting for ACK/NAK. */
  private readonly awaitingDelivery = new Map<string, TranscriptMessage>();

  constructor(
    readonly expert: ExpertLog,
    readonly p2p: P2pSink,
  ) {}

  connection(id: number, frame = 0, tsUs = 0): ConnectionState {
    let c = this.connections.get(id);
    if (!c) {
      // A command for a connection nobody opened: keep it rather than lose it.
      c = new ConnectionState({ id, client: '', server: '', transport: 'tcp', firstFrame: frame, tsUs });
      this.connections.set(id, c);
    }
    return c;
  }

  noteNick(account: string, nick: string): void {
    if (!nick) return;
    if (this.nicks.size >= MAX_NICKS && !this.nicks.has(account)) return;
    this.nicks.set(account, nick);
  }

  nickOf(account: string | null): string | null {
    return account === null ? null : (this.nicks.get(account) ?? null);
  }

  /** The logged-in user's nick on a connection: its own, its notification connection's, or any seen. */
  ownNick(conn: ConnectionState): string | null {
    if (conn.nick) return conn.nick;
    const ns = conn.notificationConnection !== null ? this.connections.get(conn.notificationConnection) : undefined;
    return ns?.nick ?? this.nickOf(conn.account);
  }

  /** The version a switchboard inherits from its notification connection. */
  inheritedVersion(conn: ConnectionState): number | null {
    if (conn.notificationConnection === null) return null;
    const ns = this.connections.get(conn.notificationConnection);
    return ns ? ns.versionNumber(null) : null;
  }

  /** The session of a switchboard connection, created on first use. */
  sessionFor(conn: ConnectionState, tsUs: number): SessionState | null {
    const existing = this.sessions.get(conn.session);
    if (existing) {
      this.sessions.touch(existing, tsUs);
      return existing;
    }
    const s = this.sessions.create(tsUs);
    if (!s) return null;
    this.sessions.attach(s, conn.id);
    conn.session = s.id;
    return s;
  }

  /** Moves a connection into `target` (it was found to belong there). */
  joinSession(conn: ConnectionState, target: SessionState): void {
    this.sessions.attach(target, conn.id);
    conn.session = target.id;
  }

  awaitDelivery(connection: number, trid: number, line: TranscriptMessage): void {
    if (this.awaitingDelivery.size >= MAX_PENDING_DELIVERY) this.awaitingDelivery.delete(this.awaitingDelivery.keys().next().value as string);
    this.awaitingDelivery.set(`${connection}:${trid}`, line);
  }

  /** ACK/NAK for a client MSG: sets the delivery of its chat line. */
  delivered(connection: number, trid: number, outcome: 'ack' | 'nak'): void {
    const key = `${connection}:${trid}`;
    const line = this.awaitingDelivery.get(key);
    if (!line) return;
    line.delivery = outcome;
    this.awaitingDelivery.delete(key);
  }
}

export function emptyNotes(): CommandNotes {
  return { kind: 'msnp', accounts: [], texts: [], contentTypes: [], errors: [], detail: null };
}
