// Recognises the start of an MSNP command line in raw bytes, without decoding: a known verb
// followed by a space or a line end (`^[A-Z]{3}( |\r?\n)`), or an error line `NNN TrID`
// (3 digits, a space, digits, then a space or a line end). Used to resynchronise a framer after
// lost or unframeable bytes and by the detector.

import { KNOWN_VERBS } from './known-verbs';

export type StartVerdict = 'yes' | 'no' | 'need-more';

const SP = 0x20, CR = 0x0d, LF = 0x0a;
const MAX_TRID_DIGITS = 10;

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** After a verb: a space, `\n` or `\r\n` must follow. */
function verbEnd(bytes: Uint8Array, i: number, end: number): StartVerdict {
  if (i >= end) return 'need-more';
  const c = bytes[i];
  if (c === SP || c === LF) return 'yes';
  if (c !== CR) return 'no';
  if (i + 1 >= end) return 'need-more';
  return bytes[i + 1] === LF ? 'yes' : 'no';
}

/** Does `bytes[at..end)` begin like an MSNP command line? */
export function looksLikeCommandStart(bytes: Uint8Array, at: number, end: number): StartVerdict {
  if (at >= end) return 'need-more';
  const c0 = bytes[at];
  if (isUpper(c0)) {
    if (at + 3 > end) {
      for (let i = at + 1; i < end; i++) if (!isUpper(bytes[i])) return 'no';
      return 'need-more';
    }
    const c1 = bytes[at + 1], c2 = bytes[at + 2];
    if (!isUpper(c1) || !isUpper(c2)) return 'no';
    if (!KNOWN_VERBS.has(String.fromCharCode(c0, c1, c2))) return 'no';
    return verbEnd(bytes, at + 3, end);
  }
  if (!isDigit(c0)) return 'no';
  // Error line: NNN SP digits (SP | line end)
  for (let i = at + 1; i < at + 3; i++) {
    if (i >= end) return 'need-more';
    if (!isDigit(bytes[i])) return 'no';
  }
  if (at + 3 >= end) return 'need-more';
  if (bytes[at + 3] !== SP) return 'no';
  let i = at + 4;
  while (i < end && isDigit(bytes[i])) {
    if (i - (at + 4) >= MAX_TRID_DIGITS) return 'no';
    i++;
  }
  if (i >= end) return 'need-more';
  if (i === at + 4) return 'no';
  return verbEnd(bytes, i, end);
}

/** Longest prefix `looksLikeCommandStart` may need to decide: "NNN " + 10 digits + "\r\n". */
export const COMMAND_START_LOOKAHEAD = 4 + MAX_TRID_DIGITS + 2;
