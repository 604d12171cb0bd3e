// Notification-server commands: presence (CHG, ILN, NLN, FLN), personal messages (UBX, UUX),
// the user's own friendly name (PRP MFN, REA), contact lists (LSG, LST, ADC, ADD, REM, ADG, RMG,
// REG, ADL, RML) and the switchboard tickets (XFR SB, RNG) that link switchboards to this
// connection. Spec: PROTOCOL.md "Connections and roles", "Versions".

import { classifyMessage } from '../message/message-kind';
import { parseMimeMessage } from '../message/parse-mime-message';
import type { MsnpCommand } from '../msnp/msnp-command';
import { decodeMsnpText } from '../msnp/msnp-text';
import { looksLikeAccount, normalizeAccount } from './account';
import type { AnalysisContext, CommandNotes } from './analysis-context';
import type { CommandFields } from './command-fields';
import type { ConnectionState } from './connection-state';
import { onOimMailData } from './offline-message-commands';
import { elementText } from './xml-text';

const utf8 = new TextDecoder('utf-8');
/** Personal messages longer than this are cut (a PSM is at most a few hundred characters). */
const MAX_PSM = 1024;

function bodyText(cmd: MsnpCommand): string {
  return cmd.body ? utf8.decode(cmd.body.subarray(0, 64 * 1024)) : '';
}

/** `<PSM>…</PSM>` of a UBX/UUX document, or null when it has none (EndpointData…). */
export function personalMessageOf(xml: string): string | null {
  const psm = elementText(xml, 'PSM');
  return psm === null ? null : psm.slice(0, MAX_PSM);
}

function presenceLine(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields, notes: CommandNotes, status: string | undefined): void {
  const raw = f.get('account');
  if (!looksLikeAccount(raw) || status === undefined) return;
  const account = normalizeAccount(raw);
  const rawNick = f.get('nick');
  const nick = rawNick === undefined ? null : decodeMsnpText(rawNick);
  if (nick) {
    ctx.noteNick(account, nick);
    // Presence comes only for contacts on the user's list.
    ctx.contacts.noteNick(account, rawNick as string);
  }
  ctx.presence.status(conn.id, conn.account, cmd.frame, cmd.tsUs, account, status, nick);
  notes.kind = 'presence';
}

export function onPresence(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields, notes: CommandNotes): void {
  switch (cmd.verb) {
    case 'CHG': {
      notes.kind = 'presence';
      const status = f.get('status');
      if (conn.account !== null && status !== undefined) ctx.presence.status(conn.id, conn.account, cmd.frame, cmd.tsUs, conn.account, status, ctx.ownNick(conn));
      return;
    }
    case 'ILN':
    case 'NLN':
      if (cmd.direction === 's2c') presenceLine(ctx, conn, cmd, f, notes, f.get('status'));
      return;
    case 'FLN':
      if (cmd.direction === 's2c') presenceLine(ctx, conn, cmd, f, notes, 'FLN');
      return;
    case 'UBX': {
      notes.kind = 'presence';
      const raw = f.get('account');
      const psm = personalMessageOf(bodyText(cmd));
      if (looksLikeAccount(raw) && psm !== null) {
        ctx.presence.personalMessage(conn.id, conn.account, cmd.frame, cmd.tsUs, normalizeAccount(raw), psm);
        if (psm) notes.texts.push(psm);
      }
      return;
    }
    case 'UUX': {
      notes.kind = 'presence';
      const psm = cmd.direction === 'c2s' ? personalMessageOf(bodyText(cmd)) : null;
      if (conn.account !== null && psm !== null) {
        ctx.presence.personalMessage(conn.id, conn.account, cmd.frame, cmd.tsUs, conn.account, psm);
        if (psm) notes.texts.push(psm);
      }
      return;
    }
  }
}

