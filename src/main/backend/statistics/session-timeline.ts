// Answers stats:timeline from the analysis result: switchboard sessions (from their connections'
// first to last frame), chat messages, file transfers (offer to last chunk) and presence (each
// change of an account's status until its next), placed in time by their frames' timestamps in the
// packet table, so every time is exactly that of a frame. By conversation: a row per session, per
// transfer outside a session and per account's presence; by account: one row per account with the
// sessions it took part in, the messages it sent, the files it sent or received and its presence.

import type { AnalysisResult, FileRecord, SessionRecord } from '../../../shared/model';
import { presenceState, type TimelineGrouping, type TimelineItem, type TimelineResponse, type TimelineRow, type TimelineStrip, type TimelineTransfer } from '../../../shared/timeline';
import type { PacketTable } from '../packet-table';

/** Bounds for an attacker-made flood of sessions or messages: the answer stays small. */
export const MAX_TIMELINE_ROWS = 2000;
export const MAX_TIMELINE_TICKS = 50_000;

type Sources = Pick<AnalysisResult, 'connections' | 'sessions' | 'files' | 'presence'>;

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

class TimelineBuilder {
  readonly rows: TimelineRow[] = [];
  readonly bars: TimelineItem[] = [];
  readonly ticks: TimelineItem[] = [];
  readonly transfers: TimelineTransfer[] = [];
  readonly strips: TimelineStrip[] = [];
  private readonly byKey = new Map<string, number>();
  droppedRows = 0;
  droppedTicks = 0;

  constructor(private readonly table: PacketTable) {}

  /** Microseconds since the first frame of frame `number` (clamped to the frames there are). */
  at(number: number): number {
    const size = this.table.size;
    if (size === 0) return 0;
    const index = Math.min(size, Math.max(1, number)) - 1;
    return this.table.timeUs(index) - this.table.timeUs(0);
  }

  /** The row for `key`, made on first use; −1 past the row limit. */
  row(key: string, label: string, kind: TimelineRow['kind']): number {
    let index = this.byKey.get(key);
    if (index === undefined) {
      if (this.rows.length >= MAX_TIMELINE_ROWS) {
        this.droppedRows++;
        return -1;
      }
      index = this.rows.length;
      this.rows.push({ label, kind });
      this.byKey.set(key, index);
    }
    return index;
  }

  tick(row: number, frame: number, label: string): void {
    if (row < 0) return;
    if (this.ticks.length >= MAX_TIMELINE_TICKS) {
      this.droppedTicks++;
      return;
    }
    const t = this.at(frame);
    this.ticks.push({ row, startUs: t, endUs: t, frame, label });
  }

  sessionBar(row: number, session: SessionRecord, span: { first: number; last: number }): void {
    if (row < 0) return;
    const who = session.participants.map((p) => p.account).join(', ');
    this.bars.push({ row, startUs: this.at(span.first), endUs: this.at(span.last), frame: span.first, label: `Session ${session.id}${who ? `: ${who}` : ''} (${session.messages.length} messages)` });
  }

  transfer(row: number, file: FileRecord): void {
    if (row < 0) return;
    const received = file.received ?? 0;
    this.transfers.push({
      row, startUs: this.at(file.frame), endUs: this.at(file.lastFrame ?? file.frame), frame: file.frame,
      label: `${file.name}: ${received} of ${file.size} bytes${file.complete ? '' : ' (incomplete)'} (${file.from ?? '?'} → ${file.to ?? '?'})`,
      received, size: file.size, complete: file.complete,
    });
  }

  presence(rowOf: (account: string) => number, result: Sources): void {
    // Per account (first spelling seen), its status changes; nick and personal-message changes keep the status: one strip goes on.
    const byAccount = new Map<string, { account: string; changes: { frame: number; status: string }[] }>();
    for (const p of result.presence) {
      const key = p.account.toLowerCase();
      let entry = byAccount.get(key);
      if (!entry) byAccount.set(key, (entry = { account: p.account, changes: [] }));
      const last = entry.changes[entry.changes.length - 1];
      if (!last || last.status !== p.status) entry.changes.push({ frame: p.frame, status: p.status });
    }
    const end = this.table.size;
    for (const { account, changes } of byAccount.values()) {
      const row = rowOf(account);
      if (row < 0) continue;
      changes.forEach((c, k) => {
        const next = changes[k + 1];
        this.strips.push({
          row, startUs: this.at(c.frame), endUs: this.at(next ? next.frame : end), frame: c.frame,
          label: `${account}: ${c.status}`, state: presenceState(c.status), status: c.status,
        });
      });
    }
  }
}

/**
 * First and last frame of each MSNP connection's TCP stream (handshake and closing ACKs included,
 * as tshark's conversation spans them), by connection id: one pass over the packet table.
 */
