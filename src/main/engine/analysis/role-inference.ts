// Which server a connection talks to, inferred from what is said on it, never from the port
// (all three MSNP servers usually listen on 1863; PROTOCOL.md "Connections and roles"):
// - dispatch: VER/CVR/USR … I answered by `XFR n NS …`, then closed;
// - notification: login completes, contact list, presence, `XFR n SB`, RNG, UBX…;
// - switchboard: `USR n account cookie`, ANS, CAL, IRO, JOI, chat MSG relays, ACK/NAK;
// - peer: MSNFTP (`VER n MSNFTP`, FIL, TFR) or a direct P2P stream the pipeline hinted at.
// Evidence is counted, so one odd command does not flip a connection's role.

import type { Role } from '../../../shared/model';
import type { MsnpCommand } from '../msnp/msnp-command';
import { looksLikeAccount } from './account';

/** What a USR line is for: Passport/MD5/SSO login, switchboard login, MSNFTP login. */
export type UsrFlavor = 'login' | 'switchboard' | 'msnftp' | null;

export const AUTH_METHODS: ReadonlySet<string> = new Set(['TWN', 'MD5', 'SSO', 'SHA', 'CTP']);

const NOTIFICATION_VERBS: ReadonlySet<string> = new Set([
  'SYN', 'CHG', 'ILN', 'NLN', 'FLN', 'RNG', 'UBX', 'UUX', 'LSG', 'LST', 'ADL', 'RML', 'FQY', 'BLP', 'GTC',
  'PRP', 'SBS', 'SBP', 'CHL', 'QRY', 'GCF', 'ADC', 'ADD', 'REM', 'ADG', 'RMG', 'REG', 'REA', 'NOT', 'URL',
  'SDG', 'NFY', 'PUT', 'DEL', 'UUN', 'UBN', 'UUM', 'UBM', 'SDC', 'PGD', 'PAG', 'BPR', 'FND', 'SND', 'IPG',
]);
const SWITCHBOARD_VERBS: ReadonlySet<string> = new Set(['ANS', 'CAL', 'IRO', 'JOI', 'ACK', 'NAK']);
const PEER_VERBS: ReadonlySet<string> = new Set(['FIL', 'TFR', 'CCL']);

/** Classifies a USR line by its shape (`sentFlavor`: what the client's USR with this TrID was). */
export function usrFlavor(cmd: MsnpCommand, sentFlavor: UsrFlavor = null): UsrFlavor {
  const p = cmd.params;
  if (cmd.direction === 'c2s') {
    if (p[1] !== undefined && AUTH_METHODS.has(p[1])) return 'login';
    if (p.length >= 3 && looksLikeAccount(p[1])) return 'switchboard';
    if (p.length === 2 && looksLikeAccount(p[0])) return 'msnftp';
    return null;
  }
  if (sentFlavor) return sentFlavor;
  if (p[1] !== undefined && AUTH_METHODS.has(p[1])) return 'login';
  // `USR n OK account nick` on a switchboard; the NS adds a verified flag (and MSNP10+ a 0).
  if (p[1] === 'OK') return p.length === 4 ? 'switchboard' : 'login';
  return null;
}

export class RoleEvidence {
  private notification = 0;
  private weakNotification = 0;
  private switchboard = 0;
  private dispatch = 0;
  private peer = 0;

  observe(cmd: MsnpCommand, usr: UsrFlavor): void {
    const { verb, params: p, direction } = cmd;
    if (NOTIFICATION_VERBS.has(verb)) this.notification++;
    else if (SWITCHBOARD_VERBS.has(verb)) this.switchboard++;
    else if (PEER_VERBS.has(verb)) this.peer++;
    else if (verb === 'PNG' || verb === 'QNG') this.weakNotification++;
    else if (verb === 'VER' && p.includes('MSNFTP')) this.peer++;
    else if (verb === 'XFR') {
      if (p[1] === 'SB') this.notification++;
      else if (direction === 's2c' && p[1] === 'NS') this.dispatch++;
    } else if (verb === 'MSG') {
      // `MSG Hotmail Hotmail len` is the notification server's own mail.
      if (direction === 's2c' && p[0] === 'Hotmail') this.notification++;
      else this.switchboard++;
    } else if (verb === 'BYE') {
      // MSNFTP ends with `BYE code`; a switchboard says `BYE account`.
      if (p[0] !== undefined && /^\d+$/.test(p[0])) this.peer++;
      else this.switchboard++;
    } else if (verb === 'USR') {
      if (usr === 'switchboard') this.switchboard++;
      else if (usr === 'msnftp') this.peer++;
      // A server that challenges or accepts a login is a notification server (a dispatch
      // server only redirects with XFR NS).
      else if (usr === 'login' && direction === 's2c') this.notification++;
    }
  }

  /**
   * The role the evidence supports. `gateway` (the HTTP gateway's Server=NS|SB) outranks only
   * weak evidence; `hint` (the pipeline's guess) decides only when nothing was said.
   */
  role(gateway: Role | null, hint: Role | null): Role {
    if (this.peer > 0 && this.peer >= this.switchboard && this.notification === 0) return 'peer';
    if (this.switchboard > this.notification) return 'switchboard';
    if (this.notification > 0) return 'notification';
    if (this.dispatch > 0) return 'dispatch';
    if (gateway) return gateway;
    if (this.weakNotification > 0) return 'notification';
    return hint ?? 'unknown';
  }
}
