// The window's remembered arrangement: the packet list's columns, where the side panel is (and
// whether it is collapsed), the theme and the saved filter buttons. The pane sizes live in the UI
// slice (layout); window-preferences.ts stores all of them, and View → Reset layout restores the
// arrangement (columns, panes, side panel) but keeps the theme and the filter buttons.

import type { StateCreator } from 'zustand';
import { customFields, defaultColumns, type ColumnPref } from '../features/packet-list/column-layout';
import type { AnalyzerState } from './analyzer-state';
import { RowCache } from './row-cache';
import { initialPaneLayout } from './ui-slice';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** 'side': the panel right of the packet panes; 'bottom': detached into the lower pane, full width. */
export type SidePlacement = 'side' | 'bottom';

export interface SidePanelPrefs {
  collapsed: boolean;
  placement: SidePlacement;
}

/** A saved display filter shown as a button beside the filter bar (Wireshark's filter buttons). */
export interface FilterButton {
  label: string;
  expression: string;
}

export interface PreferencesData {
  columns: ColumnPref[];
  sidePanel: SidePanelPrefs;
  theme: ThemeChoice;
  filterButtons: FilterButton[];
}

export interface PreferencesSlice extends PreferencesData {
  /** Applies a change to the column set (null from the change: nothing to do). */
  changeColumns(change: (columns: ColumnPref[]) => ColumnPref[] | null): void;
  setSidePanel(change: Partial<SidePanelPrefs>): void;
  setTheme(theme: ThemeChoice): void;
  setFilterButtons(buttons: FilterButton[]): void;
  /** View → Reset layout. */
  resetLayout(): void;
}

export function initialPreferences(): PreferencesData {
  return { columns: defaultColumns(), sidePanel: { collapsed: false, placement: 'side' }, theme: 'system', filterButtons: [] };
}

const sameFields = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((f, i) => f === b[i]);

/**
 * The state for a new column set: when the custom columns' fields change, the cached rows (which
 * carry the old fields' text) give way to a cache asked with the new ones.
 */
export function withColumns(state: Pick<AnalyzerState, 'rowCache' | 'rowsArrived'>, columns: ColumnPref[]): Partial<AnalyzerState> {
  const fields = customFields(columns);
  if (sameFields(fields, state.rowCache.fields)) return { columns };
  return { columns, rowCache: new RowCache(state.rowCache.version, null, fields), rowsArrived: state.rowsArrived + 1 };
}

export const createPreferencesSlice: StateCreator<AnalyzerState, [], [], PreferencesSlice> = (set) => ({
  ...initialPreferences(),
  changeColumns: (change) => set((s) => {
    const next = change(s.columns);
    return next ? withColumns(s, next) : {};
  }),
  setSidePanel: (change) => set((s) => ({ sidePanel: { ...s.sidePanel, ...change } })),
  setTheme: (theme) => set({ theme }),
  setFilterButtons: (filterButtons) => set({ filterButtons }),
  resetLayout: () => set((s) => ({ ...withColumns(s, defaultColumns()), sidePanel: initialPreferences().sidePanel, layout: initialPaneLayout() })),
});
