// Names for the parameters of MSNP commands, by verb, direction and version (PROTOCOL.md
// "Connections and roles", "Versions"; hypothetic.org's command pages for MSNP2–9; the real
// captures for MSNP11–18 shapes). `text` marks URL-encoded fields shown decoded.

import type { MsnpCommand } from './msnp-command';

export interface ParamSpec {
  name: string;
  /** URL-encoded text (nickname, group name, msnobj…): shown percent-decoded. */
  text?: boolean;
}

type Shape = Array<string | ParamSpec>;
type Namer = (p: readonly string[], c2s: boolean, version: number | null, hasTrid: boolean) => Shape;

const NICK: ParamSpec = { name: 'nick', text: true };
const MSNOBJ: ParamSpec = { name: 'msnobj', text: true };
const GROUP_NAME: ParamSpec = { name: 'group name', text: true };
const AUTH_METHODS = new Set(['MD5', 'TWN', 'SSO', 'SHA']);
const isNum = (s: string | undefined): boolean => s !== undefined && /^[0-9]+$/.test(s);

/** The MSNP13+ trailer of XFR SB / RNG (`U messenger.msn.com 1`). */
const SB_TRAILER = ['extra flag', 'host', 'extra flag'];

/** MSNP14–17 put a network id after the account in NLN/ILN/FLN/UBX (`bob@example.com 1`). */
function hasNetworkId(p: readonly string[], accountAt: number, version: number | null, minAfter: number): boolean {
  if (!isNum(p[accountAt + 1])) return false;
  if (version !== null) return version >= 14 && version <= 17;
  return p.length - accountAt - 1 >= minAfter;
}

function presence(p: readonly string[], at: number, version: number | null): Shape {
  // status account [network id] nick capabilities msnobj
  const net = hasNetworkId(p, at + 1, version, 4);
  return ['status', 'account', ...(net ? ['network id'] : []), NICK, 'capabilities', MSNOBJ];
}

function usr(p: readonly string[], c2s: boolean): Shape {
  const method = p[1];
  if (method === 'OK') {
    // NS: `OK account [nick] verified kid` (nick until MSNP9); SB: `OK account nick`.
    return isNum(p[3]) ? ['TrID', 'status', 'account', 'verified', 'kid'] : ['TrID', 'status', 'account', NICK, 'verified', 'kid'];
  }
  if (!AUTH_METHODS.has(method)) return ['TrID', 'account', 'auth cookie']; // switchboard login
  const head = ['TrID', 'auth method', 'stage'];
  const stage = p[2];
  if (stage === 'I') return [...head, 'account'];
  if (method === 'SHA') return [...head, 'circle ticket'];
  if (method === 'MD5') return [...head, c2s ? 'MD5 hash' : 'salt'];
  if (method === 'TWN') return [...head, c2s ? 'ticket' : 'passport policy'];
  return c2s ? [...head, 'ticket', 'MBI response', 'machine GUID'] : [...head, 'policy', 'nonce'];
}

function lst(p: readonly string[], hasTrid: boolean): Shape {
  if (hasTrid) return ['TrID', 'list', 'list version', 'index', 'count', 'account', NICK, 'groups'];
  if (!p[0]?.startsWith('N=')) return ['account', NICK, 'lists', 'groups'];
  const out: Shape = [];
  let numbers = 0;
  for (const token of p) {
    if (token.startsWith('N=')) out.push('account');
    else if (token.startsWith('F=')) out.push(NICK);
    else if (token.startsWith('C=')) out.push('contact id');
    else if (isNum(token) && numbers < 2) out.push(numbers++ === 0 ? 'lists' : 'network id');
    else out.push('groups');
  }
  return out;
}

function prefixed(p: readonly string[], from: number): Shape {
  return p.slice(from).map((t) => (t.startsWith('N=') ? 'account' : t.startsWith('F=') ? NICK : t.startsWith('C=') ? 'contact id' : 'group id'));
}

/**
 * `[TrID] [list version] value…`: MSNP2–9 servers insert a list version into list-changing
 * replies, so the reply has one token more than the request (`RMG 24 3` → `RMG 24 11506 3`).
 */
