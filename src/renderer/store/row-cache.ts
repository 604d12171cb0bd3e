// The few packet-list rows the renderer holds: pages of rows fetched from the back end around
// what is on screen, bounded (least recently used pages are dropped), tied to one display-order
// version. The back end owns the list; this is a window onto it, never a copy of it. A cache is
// also tied to the custom columns' fields its pages carry (their text comes with each page).

import type { FrameKind, FrameRow } from '../../shared/model';
import { ROW_MARKED, ROW_TIME_REFERENCE, type FramePage } from '../../shared/packet-page';

export const PAGE_ROWS = 100;
/** At most this many pages (8,000 rows) are kept. */
export const MAX_PAGES = 80;

const KINDS: ReadonlySet<string> = new Set<FrameKind>(['chat', 'presence', 'error', 'p2p', 'msnp', 'tcp', 'other']);

/** A row as the packet list shows it: the frame's columns and the text of each custom column. */
export interface ListRow extends FrameRow {
  /** In the order of the cache's `fields`. */
  custom: string[];
}

interface CachedPage {
  rows: ListRow[];
  /** Displayed count when it was fetched: a short last page is complete only while that holds. */
  displayed: number;
}

/** The rows of a page answer, checked field by field (the answer crosses a process boundary). */
export function pageRows(page: FramePage, fields: readonly string[] = []): ListRow[] {
  const rows: ListRow[] = [];
  const custom = Array.isArray(page.custom) ? page.custom : [];
  const n = Array.isArray(page.number) ? page.number.length : 0;
  for (let i = 0; i < n; i++) {
    const number = page.number[i];
    if (!Number.isSafeInteger(number)) break;
    const kind = page.kind?.[i];
    const connection = page.connection?.[i];
    const row: ListRow = {
      number,
      timeUs: Number(page.timeUs?.[i] ?? 0),
      source: String(page.source?.[i] ?? ''),
      destination: String(page.destination?.[i] ?? ''),
      protocol: String(page.protocol?.[i] ?? ''),
      length: Number(page.length?.[i] ?? 0),
      info: String(page.info?.[i] ?? ''),
      kind: KINDS.has(kind as string) ? kind : 'other',
      stream: Number(page.stream?.[i] ?? -1),
      custom: fields.map((_, k) => String((Array.isArray(custom[k]) ? custom[k][i] : undefined) ?? '')),
    };
    if (typeof connection === 'number' && connection >= 0) row.connection = connection;
    const flags = Number(page.flags?.[i] ?? 0);
    if (flags & ROW_MARKED) row.marked = true;
    if (flags & ROW_TIME_REFERENCE) row.timeReference = true;
    const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    row.relativeUs = finite(page.relativeUs?.[i]);
    row.deltaUs = finite(page.deltaUs?.[i]);
    row.deltaDisplayedUs = finite(page.deltaDisplayedUs?.[i]);
    rows.push(row);
  }
  return rows;
}

export class RowCache {
  private readonly pages = new Map<number, CachedPage>();
  /** The previous version's pages, shown until this version's arrive (no blank flash while a sorted list grows). */
  private readonly fallback: Map<number, CachedPage> | null;

  /**
   * `fields`: the custom columns' fields its pages are asked with (by default the previous
   * cache's); the previous version's pages stand in only when they carry the same fields.
   */
  constructor(readonly version: number, previous: RowCache | null = null, readonly fields: readonly string[] = previous?.fields ?? []) {
    this.fallback = previous && previous.pages.size > 0 && previous.fields === fields ? previous.pages : null;
  }

  /** The row at display position `position`, if its page is here (or, until it arrives, the previous version's). */
  row(position: number): ListRow | undefined {
    const index = Math.floor(position / PAGE_ROWS);
    const page = this.pages.get(index) ?? this.fallback?.get(index);
    return page?.rows[position % PAGE_ROWS];
  }

  /** True when every position in [from, to) has a row of this version. */
  holds(from: number, to: number): boolean {
    for (let p = from; p < to; p++) if (!this.pages.get(Math.floor(p / PAGE_ROWS))?.rows[p % PAGE_ROWS]) return false;
    return true;
  }

  /** Pages needed to show positions [from, to) that are missing or may have grown since. */
  missing(from: number, to: number, displayed: number): number[] {
    const wanted: number[] = [];
    const last = Math.min(to, displayed);
    for (let p = Math.floor(Math.max(0, from) / PAGE_ROWS); p * PAGE_ROWS < last; p++) {
      const page = this.pages.get(p);
      const complete = page && (page.rows.length === PAGE_ROWS || page.displayed === displayed);
      if (!complete) wanted.push(p);
      else this.touch(p, page);
    }
    return wanted;
  }

  /** Stores an answer for page `index`, asked with `fields`; an answer of another version or other fields is not ours. */
  put(index: number, page: FramePage, fields: readonly string[] = this.fields): boolean {
    if (page.version !== this.version || page.start !== index * PAGE_ROWS || fields !== this.fields) return false;
    this.touch(index, { rows: pageRows(page, this.fields).slice(0, PAGE_ROWS), displayed: page.displayed });
    while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value as number);
    return true;
  }

  get size(): number {
    return this.pages.size;
  }

  private touch(index: number, page: CachedPage): void {
    // Map iteration order is insertion order: re-inserting makes it the most recently used.
    this.pages.delete(index);
    this.pages.set(index, page);
  }
}
