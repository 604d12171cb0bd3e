// Switchboard sessions (and MSNP21 conversations) as transcripts: who took part and when
// (joins, leaves, ringing), chat lines, typing, nudges and the inline events of invitations and
// P2P. One session may be seen from several client connections (both parties captured): the
// connections are joined by switchboard session id, and each message is kept once, at its first
// sighting (message-sightings.ts).

import type { Participant, SessionEvent, SessionRecord, TranscriptMessage } from '../../../shared/model';
import { SightingIndex } from './message-sightings';
import { formatTimeUs } from './time-format';

/** What a sighting of a message produced, so that its repeats can update it. */
export type SightingValue = TranscriptMessage | SessionEvent;

/**
 * Where a participant's nick came from: the session's own commands (USR OK, IRO, JOI, the relay's
 * MSG) name people as this conversation saw them and win over a nick learned elsewhere (the
 * user's notification connection, another session), which is only a fallback.
 */
export type NickSource = 'session' | 'elsewhere';

interface ParticipantState extends Participant {
  nickSource: NickSource;
}

export interface SessionState {
  id: number;
  connections: number[];
  participants: Map<string, ParticipantState>;
  present: Set<string>;
  ringing: Set<string>;
  messages: TranscriptMessage[];
  events: SessionEvent[];
  typing: number;
  sbSessionId: string | null;
  firstTsUs: number;
  lastTsUs: number;
  sightings: SightingIndex<SightingValue>;
  /** MSNP21: the conversation key (account pair or group address). */
  conversation: string | null;
}

const MAX_SESSIONS = 100_000;
const MAX_LINES_PER_SESSION = 200_000;

function byFrame(a: { frame: number }, b: { frame: number }): number {
  return a.frame - b.frame;
}

export class SessionStore {
  private readonly sessions = new Map<number, SessionState>();
  /** Absorbed session id → the session it was merged into. */
  private readonly merged = new Map<number, number>();
  private readonly bySbId = new Map<string, number>();
  private readonly byConversation = new Map<string, number>();
  private nextId = 1;

  /** Called when a merge moves a connection to another session. */
  constructor(private readonly moved: (connection: number, session: number) => void) {}

  create(tsUs: number): SessionState | null {
    if (this.sessions.size >= MAX_SESSIONS) return null;
    const s: SessionState = {
      id: this.nextId++,
      connections: [],
      participants: new Map(),
      present: new Set(),
      ringing: new Set(),
      messages: [],
      events: [],
      typing: 0,
      sbSessionId: null,
      firstTsUs: tsUs,
      lastTsUs: tsUs,
      sightings: new SightingIndex(),
      conversation: null,
    };
    this.sessions.set(s.id, s);
    return s;
  }

  get(id: number | null): SessionState | null {
    if (id === null) return null;
    let target = id;
    for (let hops = 0; hops < 64 && this.merged.has(target); hops++) target = this.merged.get(target) as number;
    return this.sessions.get(target) ?? null;
  }

  /** The live id a (possibly merged) session id now refers to. */
  resolve(id: number | null): number | null {
    return this.get(id)?.id ?? null;
  }

  bySwitchboardId(sid: string): SessionState | null {
    const id = this.bySbId.get(sid);
    return id === undefined ? null : this.get(id);
  }

  /** MSNP21: the session of a conversation, created on first use. */
  forConversation(key: string, tsUs: number): SessionState | null {
    const existing = this.byConversation.get(key);
    if (existing !== undefined) return this.get(existing);
    const s = this.create(tsUs);
    if (!s) return null;
    s.conversation = key;
    this.byConversation.set(key, s.id);
    return s;
  }

  attach(s: SessionState, connection: number): void {
    if (!s.connections.includes(connection)) s.connections.push(connection);
  }

  touch(s: SessionState, tsUs: number): void {
    if (tsUs < s.firstTsUs) s.firstTsUs = tsUs;
    if (tsUs > s.lastTsUs) s.lastTsUs = tsUs;
  }

  /** Gives `s` its switchboard session id; when another session already has it, the two merge. */
  setSwitchboardId(s: SessionState, sid: string): SessionState {
    const other = this.bySwitchboardId(sid);
    if (other && other !== s) return this.merge(other, s);
    s.sbSessionId ??= sid;
    this.bySbId.set(sid, s.id);
    return s;
  }

