// Follows legacy invitations (text/x-msmsgsinvite): joins INVITE, ACCEPT and CANCEL by
// Invitation-Cookie, turns every advertised address into an endpoint (kind and transport from
// the INVITE, offered by the message's sender to the other participant), and keeps what an
// MSNFTP connection needs later: the file name and size by AuthCookie and by address.
// Spec: PROTOCOL.md "Legacy invitations"; seed 002 (the INVITE → ACCEPT → ACCEPT exchange).

import type { ExpertLog } from '../analysis/expert-log';
import type { MessageContext } from '../message/message-context';
import type { MimeMessage } from '../message/mime-message';
import type { EndpointBook } from './endpoint-book';
import { transportForKind } from './euf-guid';
import { parseMsmsgsInvite, type MsmsgsInvite } from './msmsgsinvite';
import { BoundedSet, kindLabel, type SessionEventLike } from './session-event-like';
import type { TransferLog } from './transfer-log';

interface Invitation {
  group: string;
  cookie: string;
  kind: string | null;
  file: { name: string; size: number | null } | null;
  inviter: string | null;
  invitee: string | null;
  frame: number;
  session: number | null;
  status: string;
}

/** What an MSNFTP connection is transferring, as its invitation said. */
export interface InvitedFile {
  name: string;
  size: number | null;
  from: string | null;
  to: string | null;
  session: number | null;
  frame: number;
  /** The invitation's key in the transfer log. */
  group: string;
}

const MAX_INVITATIONS = 10_000;

function statusForCancel(code: string | null): string {
  return code !== null && /^REJECT/i.test(code.trim()) ? 'declined' : 'cancelled';
}

export class LegacyInvitations {
  private readonly invitations = new Map<string, Invitation>();
  private readonly byAuthCookie = new Map<string, Invitation>();
  private readonly byAddress = new Map<string, Invitation>();
  private readonly announced = new BoundedSet();

  constructor(private readonly book: EndpointBook, private readonly expert: ExpertLog, private readonly transfers: TransferLog | null = null) {}

  handle(ctx: MessageContext, message: MimeMessage): SessionEventLike | null {
    const invite = parseMsmsgsInvite(message.body);
    for (const problem of invite.problems) this.expert.add(ctx.frame, 'warning', `Invitation: ${problem}`, ctx.connection);
    if (invite.cookie === null) {
      this.expert.add(ctx.frame, 'warning', 'Invitation without Invitation-Cookie', ctx.connection);
      return null;
    }
    const group = `inv:${ctx.session ?? `c${ctx.connection}`}:${invite.cookie}`;
    const invitation = this.invitation(group, invite, ctx);
    const command = invite.command ?? '(no command)';
    this.logTransfer(command, group, invite, invitation, ctx);
    if (command === 'ACCEPT' && invitation.status === 'offered') {
      invitation.status = 'accepted';
      this.book.setStatus(group, 'accepted');
    } else if (command === 'CANCEL') {
      invitation.status = statusForCancel(invite.cancelCode);
      this.book.setStatus(group, invitation.status);
    }
    const offered = this.offerAddresses(group, invite, invitation, ctx);
    if (invite.authCookie !== null && this.byAuthCookie.size < MAX_INVITATIONS) this.byAuthCookie.set(invite.authCookie.trim(), invitation);

    if (!this.announced.add(`${group}|${command}|${ctx.from ?? ''}`)) return null;
    return { kind: 'invitation', detail: this.describe(command, invite, invitation, offered) };
  }

  /** The file an MSNFTP connection carries: by the AuthCookie of its USR line, else by its server address. */
  fileFor(authCookie: string | null, server: string | null): InvitedFile | null {
    const invitation = (authCookie !== null ? this.byAuthCookie.get(authCookie) : undefined) ?? (server !== null ? this.byAddress.get(server) : undefined);
    if (!invitation || !invitation.file) return null;
    return { name: invitation.file.name, size: invitation.file.size, from: invitation.inviter, to: invitation.invitee, session: invitation.session, frame: invitation.frame, group: invitation.group };
  }

