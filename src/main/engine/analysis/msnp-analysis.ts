// Semantic analysis of framed MSNP commands: per connection the role, version, client, account
// and login method; request/response transactions; contacts, groups, presence and offline
// messages from the notification connections; switchboard sessions (merged across the connections that see them)
// with transcripts and events; command counts; redaction of login secrets.
// The pipeline calls openConnection, command (in capture order) and closeConnection, then finish.
//
// commandCounts: every command as it appears on the wire, both directions, every connection,
// keyed by verb or error code. Lines that are not MSNP commands (empty verb) are not counted:
// the JSON contract keys are verbs and error codes only; each such line gets an expert warning.

import type { ConnectionRecord, ContactRecord, FrameKind, OfflineMessageRecord, PresenceRecord, SessionRecord, TreeNode } from '../../../shared/model';
import type { MsnpCommand } from '../msnp/msnp-command';
import { describeCommand } from '../msnp/describe-command';
import { looksLikeAccount, normalizeAccount } from './account';
import { parseAddressBook } from './address-book';
import { AnalysisContext, emptyNotes, type CommandNotes, type P2pSink } from './analysis-context';
import { commandFields, type CommandFields } from './command-fields';
import { commandTree } from './command-tree';
import { ConnectionState, type ConnectionOpen } from './connection-state';
import type { ExpertLog } from './expert-log';
import { onCvr, onLoginUsr, onOut, onVer, onXfr, rememberUsr } from './login-commands';
import { onNfy, onSdg } from './msnp21-conversations';
import { onContactList, onNotificationMessage, onOwnName, onPresence, onSwitchboardTicket } from './notification-commands';
import { onUnifiedMessage } from './offline-message-commands';
import { oimMessageId, parseOimGetMessage, parseOimStore, type OimSoapExchange } from './oim-soap';
import { redactCommand, secretIndexes } from './redaction';
import { usrFlavor, type UsrFlavor } from './role-inference';
import { leaveOwn, onAns, onCal, onDeliveryReceipt, onRoster, onSwitchboardUsr } from './switchboard-commands';
import { onSwitchboardMessage } from './switchboard-messages';
import { isErrorCode, TransactionTracker } from './transactions';
import { versionFloor } from './version-inference';

const NO_FIELDS: CommandFields = new Map();

export type { ConnectionOpen } from './connection-state';
export type { P2pSink } from './analysis-context';

export interface CommandAnnotation {
  /** Wireshark-like Info, redacted, e.g. "MSG 3 N 139 — alice@example.com: hello". */
  summary: string;
  kind: FrameKind;
  accounts: string[];
  texts: string[];
  contentTypes: string[];
  errors: number[];
  session: number | null;
  version: string | null;
  /** Set on a request's first reply: the request's verb and its latency. */
  reply: { verb: string; latencyUs: number } | null;
}

export interface MsnpAnalysisOptions {
  showSecrets: boolean;
  expert: ExpertLog;
  p2p: P2pSink;
  /**
   * Keep request/response links for describe() (default true). Without a command tree to show
   * (the CLI), they are memory that grows with the capture for nothing.
   */
  keepLinks?: boolean;
}

export class MsnpAnalysis {
  private readonly ctx: AnalysisContext;
  private readonly transactions: TransactionTracker;
  private readonly counts = new Map<string, number>();
  private readonly showSecrets: boolean;

  constructor(opts: MsnpAnalysisOptions) {
    this.showSecrets = opts.showSecrets;
    this.ctx = new AnalysisContext(opts.expert, opts.p2p);
    this.transactions = new TransactionTracker(opts.expert, opts.keepLinks ?? true);
  }

  openConnection(c: ConnectionOpen): void {
    if (!this.ctx.connections.has(c.id)) this.ctx.connections.set(c.id, new ConnectionState(c));
  }

