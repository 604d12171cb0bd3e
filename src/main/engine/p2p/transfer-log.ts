// Every invitation's fate (issue 10): one entry per legacy text/x-msmsgsinvite or MSNSLP
// INVITE (sessionreqbody), over the switchboard, the notification server or a direct connection,
// whether or not data followed. The invitation machinery reports the answer (ACCEPT / 200 OK,
// CANCEL / 603 / other status, BYE), the data paths report the bytes as they are placed, and the
// receiver's confirmation (its final ACK or BYE) is read off the rebuilt file's record. The fate
// is derived when the result is built: offered → accepted / declined / cancelled / failed →
// stalled (some bytes, not all) or completed (every byte seen) → confirmed.
// Spec: PROTOCOL.md "Legacy invitations", "P2P / MSNSLP".

import type { FileRecord, TransferConfirmation, TransferRecord, TransferStep } from '../../../shared/model';
import { formatTimeUs } from '../analysis/time-format';

export type TransferVia = TransferRecord['via'];
export type DataVia = NonNullable<TransferRecord['dataVia']>;

export interface TransferOffer {
  source: TransferRecord['source'];
  via: TransferVia;
  kind: string;
  name: string | null;
  size: number | null;
  /** Sender and receiver of the data. */
  from: string | null;
  to: string | null;
  session: number | null;
  id: string;
  sessionId: number | null;
  frame: number;
  tsUs: number;
}

interface Entry {
  record: Omit<TransferRecord, 'fate' | 'received' | 'complete' | 'confirmed' | 'lastDataTime' | 'file'>;
  fileKey: string | null;
  lastDataTsUs: number | null;
}

/** Invitations followed at most (a hostile capture could send millions). */
const MAX_TRANSFERS = 10_000;

export interface FileLookup {
  get(key: string): FileRecord | null;
  records(): FileRecord[];
}

export class TransferLog {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  private readonly byFileKey = new Map<string, Entry>();

  constructor(private readonly files: FileLookup) {}

  /** An invitation (the first sighting wins; a later copy fills in what the first lacked). */
  offer(key: string, o: TransferOffer): void {
    const known = this.byKey.get(key);
    if (known) {
      const r = known.record;
      r.name ??= o.name;
      r.size ??= o.size;
      r.from ??= o.from;
      r.to ??= o.to;
      r.sessionId ??= o.sessionId;
      if (r.kind === 'unknown') r.kind = o.kind;
      return;
    }
    if (this.entries.length >= MAX_TRANSFERS) return;
    const entry: Entry = {
      record: {
        frame: o.frame,
        time: formatTimeUs(o.tsUs),
        source: o.source,
        via: o.via,
        kind: o.kind,
        name: o.name,
        size: o.size,
        from: o.from,
        to: o.to,
        session: o.session,
        id: o.id,
        sessionId: o.sessionId,
        accepted: null,
        declined: null,
        cancelled: null,
        firstDataFrame: null,
        lastDataFrame: null,
        dataVia: null,
      },
      fileKey: null,
      lastDataTsUs: null,
    };
    this.entries.push(entry);
    this.byKey.set(key, entry);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  accept(key: string, by: string | null, frame: number, tsUs: number, reason: string | null): void {
    const entry = this.byKey.get(key);
    if (entry && !entry.record.accepted && !entry.record.declined) entry.record.accepted = step(by, frame, tsUs, reason);
  }

  /** A refusal: 603 Decline or CANCEL REJECT (`declined`), another MSNSLP error status (`failed`, kept as declined with its status). */
  decline(key: string, by: string | null, frame: number, tsUs: number, reason: string | null): void {
    const entry = this.byKey.get(key);
    if (entry && !entry.record.declined && !entry.record.accepted) entry.record.declined = step(by, frame, tsUs, reason);
  }

  /** A CANCEL (legacy) or a BYE that is not the receiver confirming a complete file. */
  cancel(key: string, by: string | null, frame: number, tsUs: number, reason: string | null): void {
    const entry = this.byKey.get(key);
    if (!entry || entry.record.cancelled || entry.record.declined) return;
    if (this.confirmation(entry)) return;
    entry.record.cancelled = step(by, frame, tsUs, reason);
  }

  /**
   * An MSNSLP BYE: from the receiver once every byte is there, it confirms the file; from the
   * sender after completion it only closes the session; otherwise it cancels the transfer.
   */
  bye(key: string, by: string | null, frame: number, tsUs: number, reason: string | null): void {
    const entry = this.byKey.get(key);
    if (!entry) return;
    const file = entry.fileKey !== null ? this.files.get(entry.fileKey) : null;
    if (file?.complete) {
      if (by !== null && by === entry.record.to && !file.confirmed) file.confirmed = { by, frame, time: formatTimeUs(tsUs), how: 'BYE' };
      return;
    }
    this.cancel(key, by, frame, tsUs, reason);
  }

  /** The invitation's data goes into the file store under `fileKey`. */
  linkFile(key: string, fileKey: string, via: DataVia): void {
    const entry = this.byKey.get(key);
    if (!entry || entry.fileKey !== null) return;
    entry.fileKey = fileKey;
    entry.record.dataVia = via;
    this.byFileKey.set(fileKey, entry);
  }

  /** Bytes of the file under `fileKey` were placed at `frame`. */
  data(fileKey: string, frame: number, tsUs: number): void {
    const entry = this.byFileKey.get(fileKey);
    if (!entry) return;
    entry.record.firstDataFrame ??= frame;
    if (entry.record.lastDataFrame === null || frame >= entry.record.lastDataFrame) {
      entry.record.lastDataFrame = frame;
      entry.lastDataTsUs = tsUs;
    }
  }

  records(): TransferRecord[] {
    const index = new Map(this.files.records().map((f, i) => [f, i]));
    return this.entries.map((entry) => {
      const file = entry.fileKey !== null ? this.files.get(entry.fileKey) : null;
      const confirmed = this.confirmation(entry);
      const received = file?.received ?? 0;
      const complete = file?.complete ?? false;
      const r = entry.record;
      return {
        ...r,
        fate: fateOf(r, received, complete, confirmed),
        received,
        complete,
        confirmed,
        lastDataTime: entry.lastDataTsUs !== null ? formatTimeUs(entry.lastDataTsUs) : null,
        file: file ? (index.get(file) ?? null) : null,
      };
    });
  }

  private confirmation(entry: Entry): TransferConfirmation | null {
    return entry.fileKey !== null ? (this.files.get(entry.fileKey)?.confirmed ?? null) : null;
  }
}

function step(by: string | null, frame: number, tsUs: number, reason: string | null): TransferStep {
  return { by, frame, time: formatTimeUs(tsUs), reason };
}

function fateOf(r: Entry['record'], received: number, complete: boolean, confirmed: TransferConfirmation | null): TransferRecord['fate'] {
  if (complete) return confirmed ? 'confirmed' : 'completed';
  if (r.declined) return /^603\b|^REJECT/i.test(r.declined.reason ?? '') ? 'declined' : 'failed';
  if (r.cancelled) return 'cancelled';
  if (received > 0) return 'stalled';
  return r.accepted ? 'accepted' : 'offered';
}
