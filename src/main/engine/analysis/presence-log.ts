// Presence over time: status changes (CHG for the user's own status; ILN/NLN/FLN for contacts)
// and personal messages (UBX from the server, UUX from the client), one record per change.
// The same change seen on two notification connections (alice's CHG and bob's NLN for alice)
// is two observations and kept twice; what repeats on one connection without changing anything
// (the server's echo of a CHG, NLN sent again with the same status) is not recorded again.

import type { PresenceRecord } from '../../../shared/model';
import { formatTimeUs } from './time-format';

interface Known {
  status: string | null;
  nick: string | null;
  personalMessage: string;
}

const MAX_RECORDS = 1_000_000;
const MAX_KNOWN = 200_000;

export class PresenceLog {
  private readonly records: PresenceRecord[] = [];
  /** `${connection}\u0000${account}` → what that connection last said about the account. */
  private readonly known = new Map<string, Known>();

  private state(connection: number, account: string): Known {
    const key = `${connection}\u0000${account}`;
    let k = this.known.get(key);
    if (!k) {
      k = { status: null, nick: null, personalMessage: '' };
      if (this.known.size < MAX_KNOWN) this.known.set(key, k);
    }
    return k;
  }

  private push(frame: number, tsUs: number, account: string, k: Known, withMessage: boolean): void {
    if (this.records.length >= MAX_RECORDS) return;
    const rec: PresenceRecord = { frame, time: formatTimeUs(tsUs), account, status: k.status ?? 'unknown' };
    if (k.nick) rec.nick = k.nick;
    // An offline record says nothing about the personal message.
    if (withMessage || (k.personalMessage && k.status !== 'FLN')) rec.personalMessage = k.personalMessage;
    this.records.push(rec);
  }

  /**
   * What one command says about `account` on `connection` (nick decoded; personal message ''
   * when empty): one record when anything changed.
   */
  observe(connection: number, frame: number, tsUs: number, account: string, seen: { status?: string; nick?: string | null; personalMessage?: string }): void {
    const k = this.state(connection, account);
    const statusChanged = seen.status !== undefined && k.status !== seen.status;
    const nickChanged = !!seen.nick && k.nick !== seen.nick;
    const messageChanged = seen.personalMessage !== undefined && k.personalMessage !== seen.personalMessage;
    if (seen.status !== undefined) k.status = seen.status;
    if (seen.nick) k.nick = seen.nick;
    if (seen.personalMessage !== undefined) k.personalMessage = seen.personalMessage;
    if (statusChanged || nickChanged || messageChanged) this.push(frame, tsUs, account, k, messageChanged);
  }

  /** A status seen for `account` on `connection` (nick when the line names one, decoded). */
  status(connection: number, frame: number, tsUs: number, account: string, status: string, nick: string | null): void {
    this.observe(connection, frame, tsUs, account, { status, nick });
  }

  /** A personal message seen for `account` on `connection` ('' when empty). */
  personalMessage(connection: number, frame: number, tsUs: number, account: string, text: string): void {
    this.observe(connection, frame, tsUs, account, { personalMessage: text });
  }

  all(): PresenceRecord[] {
    return this.records;
  }
}