  /**
   * Analyses one command. The annotation (summary, accounts…) is only for the packet list and
   * the display filter; pass annotate=false when nobody reads it (the CLI): building it costs
   * about as much as analysing most commands. The analysis itself is the same either way.
   */
  command(connection: number, cmd: MsnpCommand): CommandAnnotation;
  command(connection: number, cmd: MsnpCommand, annotate: boolean): CommandAnnotation | null;
  command(connection: number, cmd: MsnpCommand, annotate = true): CommandAnnotation | null {
    const ctx = this.ctx;
    const conn = ctx.connection(connection, cmd.frame, cmd.tsUs);
    conn.commands++;
    conn.touch(cmd.frame, cmd.tsUs);
    const notes = emptyNotes();
    if (cmd.malformed) ctx.expert.add(cmd.frame, 'warning', `Malformed MSNP command: ${cmd.malformed}`, connection);
    if (cmd.verb) {
      this.counts.set(cmd.verb, (this.counts.get(cmd.verb) ?? 0) + 1);
      const floor = versionFloor(cmd);
      if (floor > conn.versionFloor) conn.versionFloor = floor;
      const usr = cmd.verb === 'USR' ? usrFlavor(cmd, cmd.direction === 's2c' && cmd.trid !== null ? (conn.usrSent.get(cmd.trid) ?? null) : null) : null;
      conn.evidence.observe(cmd, usr);
      // Named parameters for the verbs that need them (MSG, the bulk of traffic, reads its own).
      const f = cmd.verb === 'MSG' ? NO_FIELDS : commandFields(cmd, this.versionNumber(conn));
      if (cmd.direction === 'c2s') this.transactions.request(connection, cmd);
      else {
        const reply = this.transactions.response(connection, cmd);
        if (reply?.first) notes.reply = { verb: reply.request.verb, latencyUs: reply.latencyUs };
      }
      if (isErrorCode(cmd.verb)) {
        notes.kind = 'error';
        notes.errors.push(Number(cmd.verb));
        // `MSG n D` is refused with 282; any error answers a message that asked for a receipt.
        if (cmd.trid !== null) ctx.delivered(connection, cmd.trid, 'nak');
      }
      this.handle(conn, cmd, f, usr, notes);
    }
    return annotate ? this.annotate(conn, cmd, notes) : null;
  }

  private handle(conn: ConnectionState, cmd: MsnpCommand, f: CommandFields, usr: UsrFlavor, notes: CommandNotes): void {
    const ctx = this.ctx;
    switch (cmd.verb) {
      case 'VER':
        return onVer(ctx, conn, cmd);
      case 'CVR':
        return onCvr(conn, cmd, f);
      case 'USR':
        rememberUsr(conn, cmd, usr);
        if (usr === 'login') return onLoginUsr(ctx, conn, cmd, f);
        if (usr === 'switchboard') return onSwitchboardUsr(ctx, conn, cmd, f);
        if (usr === 'msnftp' && looksLikeAccount(cmd.params[0])) conn.account ??= normalizeAccount(cmd.params[0]);
        return;
      case 'XFR':
        onXfr(cmd, f, notes);
        return onSwitchboardTicket(ctx, conn, cmd, f, notes);
      case 'RNG':
        return onSwitchboardTicket(ctx, conn, cmd, f, notes);
      case 'OUT':
        onOut(ctx, conn, cmd, notes);
        if (cmd.direction === 'c2s' && conn.role() === 'switchboard') leaveOwn(ctx, conn, cmd.frame, cmd.tsUs, 'closed the conversation');
        return;
      case 'CHG':
      case 'ILN':
      case 'NLN':
      case 'FLN':
      case 'UBX':
      case 'UUX':
        return onPresence(ctx, conn, cmd, f, notes);
      case 'PRP':
      case 'REA':
        return onOwnName(ctx, conn, cmd, f);
      case 'LSG':
      case 'LST':
      case 'ADG':
      case 'RMG':
      case 'REG':
      case 'ADD':
      case 'ADC':
      case 'REM':
      case 'ADL':
      case 'RML':
        return onContactList(ctx, conn, cmd);
      case 'ANS':
        return onAns(ctx, conn, cmd, f);
      case 'CAL':
        return onCal(ctx, conn, cmd, f, notes);
      case 'IRO':
      case 'JOI':
        return onRoster(ctx, conn, cmd, f);
      case 'BYE':
        // MSNFTP ends with `BYE code`; a switchboard says who left.
        if (!/^\d+$/.test(cmd.params[0] ?? '')) onRoster(ctx, conn, cmd, f);
        return;
      case 'ACK':
      case 'NAK':
        if (cmd.verb === 'NAK') notes.kind = 'error';
        return onDeliveryReceipt(ctx, conn, cmd, notes);
      case 'MSG':
        if (cmd.direction === 's2c' && cmd.params[0] === 'Hotmail') return onNotificationMessage(ctx, conn, cmd, notes);
        return onSwitchboardMessage(ctx, conn, cmd, notes);
      case 'UUM':
      case 'UBM':
        return onUnifiedMessage(ctx, conn, cmd, f, notes);
      case 'SDG':
        return onSdg(ctx, conn, cmd, notes);
      case 'NFY':
        return onNfy(ctx, conn, cmd, notes);
    }
  }

