// Parses HTTP/1.x messages from one direction of a TCP stream (RFC 9112): request or status
// line, headers, then a body delimited by Content-Length, chunked transfer coding, or the end
// of the stream (responses only); several messages per connection (keep-alive, pipelining).
// Sizes are bounded (headers, chunk lines, kept body bytes); the parser never throws. Bytes
// that do not start like HTTP make it report "not HTTP" once and ignore the rest.

import type { Severity } from '../../../shared/model';
import type { BodySegment, HttpMessage } from './http-message';
import { bodyFraming, parseHead, REQUEST_LINE, STATUS_LINE, type StartLine } from './http-head';
import { ByteSlab, concatBytes } from '../msnp/byte-parts';

export interface HttpStreamParserOptions {
  onMessage: (msg: HttpMessage) => void;
  /** The bytes are not HTTP (reported once; the parser then ignores the stream). */
  onNotHttp?: (frame: number, reason: string) => void;
  onNote?: (frame: number, severity: Severity, message: string) => void;
  /** For responses: the method of the request being answered (a HEAD response has no body). */
  requestMethod?: () => string | undefined;
  /** Default 64 KiB. */
  maxHeaderBytes?: number;
  /** Body bytes kept per message; the rest is counted and skipped. Default 8 MiB. */
  maxBodyBytes?: number;
}

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer' | 'until-close' | 'resync' | 'dead';

const LF = 0x0a;
const MAX_LINE = 8 * 1024;
const latin1 = new TextDecoder('latin1');
/** Bytes kept to judge whether a stream starts like HTTP. */
const FIRST_BYTES = 256;
/**
 * Kept body bytes arrive one TCP segment at a time; copying each into its own buffer (slice) made
 * an ArrayBuffer per segment, the largest cost of an HTTP download. They are carved from shared
 * slabs instead (regions never reused, so every piece stays valid).
 */
const bodySlab = new ByteSlab(256 * 1024, 16 * 1024);

function keptCopy(part: Uint8Array, length: number): Uint8Array {
  const copy = bodySlab.alloc(length);
  copy.set(length === part.length ? part : part.subarray(0, length));
  return copy;
}

/** Index just past the blank line ending the headers, or -1. */
function findHeadEnd(h: Uint8Array): number {
  let i = h.indexOf(LF);
  while (i >= 0) {
    if (h[i + 1] === LF) return i + 2;
    if (h[i + 1] === 0x0d && h[i + 2] === LF) return i + 3;
    i = h.indexOf(LF, i + 1);
  }
  return -1;
}

/** Could this (possibly partial) first line still become an HTTP start line? */
function plausibleStart(prefix: string): boolean {
  if ('HTTP/1.'.startsWith(prefix.slice(0, 7))) return true;
  return /^[A-Z][A-Z_-]{0,19}( \S*( H?T?T?P?\/?1?\.?[01]?)?)?$/.test(prefix);
}

interface MessageInProgress {
  start: StartLine;
  headers: HttpMessage['headers'];
  frames: number[];
  firstFrame: number;
  tsUs: number;
  streamOffset: number;
  body: BodySegment[];
  /** Pieces of the last body segment (same frame), joined once the frame changes. */
  open: { frame: number; tsUs: number; pieces: Uint8Array[] } | null;
  kept: number;
  seen: number;
  incomplete?: string;
}

/** Joins the pieces of the open segment (linear: once per frame, not once per piece). */
function closeSegment(m: MessageInProgress): void {
  if (!m.open) return;
  m.body.push({ bytes: concatBytes(m.open.pieces), frame: m.open.frame, tsUs: m.open.tsUs });
  m.open = null;
}

export class HttpStreamParser {
  private state: State = 'head';
  private base = 0;
  // Header bytes so far: pieces (copied), their total, the last 3 bytes (to find a blank line
  // across pushes) and the first bytes (to judge the start line) — nothing re-copied per push.
  private headParts: Uint8Array[] = [];
  private headLength = 0;
  private headTail: Uint8Array = new Uint8Array(0);
  private headFirst: Uint8Array = new Uint8Array(0);
  private headStart = 0;
  private headFrames: number[] = [];
  private headTsUs = 0;
  private line: Uint8Array[] = [];
  private lineLength = 0;
  private remaining = 0;
  private msg: MessageInProgress | null = null;
  private http: boolean | null = null;
  private readonly maxHeaderBytes: number;
  private readonly maxBodyBytes: number;

