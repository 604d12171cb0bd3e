// Display filter state: the text being edited (checked as you type), the expression last applied
// and the frames it matched, and the request in flight. A request that fails leaves the previous
// filter applied, as Wireshark does.

import type { StateCreator } from 'zustand';
import type { FilterResponse } from '../../shared/ipc-contract';
import type { AnalyzerState } from './analyzer-state';
import type { FramesData } from './frames-slice';
import { FrameSet } from './frame-set';
import { buildOrder } from './packet-order';

export type FilterCheck =
  | { status: 'empty' }
  | { status: 'valid' }
  | { status: 'invalid'; error: string; position?: number };

export interface FilterData {
  filterText: string;
  filterCheck: FilterCheck;
  /** Expression whose matches are shown; '' when none. */
  appliedFilter: string;
  /** Frames matching `appliedFilter`; null when no filter is applied. */
  matching: FrameSet | null;
  /** Expression sent with `frames:filter` and not answered yet. */
  filterRequest: string | null;
  /** Rows the last answer covered; rows after it arrived later and need a new request. */
  filterCoveredRows: number;
}

export interface FilterSlice extends FilterData {
  editFilter(text: string, check: FilterCheck): void;
}

export function initialFilter(): FilterData {
  return { filterText: '', filterCheck: { status: 'empty' }, appliedFilter: '', matching: null, filterRequest: null, filterCoveredRows: 0 };
}

type FilterInput = FilterData & FramesData;

/** Applying '' clears the filter at once; anything else waits for the back end's answer. */
export function requestFilter(state: FilterInput, expression: string): Partial<FilterData & FramesData> {
  const text = expression.trim();
  if (text === '') {
    return { appliedFilter: '', matching: null, filterRequest: null, filterCoveredRows: 0, order: buildOrder(state.rows, state.rowCount, null, state.sort) };
  }
  return { filterRequest: text };
}

export function answerFilter(state: FilterInput, expression: string, coveredRows: number, response: FilterResponse): Partial<FilterData & FramesData> {
  if (expression !== state.filterRequest) return {};
  if (!response.ok) {
    return { filterRequest: null, filterCheck: { status: 'invalid', error: response.error, position: response.position } };
  }
  const matching = new FrameSet(response.frames);
  return {
    appliedFilter: expression,
    matching,
    filterRequest: null,
    filterCoveredRows: coveredRows,
    order: buildOrder(state.rows, state.rowCount, matching, state.sort),
  };
}

/** True when rows arrived after the last answer, so the applied filter should be evaluated again. */
export function filterIsStale(state: FilterInput): boolean {
  return state.appliedFilter !== '' && state.filterRequest === null && state.rowCount > state.filterCoveredRows;
}

export const createFilterSlice: StateCreator<AnalyzerState, [], [], FilterSlice> = (set) => ({
  ...initialFilter(),
  editFilter: (filterText, filterCheck) => set({ filterText, filterCheck }),
});
