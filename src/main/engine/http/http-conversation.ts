// One HTTP/1.x TCP connection: a parser per direction, and requests paired with their
// responses in order (HTTP/1.1 answers pipelined requests in the order they were sent).
// It consumes client/server-oriented bytes like any stream consumer of the pipeline, and
// tells its listener about each request as soon as it is complete, then again when its
// response is (or when the stream ends without one), so that a listener stitching many
// connections together (the MSNP gateway) can order exchanges by request time.

import type { Direction, Severity } from '../../../shared/model';
import type { HttpMessage, HttpRequest, HttpResponse } from './http-message';
import { HttpStreamParser } from './http-stream-parser';

export interface HttpExchange {
  /** The TCP stream the exchange travelled on (Wireshark-like tcp.stream). */
  stream: number;
  /** HTTP client and server, "ip:port". */
  client: string;
  server: string;
  request: HttpRequest;
  /** null until the response is complete; stays null when none came. */
  response: HttpResponse | null;
}

export interface HttpExchangeListener {
  /** A request is complete; its response is not (yet). */
  request(ex: HttpExchange): void;
  /** The response of `ex` is complete, or the stream ended without one (`ex.response` null). */
  complete(ex: HttpExchange): void;
  /** The stream is not HTTP (reported once). */
  notHttp?(stream: number, frame: number, reason: string): void;
  note?(frame: number, severity: Severity, message: string): void;
}

export interface HttpConversationOptions {
  stream: number;
  client: string;
  server: string;
  listener: HttpExchangeListener;
  maxBodyBytes?: number;
}

export class HttpConversation {
  private readonly parsers: Record<Direction, HttpStreamParser>;
  private readonly waiting: HttpExchange[] = [];
  /** Requests normally travel c2s; if the guessed client was wrong, the roles swap once. */
  private requestDir: Direction | null = null;
  private notHttpReported = false;
  private readonly ended: Record<Direction, boolean> = { c2s: false, s2c: false };

  constructor(private readonly opts: HttpConversationOptions) {
    const make = (dir: Direction): HttpStreamParser =>
      new HttpStreamParser({
        onMessage: (m) => this.onMessage(dir, m),
        onNotHttp: (frame, reason) => this.onNotHttp(frame, reason),
        onNote: (frame, severity, message) => opts.listener.note?.(frame, severity, message),
        requestMethod: () => this.waiting[0]?.request.method,
        maxBodyBytes: opts.maxBodyBytes,
      });
    this.parsers = { c2s: make('c2s'), s2c: make('s2c') };
  }

  data(direction: Direction, bytes: Uint8Array, frame: number, tsUs: number): void {
    this.parsers[direction].push(bytes, frame, tsUs);
  }

  gap(direction: Direction, lost: number, frame: number, tsUs: number): void {
    this.parsers[direction].gap(lost, frame, tsUs);
  }

  end(direction: Direction, frame: number, tsUs: number): void {
    this.parsers[direction].end(frame, tsUs);
    this.ended[direction] = true;
    // Once the answering side is done, requests still waiting will never be answered.
    if (this.responsesEnded()) this.flushUnanswered();
  }

  private responsesEnded(): boolean {
    if (this.ended.c2s && this.ended.s2c) return true;
    return this.requestDir !== null && this.ended[this.requestDir === 'c2s' ? 's2c' : 'c2s'];
  }

  private onMessage(dir: Direction, msg: HttpMessage): void {
    if (msg.kind === 'request') {
      this.requestDir ??= dir;
      if (dir !== this.requestDir) return;
      const swapped = dir === 's2c';
      const ex: HttpExchange = {
        stream: this.opts.stream,
        client: swapped ? this.opts.server : this.opts.client,
        server: swapped ? this.opts.client : this.opts.server,
        request: msg,
        response: null,
      };
      this.waiting.push(ex);
      this.opts.listener.request(ex);
      if (this.responsesEnded()) this.flushUnanswered();
      return;
    }
    // Interim responses (100 Continue…) do not answer the request.
    if (msg.status >= 100 && msg.status < 200 && msg.status !== 101) return;
    const ex = this.waiting.shift();
    if (!ex) {
      this.opts.listener.note?.(msg.firstFrame, 'note', `HTTP response ${msg.status} without a captured request (stream ${this.opts.stream})`);
      return;
    }
    ex.response = msg;
    this.opts.listener.complete(ex);
  }

  private flushUnanswered(): void {
    for (const ex of this.waiting.splice(0)) this.opts.listener.complete(ex);
  }

  private onNotHttp(frame: number, reason: string): void {
    if (this.notHttpReported) return;
    this.notHttpReported = true;
    this.opts.listener.notHttp?.(this.opts.stream, frame, reason);
  }
}