  constructor(private readonly opts: HttpStreamParserOptions) {
    this.maxHeaderBytes = opts.maxHeaderBytes ?? 64 * 1024;
    this.maxBodyBytes = opts.maxBodyBytes ?? 8 * 1024 * 1024;
  }

  /** null until the first start line is seen; then whether the stream is HTTP. */
  get isHttp(): boolean | null {
    return this.http;
  }

  push(bytes: Uint8Array, frame: number, tsUs: number): void {
    let pos = 0;
    const end = bytes.length;
    while (pos < end && this.state !== 'dead') {
      switch (this.state) {
        case 'head':
          pos = this.readHead(bytes, pos, frame, tsUs);
          break;
        case 'length':
        case 'chunk-data':
          pos = this.readCounted(bytes, pos, frame, tsUs);
          break;
        case 'until-close':
          this.addBody(bytes.subarray(pos), frame, tsUs);
          pos = end;
          break;
        default:
          pos = this.readLineState(bytes, pos, frame, tsUs);
      }
    }
    this.base += end;
  }

  /** `lost` bytes are missing: a body of known length stays framed, anything else resynchronises. */
  gap(lost: number, frame: number, tsUs: number): void {
    if (this.state === 'dead') return;
    const m = this.msg;
    if (m && (this.state === 'length' || this.state === 'chunk-data') && lost <= this.remaining) {
      this.addLost(m, lost, frame, tsUs);
      m.incomplete = `${lost} body bytes lost in a capture gap`;
      this.remaining -= lost;
      if (this.remaining === 0) this.afterCounted(frame, tsUs);
    } else if (m && this.state === 'until-close') {
      m.incomplete = `${lost} body bytes lost in a capture gap`;
      m.seen += lost;
    } else {
      if (m) this.finishMessage(tsUs, `cut by a capture gap of ${lost} bytes`);
      this.resetHead();
      this.line = [];
      this.lineLength = 0;
      this.state = 'resync';
    }
    this.base += lost;
  }

  end(frame: number, tsUs: number): void {
    if (this.state === 'until-close') this.finishMessage(tsUs);
    else if (this.msg) this.finishMessage(tsUs, 'the stream ended before the end of the body');
    else if (this.state === 'head' && this.headLength > 0 && this.http) {
      this.opts.onNote?.(frame, 'warning', 'HTTP message headers cut by the end of the stream');
    }
    this.state = 'dead';
  }

  // ---- start line and headers ----

  private readHead(bytes: Uint8Array, pos: number, frame: number, tsUs: number): number {
    // Blank lines between messages are allowed (RFC 9112 §2.2).
    if (this.headLength === 0) {
      while (pos < bytes.length && (bytes[pos] === 0x0d || bytes[pos] === LF)) pos++;
      if (pos === bytes.length) return pos;
      this.headStart = this.base + pos;
      this.headTsUs = tsUs;
      this.headFrames = [];
    }
    if (this.headFrames.at(-1) !== frame) this.headFrames.push(frame);
    const take = Math.min(bytes.length - pos, this.maxHeaderBytes - this.headLength);
    const chunk = bytes.subarray(pos, pos + take);
    const tail = this.headTail;
    // A blank line straddling the previous push is found in tail + 3 bytes; else search the
    // chunk itself (no copy: with pipelining, one push may hold many messages).
    let inChunk = -1;
    if (tail.length > 0) {
      const edge = findHeadEnd(concatBytes([tail, chunk.subarray(0, 3)]));
      if (edge >= 0) inChunk = edge - tail.length;
    }
    if (inChunk < 0) inChunk = findHeadEnd(chunk);
    if (inChunk >= 0) {
      const block = concatBytes([...this.headParts, chunk.subarray(0, inChunk)]);
      this.resetHead();
      this.startMessage(block, frame, tsUs);
      return pos + inChunk;
    }
    this.headParts.push(chunk.slice());
    this.headLength += take;
    this.headTail = chunk.length >= 3 ? chunk.slice(chunk.length - 3) : concatBytes([tail, chunk]).slice(-3);
    if (this.headFirst.length < FIRST_BYTES) this.headFirst = concatBytes([this.headFirst, chunk.subarray(0, FIRST_BYTES - this.headFirst.length)]);
    if (!this.checkStart(frame)) return bytes.length;
    if (take < bytes.length - pos || this.headLength >= this.maxHeaderBytes) {
      this.opts.onNote?.(frame, 'warning', `HTTP headers longer than ${this.maxHeaderBytes} bytes: resynchronising`);
      this.resetHead();
      this.state = 'resync';
      return pos + take;
    }
    return bytes.length;
  }

