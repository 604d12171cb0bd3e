// Account names as the analysis keys them. On the wire an account may carry a network prefix
// (`1:bob@example.com`, MSNP18+) and, from MSNP16, a point of presence (`bob@example.com;{guid}`):
// both are details of how the server routes, not who the person is, so they are dropped.
// Passport names are case-insensitive; they are lower-cased so that every sighting matches.

const NETWORK_PREFIX = /^\d{1,3}:/;

/** `1:Bob@Example.com;{960748A6-…}` → `bob@example.com`. */
export function normalizeAccount(raw: string): string {
  let account = raw.trim();
  const semicolon = account.indexOf(';');
  if (semicolon >= 0) account = account.slice(0, semicolon);
  if (NETWORK_PREFIX.test(account)) account = account.slice(account.indexOf(':') + 1);
  return account.toLowerCase();
}

/** True when the token looks like an account name (something@something), prefix and guid allowed. */
export function looksLikeAccount(token: string | undefined): token is string {
  if (token === undefined) return false;
  const at = token.indexOf('@');
  return at > 0 && at < token.length - 1 && token.length <= 320;
}

/** True when the token carries the MSNP18+ network prefix (`1:account`). */
export function hasNetworkPrefix(token: string): boolean {
  return NETWORK_PREFIX.test(token) && token.includes('@');
}

/** True when the token carries an MSNP16+ point of presence (`account;{guid}`). */
export function hasMachineGuid(token: string): boolean {
  return /;\{[0-9a-fA-F-]{36}\}$/.test(token);
}
