// Find Packet's bar (open or not, the query, what the last search said) and the Time column's
// precision. The search itself runs in the back end (navigation-actions.ts).

import type { StateCreator } from 'zustand';
import type { FindQuery } from '../../shared/navigation';
import type { TimePrecision } from '../format/time-display';
import type { AnalyzerState } from './analyzer-state';

export interface NavigationData {
  findOpen: boolean;
  /** Bumped each time the find bar is asked for (Ctrl+F), so it takes the focus again. */
  findFocusToken: number;
  findQuery: FindQuery;
  /** A search is running in the back end. */
  findBusy: boolean;
  /** What the last search said, in words ('' before any). */
  findMessage: string;
  timePrecision: TimePrecision;
}

export interface NavigationSlice extends NavigationData {
  openFind(): void;
  closeFind(): void;
  editFind(change: Partial<FindQuery>): void;
}

export function initialNavigation(): NavigationData {
  return {
    findOpen: false,
    findFocusToken: 0,
    findQuery: { mode: 'filter', text: '', scope: 'list', caseSensitive: false, encoding: 'both' },
    findBusy: false,
    findMessage: '',
    timePrecision: 'auto',
  };
}

export const createNavigationSlice: StateCreator<AnalyzerState, [], [], NavigationSlice> = (set) => ({
  ...initialNavigation(),
  openFind: () => set((s) => ({ findOpen: true, findFocusToken: s.findFocusToken + 1 })),
  closeFind: () => set({ findOpen: false, findMessage: '' }),
  editFind: (change) => set((s) => ({ findQuery: { ...s.findQuery, ...change }, findMessage: '' })),
});
