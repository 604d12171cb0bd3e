// Rebuilds logical MSNP connections from MSNP-over-HTTP gateway exchanges spread over many TCP
// streams (PROTOCOL.md "HTTP gateway"). `Action=open&Server=NS|SB&IP=host` starts a logical
// connection; each reply's `X-MSN-Messenger: SessionID=…; GW-IP=…` names the SessionID the next
// request will use, so requests are chained by SessionID (every id a connection has had stays
// known: real gateways change it per reply, the Escargot revival server keeps one).
// Request bodies are the client's MSNP bytes, 2xx response bodies the server's. Exchanges are
// delivered per logical connection in the order their requests completed (the order the
// gateway received them), an exchange waiting for the ones before it, so responses arriving
// out of order on different TCP streams are put back in place.
// Known limit: a request naming a SessionID that only a still-incomplete reply announced
// (possible only with unusual response framing) starts a new, mid-session connection.

import type { Direction, Severity } from '../../../shared/model';
import type { HttpExchange, HttpExchangeListener } from './http-conversation';
import type { HttpMessage } from './http-message';
import { headerValue } from './http-message';
import { parseGatewayReply, parseGatewayTarget } from './gateway-url';

export interface GatewayConnectionInfo {
  id: number;
  /** `NS` or `SB` from the open request; null when the opening was not captured. */
  serverKind: 'NS' | 'SB' | null;
  /** The MSNP server the client asked the gateway for (`IP=`). */
  targetHost: string | null;
  /** `GW-IP` of the first reply that named one. */
  gatewayIp: string | null;
  /** HTTP client and server ("ip:port") of the first exchange. */
  client: string;
  server: string;
  firstFrame: number;
  tsUs: number;
  /** The first SessionID the connection had. */
  sessionId: string | null;
  /** False when picked up mid-session from an unknown SessionID. */
  opened: boolean;
}

export interface GatewaySink {
  /** MSNP bytes of one direction, one call per frame they came from. */
  data(direction: Direction, bytes: Uint8Array, frame: number, tsUs: number): void;
  end(frame: number, tsUs: number): void;
}

export interface GatewayStitcherOptions {
  /** Called when a logical connection delivers its first bytes. */
  onConnection: (info: GatewayConnectionInfo) => GatewaySink;
  onNote?: (frame: number, severity: Severity, message: string) => void;
}

interface Entry {
  ex: HttpExchange;
  done: boolean;
  close: boolean;
}

interface Logical {
  info: GatewayConnectionInfo;
  sink: GatewaySink | null;
  queue: Entry[];
  closed: boolean;
  lastFrame: number;
  lastTsUs: number;
}

export class GatewayStitcher implements HttpExchangeListener {
  private readonly bySession = new Map<string, Logical>();
  private readonly entries = new Map<HttpExchange, { logical: Logical; entry: Entry }>();
  private readonly logicals: Logical[] = [];
  private nextId = 0;

  constructor(private readonly opts: GatewayStitcherOptions) {}

  /** A request is complete. Requests that are not gateway.dll requests are ignored. */
  request(ex: HttpExchange): void {
    const target = parseGatewayTarget(ex.request.target);
    if (!target) return;
    const frame = ex.request.firstFrame;
    let logical: Logical | undefined;
    if (target.action === 'open') {
      const kind = target.server === 'NS' || target.server === 'SB' ? target.server : null;
      logical = this.create(ex, kind, target.ip, true);
    } else if (target.sessionId !== null) {
      logical = this.bySession.get(target.sessionId);
      if (!logical) {
        this.note(frame, 'warning', `HTTP gateway request for unknown SessionID ${target.sessionId}: its opening was not captured, connection picked up mid-session`);
        logical = this.create(ex, null, null, false);
        logical.info.sessionId = target.sessionId;
        this.bySession.set(target.sessionId, logical);
      } else if (logical.closed) {
        this.note(frame, 'warning', `HTTP gateway request for SessionID ${target.sessionId} after its session was closed`);
        return;
      }
    } else {
      this.note(frame, 'warning', 'HTTP gateway request without SessionID or Action=open: ignored');
      return;
    }
    const entry: Entry = { ex, done: false, close: target.action === 'close' };
    logical.queue.push(entry);
    this.entries.set(ex, { logical, entry });
  }