function versioned(p: readonly string[], hasTrid: boolean, rest: Shape): Shape {
  if (!hasTrid) return rest;
  return p.length >= rest.length + 2 && isNum(p[1]) ? ['TrID', 'list version', ...rest] : ['TrID', ...rest];
}

const NAMERS: Record<string, Namer> = {
  VER: (p, _c, _v, t) => (t ? ['TrID', ...p.slice(1).map(() => 'version')] : p.map(() => 'version')),
  CVR: (_p, c2s) =>
    c2s
      ? ['TrID', 'locale id', 'OS type', 'OS version', 'CPU architecture', 'client name', 'client version', 'client id', 'account']
      : ['TrID', 'recommended version', 'recommended version (again)', 'minimum version', 'download URL', 'info URL'],
  INF: (p) => ['TrID', ...p.slice(1).map(() => 'auth method')],
  USR: (p, c2s) => usr(p, c2s),
  XFR: (p, c2s) => {
    if (c2s) return ['TrID', 'kind'];
    if (p[3] === 'CKI') return ['TrID', 'kind', 'address', 'auth method', 'cookie', ...SB_TRAILER];
    return ['TrID', 'kind', 'address', 'unused', p[4]?.includes(':') ? 'current server' : 'extra flag'];
  },
  RNG: () => ['session id', 'address', 'auth method', 'cookie', 'inviter', { name: 'inviter nick', text: true }, ...SB_TRAILER],
  ANS: (_p, c2s) => (c2s ? ['TrID', 'account', 'cookie', 'session id'] : ['TrID', 'status']),
  CAL: (_p, c2s) => (c2s ? ['TrID', 'account'] : ['TrID', 'status', 'session id']),
  IRO: () => ['TrID', 'index', 'count', 'account', NICK, 'capabilities'],
  JOI: () => ['account', NICK, 'capabilities'],
  BYE: () => ['account', 'reason'],
  NLN: (p, _c, v) => presence(p, 0, v),
  ILN: (p, _c, v) => ['TrID', ...presence(p, 1, v)],
  FLN: (p, _c, v) => ['account', ...(hasNetworkId(p, 0, v, 2) ? ['network id'] : []), 'capabilities'],
  CHG: () => ['TrID', 'status', 'capabilities', MSNOBJ],
  UBX: (p, _c, v) => ['account', ...(hasNetworkId(p, 0, v, 2) ? ['network id'] : []), 'length'],
  UUX: () => ['TrID', 'length'],
  LST: (p, _c, _v, t) => lst(p, t),
  LSG: (p, _c, _v, t) => {
    if (t) return ['TrID', 'list version', 'index', 'count', 'group id', GROUP_NAME, 'unused'];
    return isNum(p[0]) && p.length === 3 ? ['group id', GROUP_NAME, 'unused'] : [GROUP_NAME, 'group id'];
  },
  ADC: (p) => ['TrID', 'list', ...prefixed(p, 2)],
  ADD: (p) => (isNum(p[2]) ? ['TrID', 'list', 'list version', 'account', NICK, 'group id'] : ['TrID', 'list', 'account', NICK, 'group id']),
  REM: (p) => (isNum(p[2]) && p.length >= 4 ? ['TrID', 'list', 'list version', 'account', 'group id'] : ['TrID', 'list', 'account', 'group id']),
  REA: (p, _c, _v, t) => versioned(p, t, ['account', NICK]),
  ADG: (p, _c, _v, t) => versioned(p, t, [GROUP_NAME, 'group id']),
  RMG: (p, _c, _v, t) => versioned(p, t, ['group id']),
  REG: (p, _c, _v, t) => versioned(p, t, ['group id', GROUP_NAME, 'unused']),
  BLP: (p, _c, _v, t) => versioned(p, t, ['setting']),
  GTC: (p, _c, _v, t) => versioned(p, t, ['setting']),
  PRP: (p, _c, _v, t) => versioned(p, t, ['property', { name: 'value', text: true }]),
  BPR: () => ['property', { name: 'value', text: true }],
  SBP: () => ['TrID', 'contact id', 'property', { name: 'value', text: true }],
  SBS: () => ['TrID', 'value'],
  SYN: (p, c2s) => {
    if (c2s) return ['TrID', 'list version', 'settings version'];
    if (p.length >= 5) return ['TrID', 'list version', 'settings version', 'contacts', 'groups'];
    return p.length === 4 ? ['TrID', 'list version', 'contacts', 'groups'] : ['TrID', 'list version'];
  },
  URL: (_p, c2s) => (c2s ? ['TrID', 'service', 'parameter'] : ['TrID', 'redirect URL', 'post URL', 'site id']),
  OUT: () => ['reason'],
  QNG: () => ['seconds to next ping'],
  CHL: () => ['TrID', 'challenge'],
  QRY: () => ['TrID', 'product id', 'length'],
  MSG: (_p, c2s, _v, t) => (t || c2s ? ['TrID', 'ack mode', 'length'] : ['account', NICK, 'length']),
  ACK: () => ['TrID'],
  NAK: () => ['TrID'],
  NOT: () => ['length'],
  IPG: () => ['length'],
  GCF: (p) => (p.length >= 3 ? ['TrID', 'file', 'length'] : isNum(p[1]) ? ['TrID', 'length'] : ['TrID', 'file']),
  ADL: (p) => ['TrID', isNum(p[1]) ? 'length' : 'status'],
  RML: (p) => ['TrID', isNum(p[1]) ? 'length' : 'status'],
  FQY: () => ['TrID', 'length'],
  UUN: (p) => (p.length >= 4 ? ['TrID', 'account', 'type', 'length'] : ['TrID', 'status']),
  UBN: () => ['account', 'type', 'length'],
  UUM: () => ['TrID', 'account', 'network id', 'type', 'length'],
  PAG: () => ['TrID', 'account', 'type', 'length'],
  PGD: () => ['TrID', 'account', 'type', 'length'],
  SDG: () => ['TrID', 'length'],
  NFY: () => ['operation', 'length'],
  PUT: (p) => (p.length >= 3 ? ['TrID', 'status', 'length'] : ['TrID', 'length']),
  DEL: (p) => (p.length >= 3 ? ['TrID', 'status', 'length'] : ['TrID', 'length']),
};

