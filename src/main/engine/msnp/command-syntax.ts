// MSNP command-line syntax: `XXX[ TrID[ params…]]` (PROTOCOL.md, "Line syntax").
// Splits a decoded line into verb and parameters, decides whether the second token is a
// transaction id, and explains lines that are not MSNP commands instead of dropping them.

import type { Direction } from '../../../shared/model';
import { canonicalVerb, isErrorVerb, isUpperVerb } from './known-verbs';

export interface ParsedCommandLine {
  /** Three upper-case letters or three digits; '' when the line is not a command. */
  verb: string;
  /** Tokens after the verb, TrID included when present. */
  params: string[];
  trid: number | null;
  /** Why the line is not a valid MSNP command. */
  malformed?: string;
}

/** Never carry a TrID, whichever side sends them (asynchronous, or a number that is not a TrID). */
const NEVER_TRID: ReadonlySet<string> = new Set([
  'PNG', // no parameters
  'QNG', // `QNG seconds` (MSNP9+)
  'OUT', // `OUT [OTH|SSD]`
  'NLN', 'FLN', 'RNG', 'JOI', 'BYE', 'IPG', 'NOT', 'UBX', 'UBN', 'UBM', 'NFY',
  // `RNG sessionid …`: old servers use numeric session ids (`RNG 17069658 …`), not TrIDs.
  // `BYE code` ends MSNFTP transfers; `FIL size` too is a number that is not a TrID.
  'FIL',
]);

/**
 * Server commands without a TrID although their first parameter may be a number:
 * `SDG 0 len` pushes a message (MSNP21). `CHL 0 challenge`, `GCF 0 len`, `ADL 0 len` and
 * `SBS 0 null` do keep their 0 as a TrID-like value, so they are not listed.
 */
const SERVER_NO_TRID: ReadonlySet<string> = new Set(['SDG']);

const TRID_RE = /^[0-9]{1,10}$/;
const ACK_MODE_RE = /^[UNADS]$/;
const MAX_TRID = 0xffffffff;

function tridOf(token: string | undefined): number | null {
  if (token === undefined || !TRID_RE.test(token)) return null;
  const n = Number(token);
  return n <= MAX_TRID ? n : null;
}

/**
 * LST and LSG lost their TrID in MSNP8 (`LSG 0 Other%20Contacts 0`: the 0 is a group id).
 * Without a version, only the MSNP2–7 shape `LST TrID list ver index count …` counts as a TrID.
 */
function listLineHasTrid(params: readonly string[], version: number | null): boolean {
  if (version !== null) return version < 8;
  if (params.length < 5) return false;
  return params[0] !== undefined && TRID_RE.test(params[0]) && TRID_RE.test(params[2]) && TRID_RE.test(params[3]);
}

/** The TrID of a command, by verb, direction and shape (null when it has none). */
export function commandTrid(verb: string, params: readonly string[], direction: Direction, version: number | null): number | null {
  if (NEVER_TRID.has(verb)) return null;
  if (verb === 'MSG') {
    // Client `MSG TrID U|N|A|D|S len`; the server's `MSG account nick len` has none.
    return params.length >= 3 && ACK_MODE_RE.test(params[1]) ? tridOf(params[0]) : null;
  }
  if (direction === 's2c') {
    if (SERVER_NO_TRID.has(verb)) return null;
    if ((verb === 'LST' || verb === 'LSG') && !listLineHasTrid(params, version)) return null;
  }
  return tridOf(params[0]);
}

/** Splits on spaces; runs of spaces and a trailing space do not make empty parameters. */
export function splitTokens(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = line.length;
  while (start < n) {
    let end = line.indexOf(' ', start);
    if (end < 0) end = n;
    if (end > start) out.push(line.slice(start, end));
    start = end + 1;
  }
  return out;
}

function describeBadStart(line: string): string {
  if (line.length === 0) return 'empty line';
  if (line.charCodeAt(0) === 0x20) return 'line starts with a space';
  return 'not an MSNP command line';
}

/**
 * Parses one command line (without its line ending). Never throws.
 * Lower-case verbs (`msg`, as some old write-ups print them) are not valid on the wire: the
 * line is kept with a `malformed` reason, but verb and params are still filled in (verb
 * upper-cased) so that a framer can still take the body it announces and stay in sync.
 */
export function parseCommandLine(line: string, direction: Direction, version: number | null): ParsedCommandLine {
  const tokens = splitTokens(line);
  const first = tokens[0];
  if (first === undefined || line.charCodeAt(0) === 0x20) {
    return { verb: '', params: [], trid: null, malformed: describeBadStart(line) };
  }
  const params = tokens.slice(1);
  if (isUpperVerb(first)) {
    const verb = canonicalVerb(first);
    return { verb, params, trid: commandTrid(verb, params, direction, version) };
  }
  if (isErrorVerb(first)) {
    return { verb: first, params, trid: tridOf(params[0]) };
  }
  if (/^[a-z]{3}$/.test(first)) {
    const verb = first.toUpperCase();
    return { verb, params, trid: commandTrid(verb, params, direction, version), malformed: `lower-case verb "${first}"` };
  }
  return { verb: '', params: [], trid: null, malformed: describeBadStart(line) };
}
