// Request ↔ response pairing by TrID, per connection (PROTOCOL.md "Line syntax": responses echo
// the client's TrID). Gives each pair its latency, turns error replies into expert notes with the
// code's meaning ("911 authentication failed (reply to USR 3)") and, at the end, notes requests
// that never got an answer. Memory is bounded: each connection keeps its latest requests only.

import type { MsnpCommand } from '../msnp/msnp-command';
import { errorMeaning } from '../msnp/error-codes';
import { isErrorVerb } from '../msnp/known-verbs';
import type { ExpertLog } from './expert-log';

interface Request {
  verb: string;
  trid: number;
  frame: number;
  tsUs: number;
  index: number;
  expectsReply: boolean;
  answered: boolean;
}

/** How a command takes part in a transaction (for the command tree). */
export interface TransactionLink {
  kind: 'request' | 'response';
  /** The other side's frame: the first response, or the request. */
  frame: number;
  verb: string;
  trid: number;
  /** Response time, on responses. */
  latencyUs?: number;
}

export interface Reply {
  request: { verb: string; trid: number; frame: number; index: number };
  latencyUs: number;
  /** The request's first reply (the one its latency is measured by; later ones are list lines). */
  first: boolean;
}

/** Requests kept per connection; older ones are settled (and noted if unanswered) when evicted. */
const MAX_OPEN_PER_CONNECTION = 512;
/** Links kept for the command tree over the whole capture. */
const MAX_LINKS = 1_000_000;

/**
 * Client commands with a TrID that the server does not always answer: `MSG n U|N|D|S` (only `A`
 * asks for ACK/NAK; `N` gets a NAK on failure, `D` an error 282) and `UUM`, answered only with an
 * error (yellows111 MSNP docs, "UUM": "no positive acknowledgement response").
 */
function expectsReply(cmd: MsnpCommand): boolean {
  if (cmd.verb === 'MSG') return cmd.params[1] === 'A';
  return cmd.verb !== 'UUM';
}

/** Three ASCII digits (asked for every command: no regex). */
export function isErrorCode(verb: string): boolean {
  return isErrorVerb(verb);
}

export class TransactionTracker {
  private readonly open = new Map<number, Map<number, Request>>();
  private readonly links = new Map<number, Map<number, TransactionLink>>();
  private linkCount = 0;

  /** `keepLinks`: remember links for linkOf (the command tree); without it, nothing is kept. */
  constructor(
    private readonly expert: ExpertLog,
    private readonly keepLinks = true,
  ) {}

  /** A client command: remembers it when it carries a TrID. */
  request(connection: number, cmd: MsnpCommand): void {
    if (cmd.trid === null) return;
    let map = this.open.get(connection);
    if (!map) {
      map = new Map();
      this.open.set(connection, map);
    }
    const previous = map.get(cmd.trid);
    if (previous) {
      map.delete(cmd.trid);
      this.settle(connection, previous);
    }
    map.set(cmd.trid, { verb: cmd.verb, trid: cmd.trid, frame: cmd.frame, tsUs: cmd.tsUs, index: cmd.index, expectsReply: expectsReply(cmd), answered: false });
    if (map.size > MAX_OPEN_PER_CONNECTION) {
      const [oldTrid, oldest] = map.entries().next().value as [number, Request];
      map.delete(oldTrid);
      this.settle(connection, oldest);
    }
  }

  /** A server command: pairs it with its request; error codes become expert notes. */
  response(connection: number, cmd: MsnpCommand): Reply | null {
    const request = cmd.trid === null ? undefined : this.open.get(connection)?.get(cmd.trid);
    const error = isErrorCode(cmd.verb);
    if (error) {
      const meaning = errorMeaning(cmd.verb) ?? 'unknown error code';
      const context = request ? ` (reply to ${request.verb} ${request.trid})` : cmd.trid !== null ? ` (TrID ${cmd.trid})` : '';
      this.expert.add(cmd.frame, 'error', `${cmd.verb} ${meaning}${context}`, connection);
    }
    if (!request) return null;
    const latencyUs = cmd.tsUs - request.tsUs;
    const first = !request.answered;
    if (first) {
      request.answered = true;
      this.link(connection, request.index, { kind: 'request', frame: cmd.frame, verb: cmd.verb, trid: request.trid });
    }
    this.link(connection, cmd.index, { kind: 'response', frame: request.frame, verb: request.verb, trid: request.trid, latencyUs });
    return { request: { verb: request.verb, trid: request.trid, frame: request.frame, index: request.index }, latencyUs, first };
  }

  /** The transaction a command belongs to, if any. */
  linkOf(connection: number, index: number): TransactionLink | undefined {
    return this.links.get(connection)?.get(index);
  }

  /** Settles every open request (unanswered ones become expert notes). */
  finish(): void {
    for (const [connection, map] of this.open) {
      for (const request of map.values()) this.settle(connection, request);
      map.clear();
    }
  }

  private settle(connection: number, request: Request): void {
    if (request.answered || !request.expectsReply) return;
    this.expert.add(request.frame, 'warning', `no reply to ${request.verb} ${request.trid}`, connection);
  }

  private link(connection: number, index: number, link: TransactionLink): void {
    if (!this.keepLinks || this.linkCount >= MAX_LINKS) return;
    let map = this.links.get(connection);
    if (!map) {
      map = new Map();
      this.links.set(connection, map);
    }
    if (!map.has(index)) this.linkCount++;
    map.set(index, link);
  }
}
