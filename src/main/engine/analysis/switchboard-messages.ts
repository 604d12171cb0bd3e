// MSG on a switchboard: who sent it (the relay names the sender; a client's own MSG is sent by
// the connection's account), split messages joined by Message-ID, then by kind: chat lines with
// their format and delivery, typing, nudges and winks, invitations and P2P handed to the P2P
// layer with a MessageContext. Each message counts once, at its first sighting in the session
// (message-sightings.ts); later sightings are marked duplicate for the P2P layer.
// Spec: PROTOCOL.md "Messages", "Legacy invitations", "P2P / MSNSLP".

import type { SessionEvent, TranscriptMessage } from '../../../shared/model';
import { toTranscriptFormat } from '../message/im-format';
import type { MessageContext } from '../message/message-context';
import { classifyMessage, type MessageKind } from '../message/message-kind';
import type { MimeMessage } from '../message/mime-message';
import { parseMimeMessage } from '../message/parse-mime-message';
import type { MsnpCommand } from '../msnp/msnp-command';
import { decodeMsnpText } from '../msnp/msnp-text';
import type { SessionEventLike } from '../p2p/session-event-like';
import { looksLikeAccount, normalizeAccount } from './account';
import type { AnalysisContext, CommandNotes } from './analysis-context';
import type { ConnectionState } from './connection-state';
import { messageKey, type Sighting } from './message-sightings';
import type { SessionState, SightingValue } from './switchboard-sessions';
import { formatTimeUs } from './time-format';

const SUMMARY_TEXT = 120;