function connectionSpans(table: PacketTable): Map<number, { first: number; last: number }> {
  const streamOf = new Map<number, number>();
  const byStream = new Map<number, { first: number; last: number }>();
  for (let i = 0; i < table.size; i++) {
    const stream = table.stream(i);
    if (stream < 0) continue;
    const connection = table.connection(i);
    if (connection >= 0 && !streamOf.has(connection)) streamOf.set(connection, stream);
    const span = byStream.get(stream);
    if (span) span.last = i + 1;
    else byStream.set(stream, { first: i + 1, last: i + 1 });
  }
  const out = new Map<number, { first: number; last: number }>();
  for (const [connection, stream] of streamOf) out.set(connection, byStream.get(stream)!);
  return out;
}

/** Each session's first and last frame, from its connections' streams (or its records' frames). */
function sessionSpans(table: PacketTable, result: Sources): Map<number, { first: number; last: number }> {
  const streams = connectionSpans(table);
  const connections = new Map(result.connections.map((c) => [c.id, c]));
  const out = new Map<number, { first: number; last: number }>();
  for (const s of result.sessions) {
    let first = Infinity;
    let last = -Infinity;
    for (const id of s.connections) {
      // The record's own frames too: an HTTP-gateway connection spans many TCP streams.
      const record = connections.get(id);
      for (const span of [streams.get(id), record && { first: record.firstFrame, last: record.lastFrame }]) {
        if (!span) continue;
        first = Math.min(first, span.first);
        last = Math.max(last, span.last);
      }
    }
    for (const m of s.messages) {
      first = Math.min(first, m.frame);
      last = Math.max(last, m.frame);
    }
    if (Number.isFinite(first)) out.set(s.id, { first, last });
  }
  return out;
}

function byConversation(b: TimelineBuilder, result: Sources, spans: Map<number, { first: number; last: number }>): void {
  const sessionRow = new Map<number, number>();
  for (const s of result.sessions) {
    const span = spans.get(s.id);
    if (!span) continue;
    const who = s.participants.map((p) => p.account).join(', ');
    const row = b.row(`session:${s.id}`, `Session ${s.id}${who ? `: ${who}` : ''}`, 'session');
    sessionRow.set(s.id, row);
    b.sessionBar(row, s, span);
    for (const m of s.messages) b.tick(row, m.frame, `${m.from}: ${shorten(m.text)}`);
  }
  result.files.forEach((f, k) => {
    const inSession = f.session !== null && f.session !== undefined ? sessionRow.get(f.session) : undefined;
    if (inSession !== undefined) {
      b.transfer(inSession, f);
      return;
    }
    // A transfer outside any switchboard session (direct P2P, MSNFTP): a row and bar of its own.
    const row = b.row(`file:${k}`, `Transfer: ${f.name}`, 'transfer');
    if (row < 0) return;
    b.bars.push({ row, startUs: b.at(f.frame), endUs: b.at(f.lastFrame ?? f.frame), frame: f.frame, label: `P2P transfer of ${f.name} (${f.via ?? f.kind})` });
    b.transfer(row, f);
  });
  b.presence((account) => b.row(`presence:${account.toLowerCase()}`, `Presence: ${account}`, 'presence'), result);
}

function byAccount(b: TimelineBuilder, result: Sources, spans: Map<number, { first: number; last: number }>): void {
  const rowOf = (account: string) => b.row(`account:${account.toLowerCase()}`, account, 'account');
  for (const c of result.connections) if (c.account) rowOf(c.account);
  for (const s of result.sessions) {
    const span = spans.get(s.id);
    if (!span) continue;
    const members = new Map<string, string>();
    for (const p of s.participants) members.set(p.account.toLowerCase(), p.account);
    for (const m of s.messages) if (!members.has(m.from.toLowerCase())) members.set(m.from.toLowerCase(), m.from);
    for (const account of members.values()) b.sessionBar(rowOf(account), s, span);
    for (const m of s.messages) b.tick(rowOf(m.from), m.frame, `${m.from}: ${shorten(m.text)}`);
  }
  for (const f of result.files) {
    const rows = new Set([f.from, f.to].filter((a): a is string => !!a).map(rowOf));
    for (const row of rows) b.transfer(row, f);
  }
  b.presence(rowOf, result);
}

export function sessionTimeline(table: PacketTable, result: Sources | null, grouping: TimelineGrouping): TimelineResponse {
  const b = new TimelineBuilder(table);
  if (result) {
    const spans = sessionSpans(table, result);
    if (grouping === 'account') byAccount(b, result, spans);
    else byConversation(b, result, spans);
  }
  const notes = [
    b.droppedRows ? `${b.droppedRows} more rows left out (at most ${MAX_TIMELINE_ROWS})` : '',
    b.droppedTicks ? `${b.droppedTicks} more messages left out (at most ${MAX_TIMELINE_TICKS})` : '',
  ].filter(Boolean);
  return {
    grouping,
    startUs: table.size ? table.timeUs(0) : null,
    durationUs: table.size ? b.at(table.size) : 0,
    rows: b.rows,
    bars: b.bars,
    ticks: b.ticks,
    transfers: b.transfers,
    strips: b.strips,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}
