// MSNSLP session state: an INVITE with a sessionreqbody opens a session (kind from EUF-GUID and
// AppID, file name and size from the Context); 200 OK, 603 Decline and BYE move its status;
// transreqbody / transrespbody messages offer direct-connection endpoints (every IPv4 internal /
// external and IPv6 address × every port, reversed WLM 2009 fields included).
// Spec: PROTOCOL.md "P2P / MSNSLP"; msnpiki "MSNC:MSNSLP" (session and transport bodies).

import { endpointText } from '../decode/ip-address-text';
import type { ExpertLog } from '../analysis/expert-log';
import type { MessageContext } from '../message/message-context';
import type { EndpointBook } from './endpoint-book';
import { kindFromAppId, kindFromEufGuid } from './euf-guid';
import { decodeMsnObjectContext } from './msn-object';
import { scopeOfAddress, splitHostPort } from './msmsgsinvite';
import { slpAccount, type SlpMessage } from './msnslp';
import { BoundedSet, kindLabel, type SessionEventLike } from './session-event-like';
import { decodeFileTransferContext } from './slp-context';
import type { TransferLog } from './transfer-log';

export interface SlpSession {
  callId: string;
  sessionId: number | null;
  kind: string;
  name: string | null;
  size: number | null;
  /** SLP From / To of the INVITE (accounts). */
  inviter: string | null;
  invitee: string | null;
  status: string;
  frame: number;
  switchboard: number | null;
}

const MAX_SESSIONS = 10_000;
const OBJECT_KINDS = new Set(['msn-object', 'display-picture', 'emoticon', 'wink', 'voice-clip', 'background']);

/** Who sends a session's data: the inviter offers a file; for MSN objects the invitee sends it. */
export function dataSender(session: SlpSession): { from: string | null; to: string | null } {
  return OBJECT_KINDS.has(session.kind) ? { from: session.invitee, to: session.inviter } : { from: session.inviter, to: session.invitee };
}

export function isObjectKind(kind: string): boolean {
  return OBJECT_KINDS.has(kind);
}

function list(value: string | undefined, max = 16): string[] {
  return value ? value.trim().split(/\s+/).filter(Boolean).slice(0, max) : [];
}

/** Offered transport addresses of a transreqbody / transrespbody. */
export function transportAddresses(slp: SlpMessage): Array<{ address: string; port: number; scope: 'internal' | 'external' }> {
  const out: Array<{ address: string; port: number; scope: 'internal' | 'external' }> = [];
  const add = (address: string, port: number, scope: 'internal' | 'external') => {
    if (port > 0 && port <= 65535 && !out.some((o) => o.address === address && o.port === port)) out.push({ address, port, scope });
  };
  const pairs: Array<[string, string, 'internal' | 'external' | null]> = [
    ['IPv4External-Addrs', 'IPv4External-Port', 'external'],
    ['IPv4Internal-Addrs', 'IPv4Internal-Port', 'internal'],
    ['IPv6-Addrs', 'IPv6-Port', null],
  ];
  for (const [addrs, ports, scope] of pairs) {
    for (const address of list(slp.field(addrs))) {
      for (const port of list(slp.field(ports))) {
        if (/^\d{1,5}$/.test(port)) add(address, Number(port), scope ?? scopeOfAddress(address));
      }
    }
  }
  for (const [key, scope] of [['IPv4ExternalAddrsAndPorts', 'external'], ['IPv4InternalAddrsAndPorts', 'internal']] as const) {
    for (const item of list(slp.field(key))) {
      const hp = splitHostPort(item);
      if (hp?.port) add(hp.address, hp.port, scope);
    }
  }
  return out;
}

/** A transport body's `Nonce` as the direct handshake's GUID is written: "{…}", upper case. */
export function nonceOf(value: string | undefined): string | null {
  const bare = value?.trim().replace(/^\{|\}$/g, '').toUpperCase();
  return bare && /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/.test(bare) ? `{${bare}}` : null;
}

export class SlpSessions {
  private readonly byCallId = new Map<string, SlpSession>();
  private readonly bySessionId = new Map<number, SlpSession>();
  private readonly lastInSwitchboard = new Map<string, SlpSession>();
  private readonly announced = new BoundedSet();

  constructor(private readonly book: EndpointBook, private readonly expert: ExpertLog, private readonly transfers: TransferLog | null = null) {}

