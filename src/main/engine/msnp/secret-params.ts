// Which parameters of an MSNP command are credentials, so that reports and views can redact them
// (the analysis layer does the redacting; this module only knows the positions).
//
// Secrets: login tickets and hashes (`USR TrID TWN S ticket`, `USR TrID MD5 S md5hash`,
// `USR TrID SSO S ticket mbi-response`, `USR TrID SHA A circle-ticket`) and the switchboard
// auth cookies (`XFR … CKI cookie`, `RNG … CKI cookie`, `USR TrID account cookie`,
// `ANS TrID account cookie sessionid`): a cookie admits whoever presents it to that
// switchboard session, so it is a session credential and is redacted too.
// Not secrets: the server's MD5 salt, TWN policy and SSO nonce (challenges sent in the clear),
// and the QRY body: a challenge answer computed from the public challenge and the client's
// public product key, reusable for nothing. `MSPAuth` in MSG bodies is handled with messages.

import type { MsnpCommand } from './msnp-command';

const LOGIN_METHODS = new Set(['MD5', 'TWN', 'SSO', 'SHA']);

/** Parameter positions (indexes into `cmd.params`) that hold credentials. */
export function secretParamIndexes(cmd: Pick<MsnpCommand, 'verb' | 'params' | 'direction'>): number[] {
  const p = cmd.params;
  const c2s = cmd.direction === 'c2s';
  const present = (indexes: number[]): number[] => indexes.filter((i) => i < p.length);
  switch (cmd.verb) {
    case 'USR': {
      if (!c2s) return [];
      const method = p[1];
      if (method !== undefined && LOGIN_METHODS.has(method)) {
        if (method === 'SHA') return p[2] === 'A' ? present([3]) : [];
        if (p[2] !== 'S') return [];
        return method === 'SSO' ? present([3, 4]) : present([3]);
      }
      // Switchboard login `USR TrID account cookie`.
      return p.length >= 3 && method !== 'OK' ? [2] : [];
    }
    case 'ANS':
      return c2s && p.length >= 3 ? [2] : [];
    case 'XFR':
      return !c2s && p[3] === 'CKI' ? present([4]) : [];
    case 'RNG':
      return p[2] === 'CKI' ? present([3]) : [];
    default:
      return [];
  }
}
