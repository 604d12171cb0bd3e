// Display filter state: the text being edited (checked as you type), the expression last applied
// and the request in flight. The back end applies the filter (and keeps applying it to frames
// that arrive later); a request that fails leaves the previous filter applied, as Wireshark does.

import type { StateCreator } from 'zustand';
import type { AnalyzerState } from './analyzer-state';

export type FilterCheck =
  | { status: 'empty' }
  | { status: 'valid' }
  | { status: 'invalid'; error: string; position?: number };

export interface FilterData {
  filterText: string;
  filterCheck: FilterCheck;
  /** Expression the packet list shows; '' when none. */
  appliedFilter: string;
  /** Expression sent with `frames:view` and not answered yet. */
  filterRequest: string | null;
}

export interface FilterSlice extends FilterData {
  editFilter(text: string, check: FilterCheck): void;
}

export function initialFilter(): FilterData {
  return { filterText: '', filterCheck: { status: 'empty' }, appliedFilter: '', filterRequest: null };
}

export const createFilterSlice: StateCreator<AnalyzerState, [], [], FilterSlice> = (set) => ({
  ...initialFilter(),
  editFilter: (filterText, filterCheck) => set({ filterText, filterCheck }),
});