  /** The invitation's step in its transfer's fate (the inviter sends what it invites to). */
  private logTransfer(command: string, group: string, invite: MsmsgsInvite, invitation: Invitation, ctx: MessageContext): void {
    const log = this.transfers;
    if (!log) return;
    const reason = invite.cancelCode?.trim() || null;
    if (command === 'INVITE') {
      log.offer(group, {
        source: 'msmsgsinvite',
        via: ctx.carrier ?? 'switchboard',
        kind: invitation.kind ?? 'unknown',
        name: invitation.file?.name ?? null,
        size: invitation.file?.size ?? null,
        from: invitation.inviter,
        to: invitation.invitee,
        session: ctx.session,
        id: invitation.cookie,
        sessionId: null,
        frame: ctx.frame,
        tsUs: ctx.tsUs,
      });
    } else if (command === 'ACCEPT') log.accept(group, ctx.from, ctx.frame, ctx.tsUs, 'ACCEPT');
    else if (command === 'CANCEL') {
      if (statusForCancel(invite.cancelCode) === 'declined') log.decline(group, ctx.from, ctx.frame, ctx.tsUs, reason ?? 'REJECT');
      else log.cancel(group, ctx.from, ctx.frame, ctx.tsUs, reason);
    }
  }

  private invitation(group: string, invite: MsmsgsInvite, ctx: MessageContext): Invitation {
    let invitation = this.invitations.get(group);
    if (!invitation) {
      invitation = { group, cookie: invite.cookie as string, kind: null, file: null, inviter: null, invitee: null, frame: ctx.frame, session: ctx.session, status: 'offered' };
      if (this.invitations.size < MAX_INVITATIONS) this.invitations.set(group, invitation);
      else this.expert.add(ctx.frame, 'note', `More than ${MAX_INVITATIONS} invitations: later ones are not joined`, ctx.connection);
    }
    if (invite.command === 'INVITE') {
      invitation.inviter = ctx.from;
      invitation.invitee = ctx.to[0] ?? null;
    }
    invitation.kind ??= invite.kind;
    invitation.file ??= invite.file;
    if (invitation.kind !== null) {
      const file = invitation.kind === 'file-transfer' && invitation.file ? { name: invitation.file.name, size: invitation.file.size ?? 0 } : null;
      this.book.describeGroup(group, invitation.kind, file);
    }
    return invitation;
  }

  private offerAddresses(group: string, invite: MsmsgsInvite, invitation: Invitation, ctx: MessageContext): string[] {
    const kind = invitation.kind ?? 'unknown';
    const file = kind === 'file-transfer' && invitation.file ? { name: invitation.file.name, size: invitation.file.size ?? 0 } : null;
    const offered: string[] = [];
    for (const a of invite.addresses) {
      this.book.offer(group, {
        frame: ctx.frame,
        kind,
        transport: transportForKind(kind),
        address: a.address,
        port: a.port,
        scope: a.scope,
        offeredBy: ctx.from,
        offeredTo: ctx.to[0] ?? null,
        status: invitation.status,
        source: 'msmsgsinvite',
        file,
        session: ctx.session,
        cookie: invitation.cookie,
      });
      const text = a.port > 0 ? `${a.address}:${a.port}` : a.address;
      offered.push(text);
      if (this.byAddress.size < MAX_INVITATIONS) this.byAddress.set(text, invitation);
    }
    return offered;
  }

  private describe(command: string, invite: MsmsgsInvite, invitation: Invitation, offered: string[]): string {
    const what = kindLabel(invitation.kind);
    const file = invitation.file ? ` "${invitation.file.name}"${invitation.file.size !== null ? ` (${invitation.file.size} bytes)` : ''}` : '';
    const where = offered.length > 0 ? `; offers ${offered.join(', ')}` : '';
    const cookie = ` (cookie ${invitation.cookie})`;
    switch (command) {
      case 'INVITE':
        return `invites to ${what}${file}${cookie}${where}`;
      case 'ACCEPT':
        return `accepts ${what}${file}${cookie}${where}`;
      case 'CANCEL':
        return `${invitation.status === 'declined' ? 'declines' : 'cancels'} ${what}${file}${cookie}${invite.cancelCode ? `: ${invite.cancelCode}` : ''}`;
      default:
        return `${command.toLowerCase()} for ${what}${cookie}${where}`;
    }
  }
}