  /** Merges the later-created session into the earlier one; returns the survivor. */
  private merge(a: SessionState, b: SessionState): SessionState {
    const [keep, gone] = a.id < b.id ? [a, b] : [b, a];
    for (const c of gone.connections) {
      this.attach(keep, c);
      this.moved(c, keep.id);
    }
    for (const [account, p] of gone.participants) this.addParticipant(keep, account, p.nick || null, p.nickSource);
    for (const account of gone.present) keep.present.add(account);
    for (const account of gone.ringing) if (!keep.present.has(account)) keep.ringing.add(account);
    keep.messages.push(...gone.messages);
    keep.events.push(...gone.events);
    keep.messages.sort(byFrame);
    keep.events.sort(byFrame);
    keep.typing += gone.typing;
    keep.sbSessionId ??= gone.sbSessionId;
    keep.sightings.absorb(gone.sightings);
    this.touch(keep, gone.firstTsUs);
    this.touch(keep, gone.lastTsUs);
    for (const [sid, id] of this.bySbId) if (id === gone.id) this.bySbId.set(sid, keep.id);
    this.sessions.delete(gone.id);
    this.merged.set(gone.id, keep.id);
    return keep;
  }

  /** Adds a participant (without an event) or fills in a nick: a later one from the session replaces one from elsewhere. */
  addParticipant(s: SessionState, account: string, nick: string | null, source: NickSource): void {
    const p = s.participants.get(account);
    if (!p) s.participants.set(account, { account, nick: nick ?? '', nickSource: source });
    else if (nick && (!p.nick || (source === 'session' && p.nickSource === 'elsewhere'))) {
      p.nick = nick;
      p.nickSource = source;
    }
  }

  event(s: SessionState, frame: number, tsUs: number, kind: SessionEvent['kind'], account: string | null, nick: string | null, detail?: string): SessionEvent | null {
    if (s.events.length >= MAX_LINES_PER_SESSION) return null;
    const e: SessionEvent = { frame, time: formatTimeUs(tsUs), kind, account };
    if (nick) e.nick = nick;
    if (detail) e.detail = detail;
    s.events.push(e);
    return e;
  }

  /** Someone entered (USR OK, ANS OK, JOI): an event unless they are already there. */
  join(s: SessionState, account: string, nick: string | null, nickSource: NickSource, frame: number, tsUs: number, detail?: string): void {
    this.addParticipant(s, account, nick, nickSource);
    s.ringing.delete(account);
    if (s.present.has(account)) return;
    s.present.add(account);
    this.event(s, frame, tsUs, 'join', account, nick, detail);
  }

  /** IRO: someone already in the session when we arrived. */
  roster(s: SessionState, account: string, nick: string | null, frame: number, tsUs: number): void {
    this.addParticipant(s, account, nick, 'session');
    s.ringing.delete(account);
    if (s.present.has(account)) return;
    s.present.add(account);
    this.event(s, frame, tsUs, 'roster', account, nick, 'already in the conversation');
  }

  leave(s: SessionState, account: string, frame: number, tsUs: number, detail?: string): void {
    if (!s.present.delete(account)) return;
    this.event(s, frame, tsUs, 'leave', account, s.participants.get(account)?.nick ?? null, detail);
  }

  ringing(s: SessionState, account: string, frame: number, tsUs: number, detail: string): void {
    if (s.ringing.has(account) || s.present.has(account)) return;
    s.ringing.add(account);
    this.event(s, frame, tsUs, 'ringing', account, null, detail);
  }

  message(s: SessionState, line: TranscriptMessage): boolean {
    if (s.messages.length >= MAX_LINES_PER_SESSION) return false;
    s.messages.push(line);
    return true;
  }

  sessionIds(): number[] {
    return [...this.sessions.keys()];
  }

  /** `nickOf` fills in the nick of participants the session never named (a nick seen elsewhere, possibly later). */
  records(nickOf: (account: string) => string | null): SessionRecord[] {
    const out: SessionRecord[] = [];
    for (const s of [...this.sessions.values()].sort((a, b) => a.id - b.id)) {
      const rec: SessionRecord = {
        id: s.id,
        connections: [...s.connections].sort((a, b) => a - b),
        participants: [...s.participants.values()].map((p) => ({ account: p.account, nick: p.nick || (nickOf(p.account) ?? '') })),
        messages: [...s.messages].sort(byFrame),
        typing: s.typing,
        sbSessionId: s.sbSessionId,
        startTime: formatTimeUs(s.firstTsUs),
        endTime: formatTimeUs(s.lastTsUs),
        events: [...s.events].sort(byFrame),
      };
      out.push(rec);
    }
    return out;
  }
}
