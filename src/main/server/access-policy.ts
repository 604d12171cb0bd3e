// Who may talk to the browser-mode server: requests must name one of our own host names in Host
// (and Origin, when a browser sends one), which defeats DNS rebinding, and must carry the random
// access token from the printed URL (query on first load, then an HttpOnly cookie named after the
// port, or a header).

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { TOKEN_HEADER, TOKEN_QUERY, tokenCookieName } from '../../shared/ws-protocol';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

function hostLiteral(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** Host header values (host:port) this server answers to. */
export function allowedHosts(boundHost: string, port: number): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (boundHost === '0.0.0.0' || boundHost === '::') {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(hostLiteral(a.address));
  } else {
    names.add(hostLiteral(boundHost));
  }
  return new Set([...names].map((n) => `${n.toLowerCase()}:${port}`));
}

export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export class AccessPolicy {
  private readonly cookieName: string;

  constructor(readonly token: string, private readonly hosts: Set<string>, port: number) {
    this.cookieName = tokenCookieName(port);
  }

  /** Null when Host (and Origin, if present) name this server; else why not. */
  checkOrigin(req: IncomingMessage, requireOrigin = false): string | null {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.hosts.has(host)) return `unexpected Host '${host}'`;
    const origin = req.headers.origin;
    if (origin === undefined) return requireOrigin ? 'missing Origin' : null;
    if (!origin.startsWith('http://') || !this.hosts.has(origin.slice('http://'.length).toLowerCase())) return `unexpected Origin '${origin}'`;
    return null;
  }

  fromQuery(url: URL): boolean {
    return tokenMatches(url.searchParams.get(TOKEN_QUERY), this.token);
  }

  fromCookie(req: IncomingMessage): boolean {
    return tokenMatches(cookieValue(req, this.cookieName), this.token);
  }

  fromHeader(req: IncomingMessage): boolean {
    const value = req.headers[TOKEN_HEADER];
    return tokenMatches(Array.isArray(value) ? value[0] : value, this.token);
  }

  /** The cookie set on the first authenticated page load; SameSite=Strict keeps other sites from using it. */
  cookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
