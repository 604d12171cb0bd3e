// Links switchboard connections to the notification connection that sent them there. The NS
// hands out an auth cookie with the switchboard address, `XFR n SB ip:port CKI cookie` (we asked
// for a switchboard) or `RNG sid ip:port CKI cookie inviter nick` (we are invited), and the
// client presents it on the switchboard: `USR n account cookie` or `ANS n account cookie sid`.
// Spec: PROTOCOL.md "Connections and roles".

export interface SwitchboardTicket {
  /** The notification connection that received the cookie. */
  notification: number;
  via: 'XFR' | 'RNG';
  frame: number;
  tsUs: number;
  /** RNG: switchboard session id, inviter and inviter's nick (decoded). */
  sessionId: string | null;
  inviter: string | null;
  inviterNick: string | null;
}

/** Cookies remembered at once; the oldest are forgotten beyond this. */
const MAX_TICKETS = 20_000;

export class SessionLinker {
  private readonly tickets = new Map<string, SwitchboardTicket>();
  /** Cookie → session of the first switchboard connection that presented it. */
  private readonly sessions = new Map<string, number>();

  offered(cookie: string, ticket: SwitchboardTicket): void {
    this.tickets.delete(cookie);
    this.tickets.set(cookie, ticket);
    if (this.tickets.size > MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value as string);
  }

  /** The ticket a switchboard login presents (kept: an HTTP-gateway reconnection may present it again). */
  ticket(cookie: string): SwitchboardTicket | undefined {
    return this.tickets.get(cookie);
  }

  /** The session of an earlier connection that presented `cookie`, if any. */
  sessionOfCookie(cookie: string): number | undefined {
    return this.sessions.get(cookie);
  }

  presented(cookie: string, session: number): void {
    if (this.sessions.has(cookie)) return;
    this.sessions.set(cookie, session);
    if (this.sessions.size > MAX_TICKETS) this.sessions.delete(this.sessions.keys().next().value as string);
  }
}
