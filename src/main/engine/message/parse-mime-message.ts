// Parses an MSNP message body (MSG, SDG, UBX… payloads): MIME-like header lines up to a blank
// line, then a binary-safe body. Accepts CRLF and bare LF, folded (continuation) lines and
// case-insensitive names; never throws: problems are reported in `malformed`.
// Spec: PROTOCOL.md "Messages"; hypothetic.org MSNP "Messages" (MIME headers, RFC 822 style).

import type { MimeMessage } from './mime-message';

/** A parsed message plus where each header line sits in the payload (for byte highlighting). */
export interface ParsedMimeMessage extends MimeMessage {
  /** [offset, length] of each entry of `headers` in the payload (continuations included). */
  headerRanges: Array<[number, number]>;
}

/** Header blocks longer than this are not headers (a text body without a blank line, or garbage). */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_HEADERS = 256;

const utf8 = new TextDecoder('utf-8');

/** Builds a MimeMessage from parts; also used for messages joined from chunks and SDG inner blocks. */
export function makeMimeMessage(
  headers: Array<[string, string]>,
  body: Uint8Array,
  bodyOffset: number,
  malformed?: string,
  headerRanges: Array<[number, number]> = [],
): ParsedMimeMessage {
  return fromLookup(headerLookup(headers), headers, body, bodyOffset, malformed, headerRanges);
}

/** What a message's headers answer: by name, and the split Content-Type. */
interface HeaderLookup {
  header(name: string): string | undefined;
  type: string;
  charset: string | null;
}

function headerLookup(headers: ReadonlyArray<readonly [string, string]>): HeaderLookup {
  const byName = new Map<string, string>();
  for (const [name, value] of headers) byName.set(name.toLowerCase(), value);
  const { type, charset } = contentTypeOf(byName.get('content-type') ?? '');
  return { header: (name: string) => byName.get(name.toLowerCase()), type, charset };
}

function fromLookup(
  lookup: HeaderLookup,
  headers: Array<[string, string]>,
  body: Uint8Array,
  bodyOffset: number,
  malformed: string | undefined,
  headerRanges: Array<[number, number]>,
): ParsedMimeMessage {
  const message: ParsedMimeMessage = {
    headers,
    header: lookup.header,
    contentType: lookup.type,
    charset: lookup.charset,
    body,
    bodyOffset,
    headerRanges,
  };
  if (malformed) message.malformed = malformed;
  return message;
}

/**
 * One client sends the same header block message after message: each distinct block (up to 1 KiB,
 * at most 512 kept, all dropped when full) is parsed once, found again by a hash of its bytes and
 * confirmed byte for byte. Parsing is a function of those bytes alone, so a hit answers exactly
 * what parsing would; each message still gets its own header and range arrays.
 */
interface ParsedBlock {
  bytes: Uint8Array;
  headers: ReadonlyArray<readonly [string, string]>;
  ranges: ReadonlyArray<readonly [number, number]>;
  problem: string | undefined;
  lookup: HeaderLookup;
}

const BLOCK_CACHE_LIMIT = 512;
const BLOCK_CACHED_BYTES = 1024;
const blocks = new Map<number, ParsedBlock>();

function blockHash(bytes: Uint8Array, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h & 0x3fffffff; // a small integer key
}

function sameBlock(block: Uint8Array, bytes: Uint8Array, end: number): boolean {
  if (block.length !== end) return false;
  for (let i = 0; i < end; i++) if (block[i] !== bytes[i]) return false;
  return true;
}

/** parseHeaderBlock(payload, 0, headerEnd) + makeMimeMessage, through the block cache. */
function parseWithHeaderEnd(payload: Uint8Array, headerEnd: number): ParsedMimeMessage {
  const body = payload.subarray(headerEnd);
  if (headerEnd > BLOCK_CACHED_BYTES) {
    const block = parseHeaderBlock(payload, 0, headerEnd);
    return makeMimeMessage(block.headers, body, headerEnd, block.problem, block.ranges);
  }
  const hash = blockHash(payload, headerEnd);
  let cached = blocks.get(hash);
  if (cached === undefined || !sameBlock(cached.bytes, payload, headerEnd)) {
    const block = parseHeaderBlock(payload, 0, headerEnd);
    if (blocks.size >= BLOCK_CACHE_LIMIT) blocks.clear();
    cached = { bytes: payload.slice(0, headerEnd), headers: block.headers.map(([n, v]) => [n, v] as const), ranges: block.ranges.map(([o, l]) => [o, l] as const), problem: block.problem, lookup: headerLookup(block.headers) };
    blocks.set(hash, cached);
    return fromLookup(cached.lookup, block.headers, body, headerEnd, block.problem, block.ranges);
  }
  const headers = cached.headers.map(([n, v]): [string, string] => [n, v]);
  const ranges = cached.ranges.map(([o, l]): [number, number] => [o, l]);
  return fromLookup(cached.lookup, headers, body, headerEnd, cached.problem, ranges);
}

/** Content-Type values repeat on every message: split once per distinct (short) value. */
const CONTENT_TYPE_CACHE_LIMIT = 256;
const CONTENT_TYPE_CACHED_LENGTH = 128;
const contentTypes = new Map<string, { readonly type: string; readonly charset: string | null }>();

