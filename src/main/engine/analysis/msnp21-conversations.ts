// MSNP21 has no switchboards: messages travel in `SDG` on the notification connection, with a
// Routing block naming sender and recipient, and presence in `NFY PUT|DEL` (PROTOCOL.md
// "Versions", "Messages"). Best effort: messages are grouped into one session per conversation,
// keyed by the account pair (or by the group address `9:…`/`10:…` for group chats); the same
// message seen on both parties' connections counts once, as on switchboards.

import { classifyMessage } from '../message/message-kind';
import { parseMimeMessage } from '../message/parse-mime-message';
import { parseSdgMessage, sdgAccount, type SdgMessage } from '../message/sdg-message';
import { NFY_DOCUMENTS } from '../message/sdg-message-types';
import type { MsnpCommand } from '../msnp/msnp-command';
import { decodeMsnpText } from '../msnp/msnp-text';
import { looksLikeAccount, normalizeAccount } from './account';
import type { AnalysisContext, CommandNotes } from './analysis-context';
import type { ConnectionState } from './connection-state';
import { clipText, interpretMessage, sightMessage } from './switchboard-messages';
import { elementText } from './xml-text';

const utf8 = new TextDecoder('utf-8');

function account(address: string | null): string | null {
  const a = sdgAccount(address);
  return looksLikeAccount(a ?? undefined) ? normalizeAccount(a as string) : null;
}

/** Group conversations are addressed to the group (`9:…@live.com`, `10:…`); others are a pair. */
export function conversationKey(toAddress: string | null, from: string | null, to: string | null): string {
  const raw = (toAddress ?? '').split(';')[0].trim().toLowerCase();
  if (/^(9|10):/.test(raw)) return `group ${raw}`;
  return [from ?? '?', to ?? '?'].sort().join(' ');
}

export function onSdg(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, notes: CommandNotes): void {
  if (!cmd.body) return;
  const message = parseMimeMessage(cmd.body);
  const kind = classifyMessage(message);
  if (kind.kind !== 'sdg') {
    notes.detail = 'SDG without a Routing block';
    return;
  }
  const content = kind.sdg.content;
  if (content.contentType) notes.contentTypes.push(content.contentType);
  const from = account(kind.sdg.from) ?? (cmd.direction === 'c2s' ? conn.account : null);
  const to = account(kind.sdg.to);
  const session = ctx.sessions.forConversation(conversationKey(kind.sdg.to, from, to), cmd.tsUs);
  if (session) {
    ctx.sessions.attach(session, conn.id);
    ctx.sessions.touch(session, cmd.tsUs);
    for (const a of [from, to]) {
      if (!a || (a === to && /^(9|10):/.test(kind.sdg.to ?? ''))) continue;
      ctx.sessions.addParticipant(session, a, ctx.nickOf(a), 'elsewhere');
      session.present.add(a);
    }
    notes.session = session.id;
  }
  for (const a of [from, to]) if (a) notes.accounts.push(a);
  const seen = sightMessage(ctx, session, conn.id, cmd, content, kind.inner, from, ctx.nickOf(from), 'notification');
  interpretMessage(seen, notes, undefined);
}

/**
 * True for a presence document (Uri /user, application/user+xml, or neither named: a bare DEL).
 * Group rosters and network status are named in the summary; other documents are expert notes.
 */
function isPresenceDocument(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, sdg: SdgMessage, notes: CommandNotes): boolean {
  const uri = (sdg.content.header('uri') ?? '').trim();
  const type = sdg.content.contentType;
  if ((uri === '' || /^\/user\b/i.test(uri)) && (type === '' || type === 'application/user+xml')) return true;
  notes.kind = 'msnp';
  const known = NFY_DOCUMENTS.find(([prefix]) => uri.toLowerCase().startsWith(prefix));
  notes.detail = `${clipText(uri || '(no Uri)', 80)}${known ? `: ${known[1]}` : ''}`;
  if (!known) ctx.expert.add(cmd.frame, 'note', `NFY document ${clipText(uri || '(no Uri)', 80)} (${type || 'no Content-Type'}) is not analysed`, conn.id);
  return false;
}

/** `NFY PUT|DEL len`: a contact's presence document (status, friendly name, personal message). */
export function onNfy(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, notes: CommandNotes): void {
  notes.kind = 'presence';
  if (!cmd.body) return;
  const sdg = parseSdgMessage(parseMimeMessage(cmd.body));
  if (!sdg) return;
  if (!isPresenceDocument(ctx, conn, cmd, sdg, notes)) return;
  const who = account(sdg.from);
  if (!who) return;
  notes.accounts.push(who);
  const xml = utf8.decode(sdg.content.body.subarray(0, 64 * 1024));
  const nickRaw = elementText(xml, 'FriendlyName');
  const nick = nickRaw ? decodeMsnpText(nickRaw) : null;
  if (nick) ctx.noteNick(who, nick);
  const status = cmd.params[0] === 'DEL' ? 'FLN' : (elementText(xml, 'Status') ?? undefined);
  const psm = elementText(xml, 'PSM');
  ctx.presence.observe(conn.id, conn.account, cmd.frame, cmd.tsUs, who, { status, nick, personalMessage: psm === null ? undefined : psm.slice(0, 1024) });
}