  /** Gives up on streams whose first bytes cannot be HTTP. */
  private checkStart(frame: number): boolean {
    if (this.http !== null) return true;
    const h = this.headFirst;
    const nl = h.indexOf(LF);
    const first = latin1.decode(h.subarray(0, nl < 0 ? Math.min(h.length, 64) : nl)).replace(/\r$/, '');
    const ok = nl < 0 ? plausibleStart(first) && this.headLength < MAX_LINE : REQUEST_LINE.test(first) || STATUS_LINE.test(first);
    if (!ok) this.die(frame, `not an HTTP start line: ${JSON.stringify(first.slice(0, 40))}`);
    return ok;
  }

  private die(frame: number, reason: string): void {
    if (this.http === null) this.opts.onNotHttp?.(frame, reason);
    else this.opts.onNote?.(frame, 'warning', `HTTP stream lost: ${reason}`);
    this.http = this.http ?? false;
    this.state = 'dead';
    this.resetHead();
  }

  private startMessage(block: Uint8Array, frame: number, tsUs: number): void {
    const text = latin1.decode(block);
    const head = parseHead(text);
    if (!head) {
      const why = `not an HTTP start line: ${JSON.stringify(text.slice(0, 40).split(/\r?\n/)[0])}`;
      if (this.http === null) this.die(frame, why);
      else {
        this.opts.onNote?.(frame, 'warning', `HTTP ${why}; resynchronising`);
        this.state = 'resync';
      }
      return;
    }
    this.http = true;
    this.msg = {
      start: head.start, headers: head.headers, frames: this.headFrames, firstFrame: this.headFrames[0] ?? frame, tsUs: this.headTsUs,
      streamOffset: this.headStart, body: [], open: null, kept: 0, seen: 0,
    };
    const framing = bodyFraming(head, this.opts.requestMethod?.());
    if (framing.kind === 'none') this.finishMessage(tsUs);
    else if (framing.kind === 'length') {
      this.remaining = framing.length;
      this.state = 'length';
    } else this.state = framing.kind === 'chunked' ? 'chunk-size' : 'until-close';
  }

  // ---- bodies ----

  private readCounted(bytes: Uint8Array, pos: number, frame: number, tsUs: number): number {
    const take = Math.min(this.remaining, bytes.length - pos);
    this.addBody(bytes.subarray(pos, pos + take), frame, tsUs);
    this.remaining -= take;
    if (this.remaining === 0) this.afterCounted(frame, tsUs);
    return pos + take;
  }

  private afterCounted(frame: number, tsUs: number): void {
    if (this.state === 'chunk-data') this.state = 'chunk-end';
    else this.finishMessage(tsUs);
  }

  /** Lost body bytes become zeros (as far as the body is kept), so later bytes stay in place. */
  private addLost(m: MessageInProgress, lost: number, frame: number, tsUs: number): void {
    const keep = Math.max(0, Math.min(lost, this.maxBodyBytes - m.kept));
    if (keep > 0) this.keep(m, new Uint8Array(keep), frame, tsUs);
    m.seen += lost;
  }

  private addBody(part: Uint8Array, frame: number, tsUs: number): void {
    const m = this.msg;
    if (!m) return;
    if (m.frames.at(-1) !== frame) m.frames.push(frame);
    m.seen += part.length;
    const keep = Math.min(part.length, this.maxBodyBytes - m.kept);
    if (keep > 0) this.keep(m, keptCopy(part, keep), frame, tsUs);
  }

