// The protocol version of a connection: negotiated by VER when the capture has it, otherwise
// inferred from command shapes, each of which only exists from some version on (PROTOCOL.md,
// "Versions"). The inferred version is the highest such floor seen: a lower bound, which is the
// best a capture that starts mid-session can say (the 2005 sample reads as MSNP11: UBX and msnobj).

import type { MsnpCommand } from '../msnp/msnp-command';
import { hasMachineGuid, hasNetworkPrefix } from './account';

const MSNP_TOKEN = /^MSNP(\d{1,2})$/;
const DIGITS = /^\d+$/;

/** Numbers of the `MSNPx` tokens of a VER line, in the order given. */
export function versionsInVer(params: readonly string[]): number[] {
  const out: number[] = [];
  for (const token of params) {
    const m = MSNP_TOKEN.exec(token);
    if (m) out.push(Number(m[1]));
  }
  return out;
}

/** True when a VER line names the MSNFTP protocol (direct file transfer, MSN 4–6). */
export function isMsnftpVer(params: readonly string[]): boolean {
  return params.includes('MSNFTP');
}

function hasMsnObject(params: readonly string[], from: number): boolean {
  for (let i = from; i < params.length; i++) {
    const p = params[i];
    if (p.startsWith('%3Cmsnobj') || p.startsWith('%3cmsnobj') || p.startsWith('<msnobj')) return true;
  }
  return false;
}

/** Presence lines `status account [netid] nick caps [msnobj]` (NLN; ILN after its TrID). */
function presenceFloor(p: readonly string[], at: number): number {
  const account = p[at + 1];
  if (account === undefined) return 0;
  let floor = 0;
  if (hasNetworkPrefix(account)) floor = 18;
  // MSNP14–17 put a network id between account and nick: `NLN NLN bob 1 Bob caps msnobj`.
  else if (p.length - at >= 6 && DIGITS.test(p[at + 2]) && DIGITS.test(p[at + 4] ?? '')) floor = 14;
  const caps = floor === 14 ? p[at + 4] : p[at + 3];
  if (caps !== undefined && /^\d+:\d+$/.test(caps)) floor = Math.max(floor, 16);
  else if (caps !== undefined && DIGITS.test(caps)) floor = Math.max(floor, 8);
  if (hasMsnObject(p, at + 3)) floor = Math.max(floor, 9);
  return floor;
}

/** The lowest protocol version in which this command, in this shape, exists; 0 when it says nothing. */
export function versionFloor(cmd: MsnpCommand): number {
  const p = cmd.params;
  const s2c = cmd.direction === 's2c';
  switch (cmd.verb) {
    case 'SDG':
    case 'NFY':
    case 'PUT':
    case 'DEL':
      return 21;
    case 'ADL':
    case 'RML':
    case 'FQY':
      return 13;
    case 'UUM':
    case 'UBM':
      return 14;
    case 'UBX':
      if (p[0] !== undefined && hasNetworkPrefix(p[0])) return 18;
      return p.length >= 3 && DIGITS.test(p[1]) ? 14 : 11;
    case 'UUX':
    case 'GCF':
      return 11;
    case 'ADC':
    case 'SBP':
      return 10;
    case 'PRP':
      return p.includes('MFN') ? 10 : 0;
    case 'LST':
      return p.some((t) => t.startsWith('N=')) ? 10 : 0;
    case 'LSG':
      // MSNP10+: `LSG name guid`.
      return s2c && p.length === 2 && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(p[1]) ? 10 : 0;
    case 'NLN':
      return s2c ? presenceFloor(p, 0) : 0;
    case 'ILN':
      return s2c ? presenceFloor(p, 1) : 0;
    case 'FLN':
      if (p[0] !== undefined && hasNetworkPrefix(p[0])) return 18;
      return p.length >= 2 && DIGITS.test(p[1]) ? 14 : 0;
    case 'CHG': {
      const caps = p[2];
      let floor = caps === undefined ? 0 : /^\d+:\d+$/.test(caps) ? 16 : DIGITS.test(caps) ? 8 : 0;
      if (hasMsnObject(p, 3)) floor = Math.max(floor, 9);
      return floor;
    }
    case 'IRO':
      // `IRO TrID i n account nick caps`: capabilities from MSNP12.
      if (p[3] !== undefined && hasMachineGuid(p[3])) return 16;
      return p.length >= 6 ? 12 : 0;
    case 'JOI':
      if (p[0] !== undefined && hasMachineGuid(p[0])) return 16;
      return p.length >= 3 ? 12 : 0;
    case 'USR':
      if (p.some((t) => hasMachineGuid(t))) return 16;
      if (p[1] === 'SSO') return 15;
      if (p[1] === 'TWN') return 8;
      return 0;
    case 'ANS':
      return p[1] !== undefined && hasMachineGuid(p[1]) ? 16 : 0;
    case 'QNG':
      return p.length >= 1 ? 9 : 0;
    case 'PGD':
      return 9;
    case 'MSG':
      return !s2c && p[1] === 'D' ? 9 : 0;
    case 'RNG':
      // `RNG sid addr CKI cookie inviter nick U host 1`: the trailing fields from MSNP13.
      return p.length >= 9 ? 13 : 0;
    case 'XFR':
      return s2c && p[1] === 'SB' && p.length >= 8 ? 13 : 0;
    default:
      return 0;
  }
}
