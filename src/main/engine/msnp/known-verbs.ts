// The MSNP command verbs this analyzer knows (MSNP2–MSNP21, client and server), used where a
// line must be recognised without context: resynchronising a framer after lost bytes and
// detecting MSNP on an arbitrary port. A verb missing here is still framed normally in line
// mode; it only cannot serve as a resynchronisation point.
// Sources: PROTOCOL.md, the command table of seed 003, hypothetic.org's command reference.

export const KNOWN_VERBS: ReadonlySet<string> = new Set([
  // connection, login, versions
  'VER', 'CVR', 'INF', 'USR', 'XFR', 'OUT', 'PNG', 'QNG', 'CHL', 'QRY', 'GCF', 'SBS',
  // presence
  'CHG', 'ILN', 'NLN', 'FLN', 'UUX', 'UBX', 'UUN', 'UBN',
  // contact lists and settings (MSNP2–12), address book lists (MSNP13+)
  'SYN', 'LST', 'LSG', 'ADD', 'ADC', 'REM', 'REA', 'ADG', 'RMG', 'REG', 'BLP', 'GTC', 'PRP',
  'BPR', 'SBP', 'ADL', 'RML', 'FQY', 'FND', 'SND', 'URL', 'SDC',
  // notifications and pages
  'MSG', 'NOT', 'IPG', 'PAG', 'PGD', 'UUM', 'UBM', 'RNG',
  // switchboard
  'ANS', 'CAL', 'JOI', 'IRO', 'BYE', 'ACK', 'NAK',
  // MSNP21
  'SDG', 'NFY', 'PUT', 'DEL',
]);

/**
 * Each known verb as the one string constant the code compares against. A verb cut from a line
 * is a fresh string: every `verb === 'MSG'` and every switch case then compares characters;
 * with the constant itself they compare pointers.
 */
const CANONICAL_VERBS: ReadonlyMap<string, string> = new Map([...KNOWN_VERBS].map((verb) => [verb, verb]));

/** The shared constant for a known verb, else the token itself. */
export function canonicalVerb(token: string): string {
  return CANONICAL_VERBS.get(token) ?? token;
}

function allInRange(token: string, low: number, high: number): boolean {
  if (token.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = token.charCodeAt(i);
    if (c < low || c > high) return false;
  }
  return true;
}

/** True for a 3-character token made of upper-case ASCII letters (hot path: no regex). */
export function isUpperVerb(token: string): boolean {
  return allInRange(token, 0x41, 0x5a);
}

/** True for a 3-digit error code token. */
export function isErrorVerb(token: string): boolean {
  return allInRange(token, 0x30, 0x39);
}