  private annotate(conn: ConnectionState, cmd: MsnpCommand, notes: CommandNotes): CommandAnnotation {
    const secret = this.showSecrets ? [] : secretIndexes(cmd);
    const accounts = notes.accounts;
    for (let i = 0; i < cmd.params.length; i++) {
      if (secret.includes(i)) continue;
      let token = cmd.params[i];
      if (token.startsWith('N=')) token = token.slice(2);
      if (!looksLikeAccount(token)) continue;
      const account = normalizeAccount(token);
      if (!accounts.includes(account)) accounts.push(account);
    }
    const shown = this.showSecrets ? cmd : redactCommand(cmd);
    const version = this.versionNumber(conn);
    let summary = describeCommand(shown, version).summary;
    const detail = typeof notes.detail === 'function' ? notes.detail() : notes.detail;
    if (detail) summary += ` — ${detail}`;
    return {
      summary,
      kind: notes.kind,
      accounts: [...new Set(accounts)],
      texts: notes.texts,
      contentTypes: notes.contentTypes,
      errors: notes.errors,
      session: notes.session ?? this.ctx.sessions.resolve(conn.session),
      version: conn.version(this.ctx.inheritedVersion(conn)).text,
      reply: notes.reply ?? null,
    };
  }

  closeConnection(connection: number, frame: number, tsUs: number): void {
    const conn = this.ctx.connections.get(connection);
    if (!conn || conn.closed) return;
    conn.closed = true;
    conn.touch(frame, tsUs);
    if (conn.role() === 'switchboard') leaveOwn(this.ctx, conn, frame, tsUs, 'connection closed');
  }

  /** Negotiated/inferred protocol version number (e.g. 12) for the framer's version-dependent rules. */
  versionOf(connection: number): number | null {
    const conn = this.ctx.connections.get(connection);
    return conn ? this.versionNumber(conn) : null;
  }

  private versionNumber(conn: ConnectionState): number | null {
    return conn.versionNumber(this.ctx.inheritedVersion(conn));
  }

  /** The switchboard session a connection belongs to (null for other connections). */
  sessionOf(connection: number): number | null {
    const conn = this.ctx.connections.get(connection);
    return conn ? this.ctx.sessions.resolve(conn.session) : null;
  }

  /** Command tree node for the UI (named params via describeCommand, MIME via describeMessage), redacted. */
  describe(connection: number, cmd: MsnpCommand): TreeNode {
    // A command of a connection never opened: describe it without adding the connection.
    const conn = this.ctx.connections.get(connection) ?? new ConnectionState({ id: connection, client: '', server: '', transport: 'tcp', firstFrame: cmd.frame, tsUs: cmd.tsUs });
    const versionInfo = conn.version(this.ctx.inheritedVersion(conn));
    const shown = this.showSecrets ? cmd : redactCommand(cmd);
    return commandTree(cmd, {
      showSecrets: this.showSecrets,
      version: versionInfo.number,
      versionText: versionInfo.text,
      role: conn.role(),
      account: conn.account,
      session: this.ctx.sessions.resolve(conn.session),
      link: this.transactions.linkOf(connection, cmd.index),
    }, describeCommand(shown, versionInfo.number).summary);
  }

  /**
   * An address-book SOAP response (ABFindAll / ABFindContactsPaged, seen by the HTTP layer):
   * MSNP13+ clients learn their groups there, not over MSNP. Returns false when it is not one.
   */
  addressBook(xml: string): boolean {
    const book = parseAddressBook(xml);
    if (!book) return false;
    this.ctx.contacts.addressBook(book);
    return true;
  }

  /** An exchange with the OIM SOAP service: the message sent (Store2) or fetched (GetMessage), when in clear. */
  offlineMessageSoap(ex: OimSoapExchange): void {
    const stored = parseOimStore(ex.requestXml);
    if (stored) {
      this.ctx.offline.add({ ...stored, frame: ex.request.frame, tsUs: ex.request.tsUs, connection: null, source: 'oim-soap' });
      return;
    }
    const fetched = ex.responseXml !== null && ex.response ? parseOimGetMessage(ex.responseXml) : null;
    if (fetched && ex.response) this.ctx.offline.add({ ...fetched, frame: ex.response.frame, tsUs: ex.response.tsUs, connection: null, source: 'oim-soap', id: oimMessageId(ex.requestXml) });
  }

  /** Closes open transactions (unanswered → expert) and gives up split messages left incomplete. */
  finish(): void {
    this.transactions.finish();
    for (const m of this.ctx.joiner.finish()) {
      this.ctx.expert.add(m.firstFrame, 'warning', `Split message ${m.messageId} incomplete (${m.received} of ${m.expected ?? '?'} parts): ${m.reason}`);
    }
  }

  connections(): ConnectionRecord[] {
    return [...this.ctx.connections.values()].sort((a, b) => a.id - b.id).map((c) => c.record(this.ctx.inheritedVersion(c)));
  }

  sessions(): SessionRecord[] {
    return this.ctx.sessions.records((account) => this.ctx.nickOf(account));
  }

  contacts(): ContactRecord[] {
    return this.ctx.contacts.records();
  }

  presence(): PresenceRecord[] {
    return this.ctx.presence.all((connection) => this.ctx.connections.get(connection)?.account ?? null);
  }

  offlineMessages(): OfflineMessageRecord[] {
    return this.ctx.offline.all();
  }

  commandCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) out[key] = this.counts.get(key) as number;
    return out;
  }
}
