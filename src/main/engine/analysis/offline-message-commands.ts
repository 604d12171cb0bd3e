// Messages that go through the notification server instead of a switchboard, and offline
// messages the server announces:
// - `UUM TrID account netid type len` (client, MSNP14+): a message to an offline contact or one on
//   another network; type 1 text, 2 typing, 3 nudge; the body is a MIME message like MSG's.
// - `UBM account netid type len` (server): the same, received.
// - `MSG Hotmail Hotmail len` with `text/x-msmsgsoimnotification` or
//   `…initialmdatanotification`: the offline messages waiting, without their text.
// Spec: PROTOCOL.md "Payload commands"; yellows111 MSNP docs "UUM", "UBM"; NINA wiki
// "MSNP13 Offline IM".

import { classifyMessage } from '../message/message-kind';
import { parseMimeMessage } from '../message/parse-mime-message';
import type { MsnpCommand } from '../msnp/msnp-command';
import { looksLikeAccount, normalizeAccount } from './account';
import type { AnalysisContext, CommandNotes } from './analysis-context';
import type { CommandFields } from './command-fields';
import type { ConnectionState } from './connection-state';
import { parseMailData } from './oim-mail-data';
import { clipText } from './switchboard-messages';

function networkIdOf(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** UUM (sent, c2s) and UBM (received, s2c). */
export function onUnifiedMessage(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields, notes: CommandNotes): void {
  const sent = cmd.verb === 'UUM';
  if (!cmd.body || sent !== (cmd.direction === 'c2s')) return;
  const raw = f.get('account');
  const other = looksLikeAccount(raw) ? normalizeAccount(raw) : null;
  if (other) notes.accounts.push(other);
  const from = sent ? conn.account : other;
  const to = sent ? other : conn.account;
  const message = parseMimeMessage(cmd.body);
  if (message.contentType) notes.contentTypes.push(message.contentType);
  const kind = classifyMessage(message);
  const peer = other ?? '?';
  switch (kind.kind) {
    case 'text': {
      notes.kind = 'chat';
      const text = kind.text;
      notes.texts.push(text);
      notes.detail = () => `${sent ? `offline message to ${peer}` : `message from ${peer}`}: ${clipText(text)}`;
      const nick = sent ? ctx.ownNick(conn) : ctx.nickOf(from);
      ctx.offline.add({ frame: cmd.frame, tsUs: cmd.tsUs, connection: conn.id, source: sent ? 'UUM' : 'UBM', from, nick, to, text, networkId: networkIdOf(f.get('network id')) });
      return;
    }
    case 'typing':
      notes.kind = 'chat';
      notes.detail = `${from ?? '?'} is typing (to ${to ?? '?'})`;
      return;
    case 'nudge':
      notes.kind = 'chat';
      notes.detail = `${from ?? '?'} sends a nudge (to ${to ?? '?'})`;
      return;
    default:
      notes.detail = message.contentType || 'message without Content-Type';
  }
}

/** The offline messages a mail-data notification announces (to the connection's user). */
export function onOimMailData(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, mailData: string, notes: CommandNotes): void {
  if (mailData.trim() === 'too-large') {
    notes.detail = 'offline messages waiting (list too large: fetched over SOAP)';
    return;
  }
  const messages = parseMailData(mailData);
  for (const m of messages) {
    if (m.from) {
      notes.accounts.push(m.from);
      if (m.nick) ctx.noteNick(m.from, m.nick);
    }
    ctx.offline.add({ frame: cmd.frame, tsUs: cmd.tsUs, connection: conn.id, source: 'oim-notification', from: m.from, nick: m.nick, to: conn.account, text: null, sentTime: m.receivedTime, id: m.id });
  }
  notes.detail = messages.length === 0 ? 'mail data' : `${messages.length} offline message${messages.length === 1 ? '' : 's'} waiting${messages[0].from ? ` (from ${clipText([...new Set(messages.map((m) => m.from ?? '?'))].join(', '), 100)})` : ''}`;
}
