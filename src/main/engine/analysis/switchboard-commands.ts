// Switchboard commands that shape a session: the logins that link it to a notification
// connection and give it a session id (USR account cookie / ANS account cookie sid, CAL →
// RINGING sid), who is there (IRO, JOI, BYE, OUT) and delivery receipts (ACK, NAK).
// Spec: PROTOCOL.md "Connections and roles"; hypothetic.org MSNP "Switchboard".

import type { MsnpCommand } from '../msnp/msnp-command';
import { decodeMsnpText } from '../msnp/msnp-text';
import { looksLikeAccount, normalizeAccount } from './account';
import type { AnalysisContext, CommandNotes } from './analysis-context';
import type { CommandFields } from './command-fields';
import type { ConnectionState } from './connection-state';
import type { SwitchboardTicket } from './session-linker';
import type { SessionState } from './switchboard-sessions';

/** Links a switchboard connection to the notification connection that received `cookie`. */
function link(ctx: AnalysisContext, conn: ConnectionState, cookie: string): SwitchboardTicket | undefined {
  const ticket = ctx.linker.ticket(cookie);
  if (!ticket) return undefined;
  conn.notificationConnection = ticket.notification;
  conn.handOffFrame = ticket.frame;
  const ns = ctx.connections.get(ticket.notification);
  if (ns) {
    // Each side learns the account from the other when its own login was not captured.
    if (conn.account === null) conn.account = ns.account;
    else if (ns.account === null) ns.account = conn.account;
  }
  return ticket;
}

/** The session a switchboard login joins: one already using this cookie, else its own. */
function sessionOnLogin(ctx: AnalysisContext, conn: ConnectionState, cookie: string | undefined, tsUs: number): SessionState | null {
  if (cookie !== undefined && conn.session === null) {
    const earlier = ctx.sessions.get(ctx.linker.sessionOfCookie(cookie) ?? null);
    if (earlier) ctx.joinSession(conn, earlier);
  }
  const s = ctx.sessionFor(conn, tsUs);
  if (s && cookie !== undefined) ctx.linker.presented(cookie, s.id);
  return s;
}

function accountField(f: CommandFields): string | null {
  const raw = f.get('account');
  return looksLikeAccount(raw) ? normalizeAccount(raw) : null;
}

function nickField(f: CommandFields): string | null {
  const raw = f.get('nick');
  return raw === undefined ? null : decodeMsnpText(raw);
}

/** `USR n account cookie` → `USR n OK account nick`. */
export function onSwitchboardUsr(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields): void {
  const account = accountField(f);
  if (cmd.direction === 'c2s') {
    if (account) conn.account = account;
    const cookie = f.get('auth cookie');
    if (cookie !== undefined) link(ctx, conn, cookie);
    sessionOnLogin(ctx, conn, cookie, cmd.tsUs);
    return;
  }
  if (f.get('status') !== 'OK') return;
  conn.account ??= account;
  const nick = nickField(f);
  if (nick && account) {
    conn.nick = nick;
    ctx.noteNick(account, nick);
  }
  const s = ctx.sessionFor(conn, cmd.tsUs);
  if (s && account) ctx.sessions.join(s, account, nick ?? ctx.ownNick(conn), nick ? 'session' : 'elsewhere', cmd.frame, cmd.tsUs, 'opened the conversation');
}

/** `ANS n account cookie sid` → `IRO …`, `ANS n OK`. */
export function onAns(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields): void {
  if (cmd.direction === 'c2s') {
    const account = accountField(f);
    if (account) conn.account = account;
    const cookie = f.get('cookie');
    const ticket = cookie !== undefined ? link(ctx, conn, cookie) : undefined;
    const sid = f.get('session id') ?? ticket?.sessionId ?? null;
    if (sid !== null && conn.session === null) {
      const known = ctx.sessions.bySwitchboardId(sid);
      if (known) ctx.joinSession(conn, known);
    }
    let s = sessionOnLogin(ctx, conn, cookie, cmd.tsUs);
    if (s && sid !== null) s = ctx.sessions.setSwitchboardId(s, sid);
    if (s && ticket?.via === 'RNG' && conn.account) {
      const by = ticket.inviter ? `invited by ${ticket.inviter}` : 'invited';
      ctx.sessions.ringing(s, conn.account, ticket.frame, ticket.tsUs, by);
    }
    return;
  }
  if (f.get('status') !== 'OK') return;
  const s = ctx.sessionFor(conn, cmd.tsUs);
  if (s && conn.account) ctx.sessions.join(s, conn.account, ctx.ownNick(conn), 'elsewhere', cmd.frame, cmd.tsUs, 'answered');
}

/** `CAL n account` → `CAL n RINGING sid`: the caller learns the session id here. */
export function onCal(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields, notes: CommandNotes): void {
  if (cmd.direction === 'c2s') {
    const callee = accountField(f);
    if (callee && cmd.trid !== null) {
      if (conn.calls.size > 64) conn.calls.clear();
      conn.calls.set(cmd.trid, callee);
    }
    return;
  }
  const sid = f.get('session id');
  let s = ctx.sessionFor(conn, cmd.tsUs);
  if (!s) return;
  if (sid !== undefined) s = ctx.sessions.setSwitchboardId(s, sid);
  const callee = cmd.trid !== null ? conn.calls.get(cmd.trid) : undefined;
  if (callee && f.get('status') === 'RINGING') {
    ctx.sessions.ringing(s, callee, cmd.frame, cmd.tsUs, conn.account ? `called by ${conn.account}` : 'called');
    notes.accounts.push(callee);
  }
}

/** IRO (who was there), JOI (who arrives), BYE (who leaves). */
export function onRoster(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields): void {
  if (cmd.direction !== 's2c') return;
  const account = accountField(f);
  const s = ctx.sessionFor(conn, cmd.tsUs);
  if (!s || !account) return;
  const nick = nickField(f);
  if (nick) ctx.noteNick(account, nick);
  if (cmd.verb === 'IRO') ctx.sessions.roster(s, account, nick, cmd.frame, cmd.tsUs);
  else if (cmd.verb === 'JOI') ctx.sessions.join(s, account, nick, 'session', cmd.frame, cmd.tsUs);
  else ctx.sessions.leave(s, account, cmd.frame, cmd.tsUs, f.get('reason') === '1' ? 'timed out' : undefined);
}

/** The user's own leaving: OUT on a switchboard, or the connection closing. */
export function leaveOwn(ctx: AnalysisContext, conn: ConnectionState, frame: number, tsUs: number, detail: string): void {
  const s = ctx.sessions.get(conn.session);
  if (s && conn.account) ctx.sessions.leave(s, conn.account, frame, tsUs, detail);
}

/** `ACK n` / `NAK n` for the client's `MSG n A|N|D`. */
export function onDeliveryReceipt(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, notes: CommandNotes): void {
  if (cmd.direction !== 's2c' || cmd.trid === null) return;
  ctx.delivered(conn.id, cmd.trid, cmd.verb === 'ACK' ? 'ack' : 'nak');
  if (cmd.verb === 'NAK') {
    notes.detail = `message ${cmd.trid} not delivered`;
    ctx.expert.add(cmd.frame, 'warning', `Message ${cmd.trid} was not delivered (NAK)`, conn.id);
  }
}
