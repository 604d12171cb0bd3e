// Login and version negotiation on dispatch and notification connections: VER (protocol
// versions), CVR (client name and version), USR (auth method, account, nick), XFR NS (the
// dispatch server's redirect) and OUT reasons. Spec: PROTOCOL.md "Connections and roles",
// "Versions"; hypothetic.org MSNP "Logging in".

import type { MsnpCommand } from '../msnp/msnp-command';
import { decodeMsnpText } from '../msnp/msnp-text';
import { looksLikeAccount, normalizeAccount } from './account';
import type { AnalysisContext, CommandNotes } from './analysis-context';
import type { CommandFields } from './command-fields';
import type { ConnectionState } from './connection-state';
import type { UsrFlavor } from './role-inference';
import { isMsnftpVer, versionsInVer } from './version-inference';

export function onVer(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand): void {
  if (isMsnftpVer(cmd.params)) conn.msnftp = true;
  const versions = versionsInVer(cmd.params);
  if (cmd.direction === 'c2s') {
    if (versions.length > 0) conn.offeredVersion = Math.max(...versions);
    return;
  }
  // The server answers with the version it picked first; `VER n 0` refuses all offered ones.
  if (versions.length > 0) conn.negotiatedVersion = versions[0];
  else if (cmd.params[1] === '0') ctx.expert.add(cmd.frame, 'warning', 'Version negotiation failed: the server supports none of the offered versions', conn.id);
}

export function onCvr(conn: ConnectionState, cmd: MsnpCommand, f: CommandFields): void {
  if (cmd.direction !== 'c2s') return;
  const name = f.get('client name');
  const version = f.get('client version');
  if (name && version) conn.clientVersion = `${name} ${version}`;
  const account = f.get('account');
  if (conn.account === null && looksLikeAccount(account)) conn.account = normalizeAccount(account);
}

/** USR of a login (`TWN|MD5|SSO|SHA I|S|A …`, `OK account …`). */
export function onLoginUsr(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, f: CommandFields): void {
  const method = f.get('auth method');
  if (method && (conn.authMethod === null || method !== 'SHA')) conn.authMethod = method;
  const account = f.get('account');
  if (!looksLikeAccount(account)) return;
  if (cmd.direction === 'c2s' || f.get('status') === 'OK' || conn.account === null) conn.account = normalizeAccount(account);
  const nick = f.get('nick');
  if (f.get('status') === 'OK' && nick !== undefined) {
    conn.nick = decodeMsnpText(nick);
    ctx.noteNick(conn.account, conn.nick);
  }
}

/** The client's USR by TrID, so that `USR n OK …` is read as the same kind of login. */
export function rememberUsr(conn: ConnectionState, cmd: MsnpCommand, flavor: UsrFlavor): void {
  if (cmd.direction !== 'c2s' || cmd.trid === null || flavor === null) return;
  if (conn.usrSent.size > 64) conn.usrSent.clear();
  conn.usrSent.set(cmd.trid, flavor);
}

export function onXfr(cmd: MsnpCommand, f: CommandFields, notes: CommandNotes): void {
  if (cmd.direction === 's2c' && f.get('kind') === 'NS') notes.detail = `redirect to notification server ${f.get('address') ?? '?'}`;
}

const OUT_REASONS: Record<string, string> = {
  OTH: 'logged in from another place',
  SSD: 'server shutting down',
  RCT: 'reconnect',
  MIG: 'migration',
};

export function onOut(ctx: AnalysisContext, conn: ConnectionState, cmd: MsnpCommand, notes: CommandNotes): void {
  const reason = cmd.params[0];
  if (cmd.direction !== 's2c' || reason === undefined) return;
  const meaning = OUT_REASONS[reason] ?? reason;
  notes.detail = meaning;
  ctx.expert.add(cmd.frame, 'note', `Server closed the connection: ${meaning}`, conn.id);
}
