// The head of an HTTP/1.x message (RFC 9112 §2–6): start line, header fields (obsolete line
// folding joined), and how the body that follows is delimited (§6.3).

import type { HttpHeader } from './http-message';
import { headerValue } from './http-message';

export const REQUEST_LINE = /^([A-Z][A-Z_-]{0,19}) (\S+) (HTTP\/1\.[01])$/;
export const STATUS_LINE = /^(HTTP\/1\.[01]) ([0-9]{3})(?: (.*))?$/;

export type StartLine =
  | { kind: 'request'; method: string; target: string; version: string }
  | { kind: 'response'; version: string; status: number; reason: string };

export interface HttpHead {
  start: StartLine;
  headers: HttpHeader[];
}

export type BodyFraming = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'until-close' };

export function parseStartLine(line: string): StartLine | null {
  const req = REQUEST_LINE.exec(line);
  if (req) return { kind: 'request', method: req[1], target: req[2], version: req[3] };
  const st = STATUS_LINE.exec(line);
  if (st) return { kind: 'response', version: st[1], status: Number(st[2]), reason: st[3] ?? '' };
  return null;
}

/** Parses a header block (start line to blank line, decoded as Latin-1); null when the start line is not HTTP. */
export function parseHead(text: string): HttpHead | null {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const start = parseStartLine(lines[0]);
  if (!start) return null;
  const headers: HttpHeader[] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    if (l === '') continue;
    const colon = l.indexOf(':');
    if (colon > 0) headers.push({ name: l.slice(0, colon).trim(), value: l.slice(colon + 1).trim() });
    else if ((l[0] === ' ' || l[0] === '\t') && headers.length > 0) headers[headers.length - 1].value += ` ${l.trim()}`;
  }
  return { start, headers };
}

/**
 * How the body is delimited. Responses to HEAD and 1xx/204/304 have none; chunked wins over
 * Content-Length; a response with neither runs to the end of the stream; a request has none.
 */
export function bodyFraming(head: HttpHead, requestMethod: string | undefined): BodyFraming {
  const s = head.start;
  if (s.kind === 'response' && ((s.status >= 100 && s.status < 200) || s.status === 204 || s.status === 304 || requestMethod === 'HEAD')) {
    return { kind: 'none' };
  }
  const te = headerValue(head, 'transfer-encoding');
  if (te !== null && /(^|,)\s*chunked\s*$/i.test(te)) return { kind: 'chunked' };
  const cl = headerValue(head, 'content-length');
  if (cl !== null && /^[0-9]{1,15}$/.test(cl)) {
    const length = Number(cl);
    return length === 0 ? { kind: 'none' } : { kind: 'length', length };
  }
  return s.kind === 'response' ? { kind: 'until-close' } : { kind: 'none' };
}