  /** The response of a request (or the lack of one) is known. */
  complete(ex: HttpExchange): void {
    const found = this.entries.get(ex);
    if (!found) return;
    this.entries.delete(ex);
    const { logical, entry } = found;
    entry.done = true;
    const header = ex.response ? headerValue(ex.response, 'x-msn-messenger') : null;
    if (header !== null) {
      const reply = parseGatewayReply(header);
      if (reply.sessionId !== null) {
        this.bySession.set(reply.sessionId, logical);
        logical.info.sessionId ??= reply.sessionId;
      }
      logical.info.gatewayIp ??= reply.gatewayIp;
      if (reply.sessionClose) entry.close = true;
    }
    this.flush(logical, false);
  }

  note(frame: number, severity: Severity, message: string): void {
    this.opts.onNote?.(frame, severity, message);
  }

  /** End of input: deliver what is still queued (unanswered requests too) and end every connection. */
  finish(): void {
    for (const logical of this.logicals) {
      if (logical.closed) continue;
      this.flush(logical, true);
      if (!logical.closed) this.close(logical);
    }
  }

  private create(ex: HttpExchange, serverKind: 'NS' | 'SB' | null, targetHost: string | null, opened: boolean): Logical {
    const info: GatewayConnectionInfo = {
      id: this.nextId++, serverKind, targetHost, gatewayIp: null, client: ex.client, server: ex.server,
      firstFrame: ex.request.firstFrame, tsUs: ex.request.tsUs, sessionId: null, opened,
    };
    const logical: Logical = { info, sink: null, queue: [], closed: false, lastFrame: info.firstFrame, lastTsUs: info.tsUs };
    this.logicals.push(logical);
    return logical;
  }

  /** Delivers the exchanges at the head of the queue that are complete (all of them when `all`). */
  private flush(logical: Logical, all: boolean): void {
    while (logical.queue.length > 0 && !logical.closed && (all || logical.queue[0].done)) {
      const entry = logical.queue.shift()!;
      this.deliver(logical, entry.ex);
      if (entry.close) this.close(logical);
    }
  }

  private deliver(logical: Logical, ex: HttpExchange): void {
    const sink = (logical.sink ??= this.opts.onConnection(logical.info));
    this.send(logical, sink, 'c2s', ex.request);
    const res = ex.response;
    if (!res) {
      this.note(ex.request.lastFrame, 'note', `HTTP gateway request without a captured response (SessionID ${logical.info.sessionId ?? 'unknown'})`);
      return;
    }
    if (res.status < 200 || res.status >= 300) {
      this.note(res.firstFrame, 'warning', `HTTP gateway answered ${res.status} ${res.reason}`.trim());
      return;
    }
    this.send(logical, sink, 's2c', res);
  }

  private send(logical: Logical, sink: GatewaySink, direction: Direction, msg: HttpMessage): void {
    if (msg.bodyTruncated) {
      this.note(msg.firstFrame, 'warning', `HTTP gateway body of ${msg.bodyLength} bytes only partly kept: MSNP framing will resynchronise`);
    }
    for (const s of msg.body) sink.data(direction, s.bytes, s.frame, s.tsUs);
    logical.lastFrame = Math.max(logical.lastFrame, msg.lastFrame);
    logical.lastTsUs = Math.max(logical.lastTsUs, msg.endTsUs);
  }

  private close(logical: Logical): void {
    logical.closed = true;
    const dropped = logical.queue.length;
    for (const entry of logical.queue) this.entries.delete(entry.ex);
    logical.queue = [];
    if (dropped > 0) this.note(logical.lastFrame, 'warning', `${dropped} HTTP gateway requests after the session closed were ignored`);
    (logical.sink ??= this.opts.onConnection(logical.info)).end(logical.lastFrame, logical.lastTsUs);
  }
}