  session(sessionId: number): SlpSession | undefined {
    return this.bySessionId.get(sessionId);
  }

  handle(ctx: MessageContext, slp: SlpMessage): SessionEventLike | null {
    for (const problem of slp.problems) this.expert.add(ctx.frame, 'warning', `MSNSLP: ${problem}`, ctx.connection);
    const callId = slp.callId ?? '(no Call-ID)';
    const first = this.announced.add(`${callId}|${slp.cseq}|${slp.startLine}|${slp.contentType}|${slp.branch}`);
    const type = slp.contentType;
    let detail: string | null = null;
    if (slp.method === 'INVITE' && type === 'application/x-msnmsgr-sessionreqbody') detail = this.invite(ctx, slp, callId);
    else if (type === 'application/x-msnmsgr-transreqbody' || type === 'application/x-msnmsgr-transrespbody') detail = this.transport(ctx, slp, callId);
    if (slp.kind === 'response') detail = this.response(ctx, slp, callId) ?? detail;
    else if (slp.method === 'BYE') detail = this.bye(ctx, slp, callId);
    return first && detail !== null ? { kind: 'invitation', detail } : null;
  }

  private invite(ctx: MessageContext, slp: SlpMessage, callId: string): string | null {
    const euf = slp.field('EUF-GUID') ?? null;
    const appIdText = slp.field('AppID');
    const appId = appIdText !== undefined && /^\d{1,9}$/.test(appIdText.trim()) ? Number(appIdText) : null;
    const sidText = slp.field('SessionID');
    const sessionId = sidText !== undefined && /^\d{1,10}$/.test(sidText.trim()) ? Number(sidText) : null;
    let kind = kindFromEufGuid(euf) ?? kindFromAppId(appId) ?? 'unknown';
    let name: string | null = null;
    let size: number | null = null;
    const context = slp.field('Context');
    if (kind === 'file-transfer' && context) {
      const ft = decodeFileTransferContext(context);
      if (ft) {
        name = ft.fileName || null;
        size = ft.fileSize;
        for (const p of ft.problems) this.expert.add(ctx.frame, 'warning', `File transfer context: ${p}`, ctx.connection);
      } else this.expert.add(ctx.frame, 'warning', 'File transfer INVITE with an undecodable Context', ctx.connection);
    } else if (kind === 'msn-object' && context) {
      const obj = decodeMsnObjectContext(context);
      const appKind = kindFromAppId(appId);
      kind = obj && obj.kind !== 'msn-object' ? obj.kind : appKind && appKind !== 'msn-object' ? appKind : 'msn-object';
      if (obj) {
        name = obj.friendly || obj.location || (obj.sha1d ? `${kind}-${obj.sha1d}` : null);
        size = obj.size;
      }
    }
    let session = this.byCallId.get(callId);
    if (!session) {
      session = { callId, sessionId, kind, name, size, inviter: slpAccount(slp.from) ?? ctx.from, invitee: slpAccount(slp.to) ?? ctx.to[0] ?? null, status: 'offered', frame: ctx.frame, switchboard: ctx.session };
      if (this.byCallId.size < MAX_SESSIONS) this.byCallId.set(callId, session);
    }
    if (sessionId !== null && this.bySessionId.size < MAX_SESSIONS) this.bySessionId.set(sessionId, session);
    if (ctx.session !== null) this.lastInSwitchboard.set(String(ctx.session), session);
    this.book.describeGroup(`slp:${callId}`, kind, kind === 'file-transfer' && name !== null ? { name, size: size ?? 0 } : null);
    const parties = dataSender(session);
    this.transfers?.offer(`slp:${callId}`, {
      source: 'msnslp',
      via: ctx.carrier ?? 'switchboard',
      kind: session.kind,
      name: session.name,
      size: session.size,
      from: parties.from,
      to: parties.to,
      session: ctx.session,
      id: callId,
      sessionId: session.sessionId,
      frame: ctx.frame,
      tsUs: ctx.tsUs,
    });
    if (isObjectKind(kind)) return null;
    const file = name !== null ? ` "${name}"${size !== null ? ` (${size} bytes)` : ''}` : '';
    return `invites to ${kindLabel(kind)}${file} (MSNSLP session ${sessionId ?? '?'})`;
  }

