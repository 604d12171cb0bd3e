// Heuristic: do the first bytes of one direction of a TCP stream look like MSNP? For MSNP on
// ports other than 1863 (switchboards and peers use others, e.g. 1864 in the revival captures)
// and captures that start mid-session (`MSG`, `PNG`, `QNG 50`, `NLN`, `ACK 12`…).
// Cheap and strict: it must answer 'no' quickly for HTTP, TLS, SSH, FTP/SMTP banners, binary
// and bulk data, so a line counts only when its verb is known and its shape fits that verb.
// Spec: PROTOCOL.md "Line syntax"; known-verbs.ts lists the verbs.

import { KNOWN_VERBS } from './known-verbs';
import { splitTokens } from './command-syntax';
import { payloadLength } from './payload-length';

export { KNOWN_VERBS } from './known-verbs';

export type DetectVerdict = 'yes' | 'no' | 'need-more';

/** A first line longer than this without a line end is not MSNP (real first lines are short). */
const MAX_FIRST_LINE = 1024;
/** How far past a leading message body (capture started mid-MSG) to look for a command line. */
const MAX_SCAN = 4096;

const LF = 0x0a;
const latin1 = new TextDecoder('latin1');

const DIGITS = /^[0-9]{1,10}$/;
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*: /;
const PROTOCOL_VERSION = /^MSNP[0-9]{1,2}$/;

/** Control bytes other than TAB/CR/LF, and DEL: binary, not a command line. */
function hasControlBytes(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if ((c < 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) || c === 0x7f) return true;
  }
  return false;
}

/** How confidently a full line (no line end) is an MSNP command: 'strong', 'plausible' or null. */
export function commandLineStrength(line: string, fromInitiator: boolean): 'strong' | 'plausible' | null {
  if (line.length < 3 || line.charCodeAt(0) === 0x20 || line.includes('  ') || line.includes('\t')) return null;
  const tokens = splitTokens(line);
  const verb = tokens[0];
  const params = tokens.slice(1);
  if (/^[0-9]{3}$/.test(verb)) {
    // Error reply `NNN TrID [len]`: banners like "220 smtp.example ESMTP" have words there.
    if (fromInitiator || params.length < 1 || params.length > 2 || !params.every((p) => DIGITS.test(p))) return null;
    return 'plausible';
  }
  if (!KNOWN_VERBS.has(verb)) return null;
  const trid = params[0] !== undefined && DIGITS.test(params[0]);
  switch (verb) {
    case 'VER':
      return trid && params.length >= 2 && params.slice(1).some((p) => PROTOCOL_VERSION.test(p)) ? 'strong' : null;
    case 'USR':
    case 'ANS':
    case 'CVR':
    case 'XFR':
    case 'CAL':
      return trid && params.length >= 2 ? 'strong' : null;
    case 'PNG':
      return params.length === 0 ? 'plausible' : null;
    case 'OUT':
      return params.length <= 1 ? 'plausible' : null;
    case 'QNG':
      return params.length <= 1 && (params.length === 0 || DIGITS.test(params[0])) ? 'plausible' : null;
    case 'ACK':
    case 'NAK':
      return params.length === 1 && trid ? 'plausible' : null;
    case 'MSG':
      return payloadLength(verb, params, fromInitiator ? 'c2s' : 's2c', null) !== null ? 'strong' : null;
    case 'NLN':
    case 'ILN':
    case 'RNG':
    case 'IRO':
    case 'JOI':
      return params.length >= 2 && params.some((p) => p.includes('@')) ? 'strong' : null;
    case 'PUT':
    case 'DEL':
      // `PUT /path HTTP/1.1` is HTTP, MSNP21's `PUT TrID len` is not.
      return trid && params.length >= 2 && DIGITS.test(params[params.length - 1]) ? 'plausible' : null;
    default:
      // Any other known verb: a TrID or an address, and only tokens without control bytes.
      return params.length === 0 || trid || params[0].includes('@') ? 'plausible' : null;
  }
}

function isHttpOrOtherProtocol(head: string): boolean {
  return /^(HTTP\/|SSH-|[A-Z]+ \S+ HTTP\/1\.[01]\r?$)/.test(head) || /^(GET|HEAD|POST|OPTIONS|CONNECT|TRACE|PATCH) /.test(head);
}

/** An incomplete first line that may still become a command line. */
function couldStartCommand(partial: string): boolean {
  if (/^([A-Z]{1,2}|[0-9]{1,3}|[0-9]{3} [0-9]*)\r?$/.test(partial)) return true;
  const verb = partial.slice(0, 3);
  return KNOWN_VERBS.has(verb) && (partial.length === 3 || partial[3] === ' ' || partial === `${verb}\r`);
}

/**
 * 'yes' when the first line is an MSNP command of a known verb and fitting shape (or, when the
 * stream starts inside a message body of text headers, a later line is); 'no' for anything
 * else; 'need-more' while the first line is incomplete but still consistent with a command.
 */
export function looksLikeMsnp(firstBytes: Uint8Array, fromInitiator: boolean): DetectVerdict {
  const n = firstBytes.length;
  if (n === 0) return 'need-more';
  const c0 = firstBytes[0];
  const upperOrDigit = (c0 >= 0x41 && c0 <= 0x5a) || (c0 >= 0x30 && c0 <= 0x39);
  const textStart = upperOrDigit || (c0 >= 0x61 && c0 <= 0x7a) || c0 === 0x0d || c0 === 0x0a;
  if (!textStart) return 'no';
  const nl = firstBytes.indexOf(LF);
  const lineEnd = nl < 0 ? Math.min(n, MAX_FIRST_LINE) : nl;
  if (hasControlBytes(firstBytes, 0, lineEnd)) return 'no';
  let first = latin1.decode(firstBytes.subarray(0, lineEnd));
  if (first.endsWith('\r')) first = first.slice(0, -1);
  if (isHttpOrOtherProtocol(first)) return 'no';
  if (nl < 0) {
    if (n >= MAX_FIRST_LINE) return 'no';
    return couldStartCommand(first) ? 'need-more' : 'no';
  }
  if (upperOrDigit && commandLineStrength(first, fromInitiator) !== null) return 'yes';
  // Started inside a message body? Only when that body is MIME-like text (headers or an empty line).
  if (first !== '' && !HEADER_LINE.test(first)) return 'no';
  return scanForCommandLine(firstBytes, nl + 1, fromInitiator);
}

/** After a leading MIME-like fragment: a strong command line further on, within MAX_SCAN bytes. */
function scanForCommandLine(bytes: Uint8Array, start: number, fromInitiator: boolean): DetectVerdict {
  const limit = Math.min(bytes.length, MAX_SCAN);
  let pos = start;
  while (pos < limit) {
    const nl = bytes.indexOf(LF, pos);
    if (nl < 0 || nl >= limit) break;
    const line = latin1.decode(bytes.subarray(pos, nl)).replace(/\r$/, '');
    if (commandLineStrength(line, fromInitiator) === 'strong' && !hasControlBytes(bytes, pos, nl)) return 'yes';
    pos = nl + 1;
  }
  return bytes.length >= MAX_SCAN ? 'no' : 'need-more';
}
