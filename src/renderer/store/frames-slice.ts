// Packet-list rows. The row array only grows during one capture: a batch is appended in place and
// `rowCount` says how many rows a given state sees, so an older state still reads a consistent
// prefix and a million rows are never copied. A new capture starts a new array.

import type { StateCreator } from 'zustand';
import type { FrameRow } from '../../shared/model';
import type { AnalyzerState } from './analyzer-state';
import type { FilterData } from './filter-slice';
import { buildOrder, extendOrder, type PacketOrder, type SortSpec } from './packet-order';

export interface FramesData {
  rows: FrameRow[];
  rowCount: number;
  /** Time of the first frame, for the relative time column. */
  firstTimeUs: number | null;
  sort: SortSpec | null;
  order: PacketOrder;
}

export interface FramesSlice extends FramesData {
  setSort(sort: SortSpec | null): void;
}

export function initialFrames(): FramesData {
  return { rows: [], rowCount: 0, firstTimeUs: null, sort: null, order: null };
}

type FramesInput = FramesData & Pick<FilterData, 'matching'>;

/** A row that the views can display without throwing; anything else is dropped. */
export function isFrameRow(row: unknown): row is FrameRow {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Record<string, unknown>;
  return Number.isInteger(r.number) && typeof r.timeUs === 'number' && typeof r.info === 'string'
    && typeof r.source === 'string' && typeof r.destination === 'string' && typeof r.protocol === 'string'
    && typeof r.length === 'number' && typeof r.kind === 'string';
}

/** Appends a batch in frame order; rows out of order or malformed are dropped. */
export function appendRows(state: FramesInput, batch: readonly unknown[]): Partial<FramesData> {
  const rows = state.rows;
  let count = state.rowCount;
  let last = count > 0 ? rows[count - 1].number : 0;
  for (const row of batch) {
    if (!isFrameRow(row) || row.number <= last) continue;
    rows[count++] = row;
    last = row.number;
  }
  if (count === state.rowCount) return {};
  return {
    rowCount: count,
    firstTimeUs: state.firstTimeUs ?? rows[0].timeUs,
    order: extendOrder(state.order, rows, state.rowCount, count, state.matching, state.sort),
  };
}

export function sortRows(state: FramesInput, sort: SortSpec | null): Partial<FramesData> {
  return { sort, order: buildOrder(state.rows, state.rowCount, state.matching, sort) };
}

export const createFramesSlice: StateCreator<AnalyzerState, [], [], FramesSlice> = (set) => ({
  ...initialFrames(),
  setSort: (sort) => set((s) => sortRows(s, sort)),
});