/** The user's own friendly name: `PRP [TrID] MFN nick`, `REA TrID [ver] account nick`. */
export function onOwnName(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields): void {
  if (cmd.verb === 'PRP') {
    const value = f.get('value');
    if (f.get('property') !== 'MFN' || value === undefined) return;
    conn.nick = decodeMsnpText(value);
    if (conn.account) ctx.noteNick(conn.account, conn.nick);
    return;
  }
  // REA: the reply names the account whose name changed (the user's own, or a contact's before MSNP10).
  const raw = f.get('account');
  const nick = f.get('nick');
  if (cmd.direction !== 's2c' || !looksLikeAccount(raw) || nick === undefined) return;
  const account = normalizeAccount(raw);
  if (conn.account === null || conn.account === account) {
    conn.account ??= account;
    conn.nick = decodeMsnpText(nick);
    ctx.noteNick(account, conn.nick);
  } else {
    ctx.noteNick(account, decodeMsnpText(nick));
    ctx.contacts.noteNick(account, nick);
  }
}

export function onContactList(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand): void {
  const p = cmd.params;
  const c = ctx.contacts;
  const reply = cmd.direction === 's2c';
  switch (cmd.verb) {
    case 'LSG':
      if (reply) c.groupLine(conn.id, p);
      return;
    case 'LST':
      if (reply) c.listLine(conn.id, p);
      return;
    case 'ADG':
      if (reply) c.groupAdded(conn.id, p);
      return;
    case 'RMG':
      if (reply) c.groupRemoved(conn.id, p);
      return;
    case 'REG':
      if (reply) c.groupRenamed(conn.id, p);
      return;
    case 'ADD':
    case 'ADC':
      if (reply) c.contactAdded(conn.id, cmd.verb, p);
      return;
    case 'REM':
      if (reply) c.contactRemoved(conn.id, p);
      return;
    case 'ADL':
    case 'RML':
      // The client's list, or the server's unsolicited `ADL 0 len` (someone added the user).
      if (cmd.body && cmd.body.length > 0) c.xmlList(bodyText(cmd), cmd.verb === 'RML');
      return;
  }
}

/** `XFR n SB addr CKI cookie` and `RNG sid addr CKI cookie inviter nick`: remember the cookie. */
export function onSwitchboardTicket(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields, notes: CommandNotes): void {
  if (cmd.direction !== 's2c') return;
  const cookie = f.get('cookie');
  if (cmd.verb === 'XFR') {
    if (f.get('kind') !== 'SB' || cookie === undefined) return;
    ctx.linker.offered(cookie, { notification: conn.id, via: 'XFR', frame: cmd.frame, tsUs: cmd.tsUs, sessionId: null, inviter: null, inviterNick: null });
    notes.detail = `switchboard at ${f.get('address') ?? '?'}`;
    return;
  }
  const inviterRaw = f.get('inviter');
  const inviter = looksLikeAccount(inviterRaw) ? normalizeAccount(inviterRaw) : null;
  const nickRaw = f.get('inviter nick');
  const inviterNick = nickRaw === undefined ? null : decodeMsnpText(nickRaw);
  if (inviter && inviterNick) ctx.noteNick(inviter, inviterNick);
  if (cookie !== undefined) {
    ctx.linker.offered(cookie, { notification: conn.id, via: 'RNG', frame: cmd.frame, tsUs: cmd.tsUs, sessionId: f.get('session id') ?? null, inviter, inviterNick });
  }
  notes.detail = `${inviter ?? 'someone'} invites ${conn.account ?? 'the user'} to a conversation`;
}

/** `MSG Hotmail Hotmail len`: the server's own messages (profile at login, e-mail and offline-message notifications). */
export function onNotificationMessage(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, notes: CommandNotes): void {
  if (!cmd.body) return;
  const message = parseMimeMessage(cmd.body);
  if (message.contentType) notes.contentTypes.push(message.contentType);
  const kind = classifyMessage(message);
  switch (kind.kind) {
    case 'profile':
      notes.detail = 'profile';
      return;
    case 'email-initial':
      notes.detail = `${kind.inboxUnread ?? '?'} unread e-mails`;
      return;
    case 'email-new':
      notes.detail = `new e-mail from ${kind.from ?? kind.fromAddress ?? '?'}`;
      return;
    case 'email-activity':
      notes.detail = 'mailbox activity';
      return;
    case 'email-data': {
      // The mail data is a body field; some servers put it in the header block.
      const mailData = kind.mailData ?? message.header('mail-data') ?? null;
      if (mailData !== null) onOimMailData(ctx, conn, cmd, mailData, notes);
      else notes.detail = 'mail data';
      return;
    }
    default:
      notes.detail = message.contentType || null;
  }
}
