// Which MSNP command lines announce a body, and how long it is (PROTOCOL.md, "Payload commands").
// Rules go by verb, token count and a plain-decimal last token rather than by direction, because
// both directions of most payload commands share one shape (`UUX TrID len` / `UUX TrID 0`) and
// the non-payload forms end in a word (`ADL TrID OK`, `GCF TrID Shields.xml`, `SDC TrID OK`).
// The exceptions are spelled out below: QRY and the error lines.

import type { Direction } from '../../../shared/model';

/** The value of a token made only of ASCII digits, else null (no sign, no hex, no spaces). */
export function plainDecimal(token: string | undefined): number | null {
  if (token === undefined || token.length === 0 || token.length > 20) return null;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  // Up to 20 digits: big values stay big (an absurd length is the framer's to flag).
  return Number(token);
}

/**
 * Minimum number of parameters (tokens after the verb) for the last one to be a body length.
 *  MSG  `MSG TrID U|N|A|D|S len` (client) and `MSG account nick len` (server): 3
 *  NOT / IPG `NOT len`: 1
 *  PAG / PGD `PGD TrID account 1|2 len`: 3 (lenient: some MSNP5–8 clients omit the 1|2)
 *  QRY  `QRY TrID productid 32`; the server's `QRY TrID` has none — its last token is the TrID: 3
 *  SDC  `SDC TrID … len` (the reply `SDC TrID OK` ends in a word): 3
 *  GCF  `GCF TrID file len` (MSNP11–12 server), `GCF 0 len` (MSNP13+); `GCF TrID Shields.xml` has none: 2
 *  UUX  `UUX TrID len`, reply `UUX TrID 0` (a body of length 0): 2
 *  UBX  `UBX account len` (11–13), `UBX account netid len` (14–17), `UBX 1:account len` (18+): 2
 *  ADL / RML `ADL TrID len`, unsolicited `ADL 0 len`; `ADL TrID OK` has none: 2
 *  FQY  `FQY TrID len` both ways: 2
 *  UUN  `UUN TrID account type len` (reply `UUN TrID OK`): 4;  UBN `UBN account type len`: 3
 *  UUM  `UUM TrID account netid type len`: 5;  UBM `UBM account netid type len` (MSNP16+ adds fields): 4
 *  SDG  `SDG TrID len`, `SDG 0 len`: 2;  NFY `NFY PUT|DEL len`: 2
 *  PUT / DEL `PUT TrID len`, reply `PUT TrID OK len`: 2
 */
const MIN_PARAMS: ReadonlyMap<string, number> = new Map(Object.entries({
  MSG: 3, NOT: 1, IPG: 1, PAG: 3, PGD: 3, QRY: 3, SDC: 3, GCF: 2, UUX: 2, UBX: 2,
  ADL: 2, RML: 2, FQY: 2, UUN: 4, UBN: 3, UUM: 5, UBM: 4, SDG: 2, NFY: 2, PUT: 2, DEL: 2,
}));

/** First protocol version whose error replies may carry a body (`NNN TrID len`, seen for 241 and 509). */
export const ERROR_BODY_MIN_VERSION = 13;

/**
 * Byte length of the body that follows this command line, or null when it has none.
 * `params` are the tokens after the verb (TrID included). `version` is the negotiated MSNP
 * version, null when unknown (capture started mid-session).
 *
 * Error lines (3-digit verbs, server only): `NNN TrID` never has a body; `NNN TrID len` has one
 * from MSNP13. With the version unknown, a numeric error line with exactly two numeric
 * parameters is taken to carry a body: earlier versions never send a second number there, so
 * the reading is unambiguous, and guessing "no body" would desynchronise the stream.
 */
export function payloadLength(
  verb: string,
  params: readonly string[],
  direction: Direction,
  version: number | null,
): number | null {
  const n = params.length;
  if (n === 0) return null;
  const code = verb.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) {
    if (direction !== 's2c' || n !== 2) return null;
    if (version !== null && version < ERROR_BODY_MIN_VERSION) return null;
    if (plainDecimal(params[0]) === null) return null;
    return plainDecimal(params[1]);
  }
  const min = MIN_PARAMS.get(verb);
  if (min === undefined || n < min) return null;
  return plainDecimal(params[n - 1]);
}

/** True when the verb can carry a body in some form (for display and detection). */
export function isPayloadVerb(verb: string): boolean {
  return MIN_PARAMS.has(verb) || /^[0-9]{3}$/.test(verb);
}