/** Trailing length for the verbs whose middle fields vary (UBM, SDC). */
function lastIsLength(p: readonly string[], hasTrid: boolean): Shape {
  const out: Shape = p.map((_, i) => (i === 0 && hasTrid ? 'TrID' : `param ${i + 1}`));
  if (p.length > (hasTrid ? 1 : 0) && isNum(p[p.length - 1])) out[p.length - 1] = 'length';
  return out;
}

/** `UBM account netid type [more…] len`: the first three are fixed, later versions add before the length. */
function ubmShape(p: readonly string[]): Shape {
  const out = lastIsLength(p, false);
  const fixed = ['account', 'network id', 'type'];
  for (let i = 0; i < fixed.length && i < p.length - 1; i++) out[i] = fixed[i];
  return out;
}

/** One spec per parameter of `cmd` (unknown positions are named "param N", 1-based). */
export function paramSpecs(cmd: Pick<MsnpCommand, 'verb' | 'params' | 'trid' | 'direction'>, version: number | null): ParamSpec[] {
  const p = cmd.params;
  const hasTrid = cmd.trid !== null;
  let shape: Shape;
  if (/^[0-9]{3}$/.test(cmd.verb)) shape = ['TrID', 'length'];
  else if (cmd.verb === 'UBM') shape = ubmShape(p);
  else if (cmd.verb === 'SDC') shape = lastIsLength(p, hasTrid);
  else {
    const namer = NAMERS[cmd.verb];
    shape = namer ? namer(p, cmd.direction === 'c2s', version, hasTrid) : p.map((_, i) => (i === 0 && hasTrid ? 'TrID' : `param ${i + 1}`));
  }
  return p.map((_, i) => {
    const s = shape[i];
    if (s === undefined) return { name: `param ${i + 1}` };
    return typeof s === 'string' ? { name: s } : s;
  });
}
