// Presence over time: status changes (CHG for the user's own status; ILN/NLN/FLN for contacts)
// and personal messages (UBX from the server, UUX from the client), one record per change.
// What repeats on one connection without changing anything (the server's echo of a CHG, NLN
// sent again with the same status) is not recorded again. The same change seen on several
// notification connections (alice's CHG, then bob's NLN for alice) is one record: a sighting
// that says what a recent record of that account says (the same status, and the same personal
// message or nick when the command names one), within FOLD_US, is added to that record's
// `seenBy` instead of making a new one — when its connection is not yet among the observers, or
// when that record is the last one it saw (a status and then the personal message of the same
// change, as a contact's NLN and UBX arrive one after the other).

import type { PresenceObserver, PresenceRecord } from '../../../shared/model';
import { formatTimeUs } from './time-format';

interface Known {
  status: string | null;
  nick: string | null;
  personalMessage: string;
  /** The record this connection's latest sighting of the account went to. */
  last: PresenceRecord | null;
}

/** What one command said: the parts that changed on its connection. */
interface Said {
  status: boolean;
  nick: boolean;
  message: boolean;
}

const MAX_RECORDS = 1_000_000;
const MAX_KNOWN = 200_000;
/** Sightings this close of the same change are one change (server fan-out, a login's ILN list). */
const FOLD_US = 5_000_000;
/** Recent records kept per account to fold into (a few changes within FOLD_US at most). */
const RECENT_PER_ACCOUNT = 8;
const MAX_RECENT_ACCOUNTS = 200_000;

interface Recent {
  record: PresenceRecord;
  tsUs: number;
}

/** True when `rec` already says what the sighting said (and is in the same status). */
function saysTheSame(rec: PresenceRecord, k: Known, said: Said): boolean {
  if (rec.status !== (k.status ?? 'unknown')) return false;
  if (said.message && (rec.personalMessage ?? '') !== k.personalMessage) return false;
  return !said.nick || !rec.nick || rec.nick === k.nick;
}

export class PresenceLog {
  private readonly records: PresenceRecord[] = [];
  /** `${connection}\u0000${account}` → what that connection last said about the account. */
  private readonly known = new Map<string, Known>();
  /** account → its latest records (oldest first), for folding sightings from other connections. */
  private readonly recent = new Map<string, Recent[]>();

  private state(connection: number, account: string): Known {
    const key = `${connection}\u0000${account}`;
    let k = this.known.get(key);
    if (!k) {
      k = { status: null, nick: null, personalMessage: '', last: null };
      if (this.known.size < MAX_KNOWN) this.known.set(key, k);
    }
    return k;
  }

  private push(observer: PresenceObserver, tsUs: number, account: string, k: Known, said: Said): void {
    const recent = this.recent.get(account) ?? [];
    const same = recent.find(({ record, tsUs: at }) => {
      if (tsUs - at > FOLD_US || !saysTheSame(record, k, said)) return false;
      return k.last === record || !record.seenBy.some((o) => o.connection === observer.connection);
    })?.record;
    if (same) {
      if (!same.seenBy.some((o) => o.connection === observer.connection)) same.seenBy.push(observer);
      if (!same.nick && k.nick) same.nick = k.nick;
      k.last = same;
      return;
    }
    if (this.records.length >= MAX_RECORDS) return;
    const rec: PresenceRecord = { frame: observer.frame, time: formatTimeUs(tsUs), account, status: k.status ?? 'unknown', seenBy: [observer] };
    if (k.nick) rec.nick = k.nick;
    // An offline record says nothing about the personal message.
    if (said.message || (k.personalMessage && k.status !== 'FLN')) rec.personalMessage = k.personalMessage;
    k.last = rec;
    this.records.push(rec);
    recent.push({ record: rec, tsUs });
    if (recent.length > RECENT_PER_ACCOUNT) recent.shift();
    if (recent.length === 1 && this.recent.size < MAX_RECENT_ACCOUNTS) this.recent.set(account, recent);
  }

  /**
   * What one command says about `account` on `connection` (nick decoded; personal message ''
   * when empty): one record when anything changed.
   */
  observe(connection: number, observer: string | null, frame: number, tsUs: number, account: string, seen: { status?: string; nick?: string | null; personalMessage?: string }): void {
    const k = this.state(connection, account);
    const statusChanged = seen.status !== undefined && k.status !== seen.status;
    const nickChanged = !!seen.nick && k.nick !== seen.nick;
    const messageChanged = seen.personalMessage !== undefined && k.personalMessage !== seen.personalMessage;
    if (seen.status !== undefined) k.status = seen.status;
    if (seen.nick) k.nick = seen.nick;
    if (seen.personalMessage !== undefined) k.personalMessage = seen.personalMessage;
    if (statusChanged || nickChanged || messageChanged) this.push({ connection, account: observer, frame }, tsUs, account, k, { status: statusChanged, nick: nickChanged, message: messageChanged });
  }

  /** A status seen for `account` on `connection` (nick when the line names one, decoded). */
  status(connection: number, observer: string | null, frame: number, tsUs: number, account: string, status: string, nick: string | null): void {
    this.observe(connection, observer, frame, tsUs, account, { status, nick });
  }

  /** A personal message seen for `account` on `connection` ('' when empty). */
  personalMessage(connection: number, observer: string | null, frame: number, tsUs: number, account: string, text: string): void {
    this.observe(connection, observer, frame, tsUs, account, { personalMessage: text });
  }

  /** Every record; observers whose account was learned after the sighting get it from `accountOf`. */
  all(accountOf: (connection: number) => string | null): PresenceRecord[] {
    for (const rec of this.records) for (const o of rec.seenBy) o.account ??= accountOf(o.connection);
    return this.records;
  }
}
