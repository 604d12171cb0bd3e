// Offline messages and notification-server messages (UUM, UBM, OIM), one record per message.
// A message seen more than once is one record with every connection that saw it: the same OIM
// announced at login and again later (same id), its text found afterwards in a SOAP GetMessage,
// a UUM seen on two connections of the sender (same sender, recipient and text within a minute).

import type { OfflineMessageRecord } from '../../../shared/model';
import { formatTimeUs } from './time-format';

const MAX_RECORDS = 100_000;
/** Two sightings of the same text between the same people this close are one message. */
const SAME_MESSAGE_US = 60_000_000;

export interface OfflineSighting {
  frame: number;
  tsUs: number;
  /** The MSNP connection, or null (SOAP over HTTP). */
  connection: number | null;
  source: OfflineMessageRecord['source'];
  from: string | null;
  nick?: string | null;
  to: string | null;
  text: string | null;
  networkId?: number | null;
  sentTime?: string | null;
  id?: string | null;
}

export class OfflineMessageLog {
  private readonly records: OfflineMessageRecord[] = [];
  /** OIM id → its record. */
  private readonly byId = new Map<string, OfflineMessageRecord>();
  /** `from\0to\0text` → the latest record with that text, and when it was seen. */
  private readonly byText = new Map<string, { record: OfflineMessageRecord; tsUs: number }>();

  add(s: OfflineSighting): void {
    const textKey = s.text === null ? null : `${s.from ?? ''}\u0000${s.to ?? ''}\u0000${s.text}`;
    const earlier = (s.id ? this.byId.get(s.id) : undefined) ?? this.recentWithText(textKey, s.tsUs);
    if (earlier) {
      this.fold(earlier, s);
      if (textKey) this.byText.set(textKey, { record: earlier, tsUs: s.tsUs });
      return;
    }
    if (this.records.length >= MAX_RECORDS) return;
    const rec: OfflineMessageRecord = { frame: s.frame, time: formatTimeUs(s.tsUs), source: s.source, from: s.from, to: s.to, text: s.text, connections: s.connection === null ? [] : [s.connection] };
    if (s.nick) rec.nick = s.nick;
    if (s.networkId !== undefined && s.networkId !== null) rec.networkId = s.networkId;
    if (s.sentTime) rec.sentTime = s.sentTime;
    if (s.id) {
      rec.id = s.id;
      this.byId.set(s.id, rec);
    }
    if (textKey) this.byText.set(textKey, { record: rec, tsUs: s.tsUs });
    this.records.push(rec);
  }

  private recentWithText(key: string | null, tsUs: number): OfflineMessageRecord | undefined {
    if (key === null) return undefined;
    const seen = this.byText.get(key);
    return seen && tsUs - seen.tsUs <= SAME_MESSAGE_US ? seen.record : undefined;
  }

  /** What a later sighting adds: its connection, and whatever the first one lacked. */
  private fold(rec: OfflineMessageRecord, s: OfflineSighting): void {
    if (s.connection !== null && !rec.connections.includes(s.connection)) rec.connections.push(s.connection);
    if (rec.text === null && s.text !== null) rec.text = s.text;
    if (!rec.nick && s.nick) rec.nick = s.nick;
    rec.from ??= s.from;
    rec.to ??= s.to;
    if (!rec.sentTime && s.sentTime) rec.sentTime = s.sentTime;
  }

  all(): OfflineMessageRecord[] {
    return this.records;
  }
}