function contentTypeOf(value: string): { readonly type: string; readonly charset: string | null } {
  let split = contentTypes.get(value);
  if (split === undefined) {
    split = splitContentType(value);
    if (value.length > CONTENT_TYPE_CACHED_LENGTH) return split;
    if (contentTypes.size >= CONTENT_TYPE_CACHE_LIMIT) contentTypes.clear();
    contentTypes.set(value, split);
  }
  return split;
}

/** `text/plain; charset=UTF-8` → { type: 'text/plain', charset: 'utf-8' }. */
export function splitContentType(value: string): { type: string; charset: string | null } {
  const parts = value.split(';');
  const type = parts[0].trim().toLowerCase();
  let charset: string | null = null;
  for (let i = 1; i < parts.length; i++) {
    const eq = parts[i].indexOf('=');
    if (eq < 0) continue;
    if (parts[i].slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset = parts[i].slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase() || null;
  }
  return { type, charset };
}

/** Index of the first byte after the blank line that ends the header block at `start`, or -1. */
export function findHeaderEnd(bytes: Uint8Array, start = 0, limit = bytes.length): number {
  // An empty header block: the payload starts with the blank line.
  if (start < limit && bytes[start] === 0x0a) return start + 1;
  if (start + 1 < limit && bytes[start] === 0x0d && bytes[start + 1] === 0x0a) return start + 2;
  // A line feed followed by another line feed, optionally with a CR between (CRLF CRLF, LF LF, LF CRLF).
  for (let i = bytes.indexOf(0x0a, start); i >= 0 && i < limit; i = bytes.indexOf(0x0a, i + 1)) {
    const next = bytes[i + 1];
    if (next === 0x0a) return i + 2;
    if (next === 0x0d && bytes[i + 2] === 0x0a) return i + 3;
  }
  return -1;
}

/**
 * Splits `bytes[start, end)` into header lines ([name, value] with byte ranges), unfolding
 * continuation lines. Lines without a colon are skipped and reported.
 */
export function parseHeaderBlock(
  bytes: Uint8Array,
  start: number,
  end: number,
): { headers: Array<[string, string]>; ranges: Array<[number, number]>; problem?: string } {
  const headers: Array<[string, string]> = [];
  const ranges: Array<[number, number]> = [];
  let problem: string | undefined;
  let pos = start;
  while (pos < end) {
    let eol = bytes.indexOf(0x0a, pos);
    if (eol < 0 || eol >= end) eol = end;
    const lineEnd = eol > pos && bytes[eol - 1] === 0x0d ? eol - 1 : eol;
    const next = Math.min(eol + 1, end);
    if (lineEnd > pos) {
      const line = utf8.decode(bytes.subarray(pos, lineEnd));
      const first = bytes[pos];
      if ((first === 0x20 || first === 0x09) && headers.length > 0) {
        // Folded line (RFC 822 §3.1.1): it continues the previous header's value.
        const last = headers[headers.length - 1];
        last[1] = `${last[1]} ${line.trim()}`.trim();
        const range = ranges[ranges.length - 1];
        range[1] = lineEnd - range[0];
      } else {
        const colon = line.indexOf(':');
        if (colon <= 0) {
          problem ??= `header line without a colon: "${line.slice(0, 40)}"`;
        } else if (headers.length >= MAX_HEADERS) {
          problem ??= `more than ${MAX_HEADERS} header lines`;
        } else {
          headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
          ranges.push([pos, lineEnd - pos]);
        }
      }
    }
    pos = next;
  }
  return { headers, ranges, problem };
}

/** Parses an MSNP message payload. Never throws; `body` is a view into `payload` (no copy). */
export function parseMimeMessage(payload: Uint8Array): ParsedMimeMessage {
  if (payload.length === 0) return makeMimeMessage([], payload, 0, 'empty message');
  const headerEnd = findHeaderEnd(payload, 0, Math.min(payload.length, MAX_HEADER_BYTES));
  if (headerEnd < 0) {
    // No blank line: keep what reads as headers, with no body, so the user still sees the lines.
    const end = Math.min(payload.length, MAX_HEADER_BYTES);
    const block = parseHeaderBlock(payload, 0, end);
    const why = payload.length > MAX_HEADER_BYTES ? `no blank line in the first ${MAX_HEADER_BYTES} bytes` : 'no blank line after the headers';
    return makeMimeMessage(block.headers, payload.subarray(payload.length), payload.length, why, block.ranges);
  }
  return parseWithHeaderEnd(payload, headerEnd);
}

/**
 * Parses a body made of `Key: value` lines (invitations, client caps, e-mail notifications,
 * SLP bodies). Trailing NUL bytes (SLP bodies end with one) are ignored. Ranges index `bytes`.
 */
export function parseFieldLines(bytes: Uint8Array): { fields: Array<[string, string]>; ranges: Array<[number, number]>; problem?: string } {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const block = parseHeaderBlock(bytes, 0, end);
  return { fields: block.headers, ranges: block.ranges, problem: block.problem };
}
