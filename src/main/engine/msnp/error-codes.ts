// MSNP error codes and their meaning (`NNN TrID` replies; PROTOCOL.md "Error codes", seed 003's
// error list with examples, and the error table of libpurple's MSN plugin for the codes both
// sources agree on). Where the sources word a code differently, both readings are given.

const ERROR_MEANINGS: ReadonlyMap<number, string> = new Map([
  [200, 'syntax error'],
  [201, 'invalid parameter'],
  [205, 'invalid user (account does not exist)'],
  [206, 'domain name missing'],
  [207, 'already logged in'],
  [208, 'invalid user name'],
  [209, 'invalid friendly name'],
  [210, 'list full'],
  [215, 'already there (user already on the list / already in the session)'],
  [216, 'not on list'],
  [217, 'user not online'],
  [218, 'already in that mode'],
  [219, 'user is in the opposite list'],
  [223, 'too many groups'],
  [224, 'invalid group'],
  [225, 'user not in group'],
  [229, 'group name too long'],
  [230, 'cannot remove group 0'],
  [231, 'invalid group (group does not exist)'],
  [280, 'switchboard failed'],
  [281, 'transfer to switchboard failed'],
  [282, 'P2P error (message with ack mode D refused)'],
  [300, 'required field missing'],
  [301, 'too many hits to a FND'],
  [302, 'not logged in'],
  [500, 'internal server error'],
  [501, 'database server error'],
  [502, 'command disabled'],
  [510, 'file operation error'],
  [520, 'memory allocation error'],
  [540, 'challenge response failed'],
  [600, 'server busy'],
  [601, 'server unavailable'],
  [602, 'peer notification server down'],
  [603, 'database connect error'],
  [604, 'server is going down'],
  [605, 'server unavailable'],
  [707, 'cannot create connection'],
  [710, 'bad CVR parameters'],
  [711, 'write is blocking'],
  [712, 'session overload'],
  [713, 'calling too rapidly (user too active)'],
  [714, 'too many sessions'],
  [715, 'not expected (PAG disabled; Passport not verified)'],
  [717, 'bad friend file'],
  [731, 'not expected'],
  [800, 'changing too rapidly'],
  [910, 'server too busy'],
  [911, 'authentication failed'],
  [912, 'server too busy'],
  [913, 'not allowed when offline'],
  [914, 'server unavailable'],
  [915, 'server unavailable'],
  [916, 'server unavailable'],
  [917, 'authentication failed'],
  [918, 'server too busy'],
  [919, 'server too busy'],
  [920, 'not accepting new users'],
  [921, 'server too busy'],
  [922, 'server too busy'],
  [923, 'Kids Passport without parental consent'],
  [924, 'account not verified'],
  [928, 'bad ticket'],
]);

/** The meaning of an error code (number or 3-digit verb), or null when unknown. */
export function errorMeaning(code: number | string): string | null {
  const n = typeof code === 'number' ? code : /^[0-9]{3}$/.test(code) ? Number(code) : NaN;
  return ERROR_MEANINGS.get(n) ?? null;
}

/** Every known code, ascending (for documentation and filters). */
export function knownErrorCodes(): number[] {
  return [...ERROR_MEANINGS.keys()].sort((a, b) => a - b);
}
