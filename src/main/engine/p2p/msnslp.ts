// MSNSLP, the SIP-like text carried in session-0 P2P data: a start line (`INVITE MSNMSGR:x
// MSNSLP/1.0` or `MSNSLP/1.0 200 OK`), headers (To, From, Via with branch, CSeq, Call-ID,
// Content-Type, Content-Length), a blank line, then `Key: value` body lines ending in a NUL.
// WLM 2009 writes some transport keys and values reversed (`srddA-lanretnI4vPI: 1.0.0.721`):
// those are recognised and un-reversed, and marked as such.
// Spec: PROTOCOL.md "P2P / MSNSLP"; msnpiki "MSNC:MSNSLP".

import { findHeaderEnd, parseHeaderBlock } from '../message/parse-mime-message';

export interface SlpField {
  key: string;
  value: string;
  /** [offset, length] of the line within the SLP data. */
  range: [number, number];
  /** True when the key and value were sent reversed and are shown un-reversed here. */
  reversed: boolean;
}

export interface SlpMessage {
  kind: 'request' | 'response';
  /** INVITE, BYE, ACK… for requests. */
  method: string | null;
  uri: string | null;
  /** 200, 603, 481, 500… for responses. */
  status: number | null;
  reason: string | null;
  startLine: string;
  startLineRange: [number, number];
  headers: Array<[string, string]>;
  headerRanges: Array<[number, number]>;
  header(name: string): string | undefined;
  /** Addresses inside `<msnmsgr:…>`, e.g. "bob@example.com" or "bob@example.com;{guid}". */
  to: string | null;
  from: string | null;
  branch: string | null;
  cseq: number | null;
  callId: string | null;
  /** Lower-cased media type of the body. */
  contentType: string;
  contentLength: number | null;
  fields: SlpField[];
  /** Body value by key (case-insensitive, un-reversed keys). */
  field(name: string): string | undefined;
  bodyRange: [number, number];
  problems: string[];
}

/** Transport keys WLM 2009 may send reversed (compared lower-case). */
const REVERSIBLE_KEYS = new Set([
  'ipv4external-addrs',
  'ipv4external-port',
  'ipv4internal-addrs',
  'ipv4internal-port',
  'ipv4externaladdrsandports',
  'ipv4internaladdrsandports',
  'ipv6-addrs',
  'ipv6-port',
]);

const utf8 = new TextDecoder('utf-8');
const START_REQUEST = /^([A-Z]+) (\S+) (MSNSLP\/\d+\.\d+)$/;
const START_RESPONSE = /^(MSNSLP\/\d+\.\d+) (\d{3})(?: (.*))?$/;

export function reverseString(text: string): string {
  return [...text].reverse().join('');
}

/** `<msnmsgr:bob@example.com>` → `bob@example.com` (the `;{guid}` of MSNP16+ is kept). */
export function slpAddress(value: string | undefined): string | null {
  if (!value) return null;
  const inner = value.trim().replace(/^<(.*)>$/, '$1');
  return inner.replace(/^msnmsgr:/i, '').trim() || null;
}

/** The account of an SLP address (without `;{guid}`). */
export function slpAccount(address: string | null): string | null {
  return address ? address.split(';')[0] || null : null;
}

/** True when `data` starts like an SLP message (cheap test before a full parse). */
export function looksLikeSlp(data: Uint8Array): boolean {
  const head = utf8.decode(data.subarray(0, Math.min(data.length, 64)));
  return /^(INVITE|BYE|ACK|CANCEL|MSNSLP\/\d)/.test(head);
}

/** Parses SLP text; null when the first line is not an SLP start line. Never throws. */
export function parseSlp(data: Uint8Array): SlpMessage | null {
  const firstEol = data.indexOf(0x0a);
  const lineEnd = firstEol < 0 ? data.length : firstEol > 0 && data[firstEol - 1] === 0x0d ? firstEol - 1 : firstEol;
  const startLine = utf8.decode(data.subarray(0, Math.min(lineEnd, 1024)));
  const request = START_REQUEST.exec(startLine);
  const response = request ? null : START_RESPONSE.exec(startLine);
  if (!request && !response) return null;
  const problems: string[] = [];

  const headersStart = firstEol < 0 ? data.length : firstEol + 1;
  const headerEnd = findHeaderEnd(data, headersStart);
  if (headerEnd < 0) problems.push('no blank line after the SLP headers');
  const block = parseHeaderBlock(data, headersStart, headerEnd < 0 ? data.length : headerEnd);
  if (block.problem) problems.push(block.problem);
  const byName = new Map<string, string>();
  for (const [name, value] of block.headers) byName.set(name.toLowerCase(), value);
  const header = (name: string) => byName.get(name.toLowerCase());

  const bodyStart = headerEnd < 0 ? data.length : headerEnd;
  let bodyEnd = data.length;
  const lengthText = header('content-length');
  const contentLength = lengthText !== undefined && /^\s*\d{1,9}\s*$/.test(lengthText) ? Number(lengthText) : null;
  if (contentLength !== null) {
    if (bodyStart + contentLength < bodyEnd) bodyEnd = bodyStart + contentLength;
    else if (bodyStart + contentLength > bodyEnd) problems.push(`Content-Length ${contentLength} but only ${bodyEnd - bodyStart} bytes follow`);
  }
  const fields = parseBodyFields(data, bodyStart, bodyEnd);
  const byKey = new Map<string, string>();
  for (const f of fields) byKey.set(f.key.toLowerCase(), f.value);

  const via = header('via') ?? '';
  const branch = /;\s*branch=([^;\s]+)/i.exec(via)?.[1] ?? null;
  const cseqText = header('cseq');
  return {
    kind: request ? 'request' : 'response',
    method: request ? request[1] : null,
    uri: request ? request[2] : null,
    status: response ? Number(response[2]) : null,
    reason: response ? (response[3] ?? '') : null,
    startLine,
    startLineRange: [0, lineEnd],
    headers: block.headers,
    headerRanges: block.ranges,
    header,
    to: slpAddress(header('to')),
    from: slpAddress(header('from')),
    branch,
    cseq: cseqText !== undefined && /^\s*\d{1,9}\s*$/.test(cseqText) ? Number(cseqText) : null,
    callId: header('call-id')?.trim() || null,
    contentType: (header('content-type') ?? '').split(';')[0].trim().toLowerCase(),
    contentLength,
    fields,
    field: (name: string) => byKey.get(name.toLowerCase()),
    bodyRange: [bodyStart, bodyEnd - bodyStart],
    problems,
  };
}

function parseBodyFields(data: Uint8Array, start: number, end: number): SlpField[] {
  let stop = end;
  while (stop > start && data[stop - 1] === 0) stop--;
  const block = parseHeaderBlock(data, start, stop);
  return block.headers.map(([key, value], i) => {
    const turned = reverseString(key);
    if (!REVERSIBLE_KEYS.has(key.toLowerCase()) && REVERSIBLE_KEYS.has(turned.toLowerCase())) {
      return { key: turned, value: reverseString(value), range: block.ranges[i], reversed: true };
    }
    return { key, value, range: block.ranges[i], reversed: false };
  });
}
