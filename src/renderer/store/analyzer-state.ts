// The renderer's store: one zustand store made of slices (zustand's slices pattern). Components
// read it through `useAnalyzer(selector)` (with useShallow for several fields); everything that
// changes state goes through the pure reducers in the slice files, so it is testable in node.

import { createStore, useStore, type StoreApi } from 'zustand';
import { createAnalysisSlice, type AnalysisData, type AnalysisSlice } from './analysis-slice';
import { createCaptureSlice, type CaptureData, type CaptureSlice } from './capture-slice';
import { createFilterSlice, type FilterData, type FilterSlice } from './filter-slice';
import { createNavigationSlice, type NavigationData, type NavigationSlice } from './navigation-slice';
import { createPacketListSlice, type PacketListData, type PacketListSlice } from './packet-list-slice';
import { createPreferencesSlice, type PreferencesData, type PreferencesSlice } from './preferences-slice';
import { createSelectionSlice, type SelectionData, type SelectionSlice } from './selection-slice';
import { createUiSlice, type UiData, type UiSlice } from './ui-slice';

export type AnalyzerState = PacketListSlice & FilterSlice & SelectionSlice & AnalysisSlice & CaptureSlice & UiSlice & PreferencesSlice & NavigationSlice;
/** The state without its actions: what the pure reducers read and write. */
export type AnalyzerData = PacketListData & FilterData & SelectionData & AnalysisData & CaptureData & UiData & PreferencesData & NavigationData;
export type AnalyzerStore = StoreApi<AnalyzerState>;

export function createAnalyzerStore(): AnalyzerStore {
  return createStore<AnalyzerState>()((...a) => ({
    ...createPacketListSlice(...a),
    ...createFilterSlice(...a),
    ...createSelectionSlice(...a),
    ...createAnalysisSlice(...a),
    ...createCaptureSlice(...a),
    ...createUiSlice(...a),
    ...createPreferencesSlice(...a),
    ...createNavigationSlice(...a),
  }));
}

/** The application's store. Tests create their own with createAnalyzerStore(). */
export const analyzerStore = createAnalyzerStore();

export function useAnalyzer<T>(selector: (state: AnalyzerState) => T): T {
  return useStore(analyzerStore, selector);
}