  private transport(ctx: MessageContext, slp: SlpMessage, callId: string): string | null {
    const session = this.byCallId.get(callId) ?? (ctx.session !== null ? this.lastInSwitchboard.get(String(ctx.session)) : undefined);
    const bridges = `${slp.field('Bridge') ?? ''} ${slp.field('Bridges') ?? ''}`;
    const transport = /TCPv1/i.test(bridges) || !/TRUDP/i.test(bridges) ? 'tcp' : 'udp';
    const listening = slp.field('Listening');
    const status = listening !== undefined && /^false$/i.test(listening.trim()) ? 'not listening' : 'offered';
    const sender = slpAccount(slp.from) ?? ctx.from;
    // A 200 OK to a transport request accepts the addresses the requester offered.
    if (slp.kind === 'response' && slp.status === 200) this.book.setStatus(`slp:${callId}`, 'accepted', (r) => r.offeredBy !== sender && r.status === 'offered');
    const offered: string[] = [];
    for (const a of transportAddresses(slp)) {
      this.book.offer(`slp:${callId}`, {
        frame: ctx.frame,
        kind: session?.kind ?? 'unknown',
        transport,
        address: a.address,
        port: a.port,
        scope: a.scope,
        offeredBy: sender,
        offeredTo: slpAccount(slp.to) ?? ctx.to[0] ?? null,
        status,
        source: 'msnslp',
        file: session?.kind === 'file-transfer' && session.name !== null ? { name: session.name, size: session.size ?? 0 } : null,
        session: ctx.session,
        cookie: callId,
        nonce: nonceOf(slp.field('Nonce')),
      });
      offered.push(endpointText(a.address, a.port));
    }
    if (offered.length === 0) return null;
    return `offers a direct connection (${transport.toUpperCase()}${status === 'not listening' ? ', not listening' : ''}) at ${offered.join(', ')}`;
  }

  private response(ctx: MessageContext, slp: SlpMessage, callId: string): string | null {
    const session = this.byCallId.get(callId);
    const code = slp.status ?? 0;
    const by = slpAccount(slp.from) ?? ctx.from;
    const reason = `${code} ${slp.reason ?? ''}`.trim();
    if (code === 200) {
      if (slp.contentType !== 'application/x-msnmsgr-sessionreqbody' || !session) return null;
      if (session.status === 'offered') session.status = 'accepted';
      this.transfers?.accept(`slp:${callId}`, by, ctx.frame, ctx.tsUs, reason);
      return isObjectKind(session.kind) ? null : `accepts ${kindLabel(session.kind)}${session.name ? ` "${session.name}"` : ''}`;
    }
    const status = code === 603 ? 'declined' : `failed (${code} ${slp.reason ?? ''})`.replace(' )', ')');
    this.book.setStatus(`slp:${callId}`, status);
    if (!session) return code === 603 ? 'declines a P2P invitation' : null;
    if (slp.contentType === 'application/x-msnmsgr-sessionreqbody' || session.status === 'offered') {
      session.status = status;
      this.transfers?.decline(`slp:${callId}`, by, ctx.frame, ctx.tsUs, reason);
    }
    if (code !== 603) this.expert.add(ctx.frame, 'note', `MSNSLP ${code} ${slp.reason ?? ''} for ${kindLabel(session.kind)}`, ctx.connection);
    if (isObjectKind(session.kind)) return null;
    return `${code === 603 ? 'declines' : `answers ${code} to`} ${kindLabel(session.kind)}${session.name ? ` "${session.name}"` : ''}`;
  }

  private bye(ctx: MessageContext, slp: SlpMessage, callId: string): string | null {
    const session = this.byCallId.get(callId);
    if (!session) return null;
    const body = slp.contentType.replace(/^application\/x-msnmsgr-/, '');
    this.transfers?.bye(`slp:${callId}`, slpAccount(slp.from) ?? ctx.from, ctx.frame, ctx.tsUs, `BYE${body ? ` (${body})` : ''}`);
    const wasOffered = session.status === 'offered';
    session.status = wasOffered ? 'cancelled' : 'closed';
    return wasOffered && !isObjectKind(session.kind) ? `cancels ${kindLabel(session.kind)}${session.name ? ` "${session.name}"` : ''}` : null;
  }
}