  private keep(m: MessageInProgress, bytes: Uint8Array, frame: number, tsUs: number): void {
    if (m.open?.frame === frame) m.open.pieces.push(bytes);
    else {
      closeSegment(m);
      m.open = { frame, tsUs, pieces: [bytes] };
    }
    m.kept += bytes.length;
  }

  // ---- line-based states: chunk sizes, chunk ends, trailers, resynchronisation ----

  private readLineState(bytes: Uint8Array, pos: number, frame: number, tsUs: number): number {
    const nl = bytes.indexOf(LF, pos);
    if (nl < 0) {
      if (this.lineLength + bytes.length - pos > MAX_LINE) {
        if (this.state === 'resync') {
          this.line = [];
          this.lineLength = 0;
        } else this.die(frame, 'chunked body line too long');
        return bytes.length;
      }
      this.line.push(bytes.slice(pos));
      this.lineLength += bytes.length - pos;
      if (this.msg && this.msg.frames.at(-1) !== frame) this.msg.frames.push(frame);
      return bytes.length;
    }
    const lineBytes = concatBytes([...this.line, bytes.subarray(pos, nl)]);
    const lineStart = this.base + pos - this.lineLength;
    this.line = [];
    this.lineLength = 0;
    if (this.msg && this.msg.frames.at(-1) !== frame) this.msg.frames.push(frame);
    const text = latin1.decode(lineBytes).replace(/\r$/, '');
    this.onLine(text, lineBytes, lineStart, frame, tsUs);
    return nl + 1;
  }

  private onLine(text: string, lineBytes: Uint8Array, lineStart: number, frame: number, tsUs: number): void {
    switch (this.state) {
      case 'chunk-size': {
        const m = /^([0-9A-Fa-f]{1,12})\s*(;.*)?$/.exec(text);
        if (!m) {
          this.die(frame, `bad chunk size line ${JSON.stringify(text.slice(0, 20))}`);
          return;
        }
        this.remaining = parseInt(m[1], 16);
        this.state = this.remaining === 0 ? 'trailer' : 'chunk-data';
        return;
      }
      case 'chunk-end':
        if (text !== '') this.opts.onNote?.(frame, 'warning', 'HTTP chunk not followed by CRLF');
        this.state = 'chunk-size';
        return;
      case 'trailer':
        if (text === '') this.finishMessage(tsUs);
        return;
      default:
        // resync: a start line begins the next message
        if (REQUEST_LINE.test(text) || STATUS_LINE.test(text)) {
          this.state = 'head';
          const start = concatBytes([lineBytes, Uint8Array.of(LF)]);
          this.headParts = [start];
          this.headLength = start.length;
          this.headTail = start.slice(Math.max(0, start.length - 3));
          this.headFirst = start.slice(0, FIRST_BYTES);
          this.headStart = lineStart;
          this.headTsUs = tsUs;
          this.headFrames = [frame];
        }
    }
  }

  // ---- completion ----

  private finishMessage(tsUs: number, incomplete?: string): void {
    const m = this.msg;
    this.msg = null;
    this.state = this.state === 'dead' ? 'dead' : 'head';
    if (!m) return;
    closeSegment(m);
    const common = {
      headers: m.headers, body: m.body, bodyLength: m.seen, bodyTruncated: m.seen > m.kept,
      frames: m.frames, firstFrame: m.firstFrame, lastFrame: m.frames[m.frames.length - 1], tsUs: m.tsUs, endTsUs: tsUs,
      streamOffset: m.streamOffset,
    };
    const why = incomplete ?? m.incomplete;
    // Two identical-looking branches: each lets TypeScript check one variant of the union.
    const msg: HttpMessage = m.start.kind === 'request' ? { ...m.start, ...common } : { ...m.start, ...common };
    if (why !== undefined) msg.incomplete = why;
    this.opts.onMessage(msg);
  }

  private resetHead(): void {
    this.headParts = [];
    this.headLength = 0;
    this.headTail = new Uint8Array(0);
    this.headFirst = new Uint8Array(0);
  }
}
