// HTTP/1.x messages as parsed from one direction of a TCP stream (RFC 9112): start line,
// headers, and the decoded body kept in pieces by the frame each piece came from, so that a
// body carrying MSNP (the HTTP gateway) can be framed with the right frame numbers.

import { concatBytes } from '../msnp/byte-parts';

export interface BodySegment {
  bytes: Uint8Array;
  frame: number;
  tsUs: number;
}

export interface HttpHeader {
  name: string;
  value: string;
}

interface HttpMessageBase {
  /** "HTTP/1.1" or "HTTP/1.0". */
  version: string;
  headers: HttpHeader[];
  /** The body after de-chunking, in pieces by frame (at most `maxBodyBytes` kept). */
  body: BodySegment[];
  /** Body bytes seen, kept or not. */
  bodyLength: number;
  /** True when body bytes beyond the parser's limit were counted but not kept. */
  bodyTruncated: boolean;
  /** Every frame that carried bytes of this message, in arrival order. */
  frames: number[];
  firstFrame: number;
  lastFrame: number;
  /** Time of the first byte, and of the byte that completed the message. */
  tsUs: number;
  endTsUs: number;
  /** Offset of the first byte in its direction's byte stream. */
  streamOffset: number;
  /** Set when the message was cut short (capture gap, end of stream): why. */
  incomplete?: string;
}

export interface HttpRequest extends HttpMessageBase {
  kind: 'request';
  method: string;
  /** Request target as sent: origin form (`/path?q`) or absolute form (`http://host/path?q`, via proxies). */
  target: string;
}

export interface HttpResponse extends HttpMessageBase {
  kind: 'response';
  status: number;
  reason: string;
}

export type HttpMessage = HttpRequest | HttpResponse;

/** First value of a header, case-insensitively, or null. */
export function headerValue(msg: Pick<HttpMessageBase, 'headers'>, name: string): string | null {
  const lower = name.toLowerCase();
  for (const h of msg.headers) if (h.name.toLowerCase() === lower) return h.value;
  return null;
}

/** The body joined into one buffer (copies unless it is a single piece). */
export function bodyBytes(msg: Pick<HttpMessageBase, 'body'>): Uint8Array {
  return concatBytes(msg.body.map((s) => s.bytes));
}