export function clipText(text: string, max = SUMMARY_TEXT): string {
  const oneLine = (text.length > 4 * max ? text.slice(0, 4 * max) : text).replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** What a client's ack mode promises: U none, N a NAK on failure, A an ACK or NAK, D an error 282. */
function initialDelivery(mode: string | undefined): TranscriptMessage['delivery'] {
  return mode === 'A' || mode === 'D' ? 'pending' : 'none';
}

/** A message of a session, as the kinds below need it. */
export interface SeenMessage {
  ctx: AnalysisContext;
  session: SessionState | null;
  cmd: MsnpCommand;
  message: MimeMessage;
  kind: MessageKind;
  from: string | null;
  fromNick: string | null;
  /** Set on the first sighting only. */
  sighting: Sighting<SightingValue> | null;
  repeatOf: Sighting<SightingValue> | null;
  messageContext: MessageContext;
}

function addEvent(m: SeenMessage, kind: SessionEvent['kind'], account: string | null, detail?: string): void {
  if (!m.session || m.repeatOf) return;
  const e = m.ctx.sessions.event(m.session, m.cmd.frame, m.cmd.tsUs, kind, account, m.fromNick, detail);
  if (e && m.sighting) m.sighting.value = e;
}

function fromP2p(m: SeenMessage, event: SessionEventLike | null): void {
  if (event) addEvent(m, event.kind, m.from, event.detail);
}

/** Acts on one message (whole or joined) by kind; shared by switchboard MSG and MSNP21 SDG. */
export function interpretMessage(m: SeenMessage, notes: CommandNotes, ackMode: string | undefined): void {
  const { kind, ctx, cmd } = m;
  const who = m.from ?? '?';
  switch (kind.kind) {
    case 'text': {
      notes.kind = 'chat';
      const text = kind.text;
      notes.texts.push(text);
      notes.detail = () => `${who}: ${clipText(text)}`;
      let line: TranscriptMessage | null = null;
      if (!m.repeatOf && m.session) {
        line = { frame: cmd.frame, time: formatTimeUs(cmd.tsUs), from: m.from ?? '', nick: m.fromNick ?? '', text: kind.text };
        if (kind.format) {
          const format = toTranscriptFormat(kind.format);
          if (Object.keys(format).length > 0) line.format = format;
        }
        if (ackMode !== undefined) line.delivery = initialDelivery(ackMode);
        if (ctx.sessions.message(m.session, line) && m.sighting) m.sighting.value = line;
      } else if (m.repeatOf?.value && 'text' in m.repeatOf.value) {
        line = m.repeatOf.value;
        // The relay was seen first: the sender's own copy still tells how delivery went.
        if (ackMode !== undefined && line.delivery === undefined) line.delivery = initialDelivery(ackMode);
        // The sender's copy was seen first: the relay's nick is how the session named the sender.
        if (cmd.direction === 's2c' && m.fromNick) line.nick = m.fromNick;
      }
      if (line && ackMode !== undefined && ackMode !== 'U' && cmd.trid !== null) ctx.awaitDelivery(m.messageContext.connection, cmd.trid, line);
      return;
    }
    case 'typing': {
      notes.kind = 'chat';
      const user = kind.user && looksLikeAccount(kind.user) ? normalizeAccount(kind.user) : m.from;
      notes.detail = () => `${user ?? '?'} is typing`;
      if (user) notes.accounts.push(user);
      if (m.session && !m.repeatOf) {
        m.session.typing++;
        addEvent(m, 'typing', user);
      }
      return;
    }
    case 'nudge':
    case 'wink':
    case 'action':
      notes.kind = 'chat';
      notes.detail = kind.kind === 'action' && kind.data ? `${who} ${kind.data}` : `${who} sends a ${kind.kind}`;
      addEvent(m, kind.kind, m.from, kind.kind === 'action' ? (kind.data ?? undefined) : undefined);
      return;
    case 'voice-clip':
    case 'datacast':
      notes.kind = 'chat';
      notes.detail = kind.kind === 'voice-clip' ? `${who} sends a voice clip` : `datacast ${kind.id ?? '?'}`;
      addEvent(m, 'message', m.from, kind.kind === 'voice-clip' ? 'voice clip' : `datacast ${kind.id ?? '?'}`);
      return;
    case 'emoticon':
      notes.detail = `custom emoticons ${kind.emoticons.map((e) => e.shortcut).join(' ')}`;
      return;
    case 'clientcaps':
      notes.detail = 'client capabilities';
      return;
    case 'invite':
      notes.kind = 'p2p';
      notes.detail = `invitation: ${kind.command ?? '?'}`;
      fromP2p(m, ctx.p2p.onInvitation(m.messageContext, m.message));
      return;
    case 'p2p': {
      notes.kind = 'p2p';
      const event = ctx.p2p.onP2pMessage(m.messageContext, m.message);
      // The step it is (an invitation, its answer, a file received) says more than "P2P" in the Info.
      notes.detail = event ? `P2P: ${event.detail}` : 'P2P';
      fromP2p(m, event);
      return;
    }
    case 'slp': {
      notes.kind = 'p2p';
      const event = ctx.p2p.onSlpMessage(m.messageContext, m.message);
      notes.detail = event ? `MSNSLP: ${event.detail}` : 'MSNSLP';
      fromP2p(m, event);
      return;
    }
    case 'signal':
      notes.detail = `${kind.messageType}: ${kind.meaning}`;
      return;
    case 'keepalive':
      notes.detail = 'keep-alive';
      return;
    case 'unknown':
      notes.detail = m.message.contentType || 'message without Content-Type';
      // An SDG says what it is in Message-Type: one we do not know is named, not guessed at.
      if (kind.messageType !== undefined && !m.repeatOf) {
        notes.detail = `Message-Type ${clipText(kind.messageType, 60)}`;
        ctx.expert.add(cmd.frame, 'note', `SDG with unknown Message-Type "${clipText(kind.messageType, 60)}" (${m.message.contentType || 'no Content-Type'}): not shown in the transcript`, m.messageContext.connection);
      }
      return;
    default:
      notes.detail = m.message.contentType || 'message without Content-Type';
  }
}

/** Looks a message up among the session's earlier sightings and builds its MessageContext. */
export function sightMessage(
  ctx: AnalysisContext,
  session: SessionState | null,
  connection: number,
  cmd: MsnpCommand,
  message: MimeMessage,
  kind: MessageKind,
  from: string | null,
  fromNick: string | null,
  carrier?: MessageContext['carrier'],
): SeenMessage {
  let sighting: Sighting<SightingValue> | null = null;
  let repeatOf: Sighting<SightingValue> | null = null;
  if (session) {
    const seen = session.sightings.sight(messageKey(from, message.contentType, message.body), connection);
    repeatOf = seen.repeatOf;
    if (!repeatOf) sighting = seen.sighting;
  }
  const to = session ? [...session.present].filter((a) => a !== from) : [];
  const messageContext: MessageContext = { connection, session: session?.id ?? null, from, fromNick, to, frame: cmd.frame, tsUs: cmd.tsUs, duplicate: repeatOf !== null };
  if (carrier) messageContext.carrier = carrier;
  return { ctx, session, cmd, message, kind, from, fromNick, sighting, repeatOf, messageContext };
}

/** The sender's account from a client's typing notification, when the login was not captured. */
function learnAccountFromTyping(conn: ConnectionState, message: MimeMessage): void {
  if (conn.account !== null || message.contentType !== 'text/x-msmsgscontrol') return;
  const user = message.header('typinguser');
  if (looksLikeAccount(user)) conn.account = normalizeAccount(user);
}

/** `MSG account nick len` (server) / `MSG TrID mode len` (client): fixed shapes, read directly (hot path). */
export function onSwitchboardMessage(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, notes: CommandNotes): void {
  if (!cmd.body) return;
  const part = parseMimeMessage(cmd.body);
  if (part.contentType) notes.contentTypes.push(part.contentType);
  let from: string | null;
  let fromNick: string | null;
  if (cmd.direction === 's2c') {
    const raw = cmd.params[0];
    from = looksLikeAccount(raw) ? normalizeAccount(raw) : null;
    const nick = cmd.params.length >= 3 ? cmd.params[1] : undefined;
    fromNick = nick === undefined ? null : decodeMsnpText(nick);
    if (from && fromNick) ctx.noteNick(from, fromNick);
  } else {
    learnAccountFromTyping(conn, part);
    from = conn.account;
    fromNick = ctx.ownNick(conn);
  }
  if (from) notes.accounts.push(from);
  const session = ctx.sessionFor(conn, cmd.tsUs);
  if (session && from) {
    // The relay's `MSG account nick` names the sender as this session saw it; a client's own MSG
    // carries no nick (fromNick is the user's nick from elsewhere).
    ctx.sessions.addParticipant(session, from, fromNick, cmd.direction === 's2c' ? 'session' : 'elsewhere');
    // A capture that starts mid-conversation: the sender was there before we looked.
    session.present.add(from);
  }

  const joined = ctx.joiner.add(`${conn.id}\u0000${from ?? '?'}`, part, cmd.frame);
  if (joined.status === 'pending') {
    notes.kind = 'chat';
    notes.detail = `part ${joined.received} of ${joined.expected ?? '?'} of split message ${joined.messageId}`;
    return;
  }
  if (joined.status === 'rejected') ctx.expert.add(cmd.frame, 'warning', `Split message part not joined: ${joined.reason}`, conn.id);
  const message = joined.message;
  const kind = classifyMessage(message);
  const seen = sightMessage(ctx, session, conn.id, cmd, message, kind, from, fromNick);
  interpretMessage(seen, notes, cmd.direction === 'c2s' ? cmd.params[1] : undefined);
}
