// The "Apply as Filter" / "Prepare as Filter" submenus every context menu shares, and what they do:
// Prepare puts the expression in the filter bar (checked, not applied) and focuses it; Apply also
// applies it. The four moves combine with what the bar holds now, as in Wireshark.

import { combineFilter, FILTER_COMBINATIONS } from '../../shared/display-filter/filter-expression';
import type { MenuEntry } from '../components/ContextMenu';
import { DISPLAY_FILTER_INPUT_ID } from '../features/filter-bar/DisplayFilterBar';
import { rememberFilter } from '../features/filter-bar/recent-filters';
import { analyzerStore } from '../store/analyzer-state';
import type { AnalyzerActions } from './analyzer-actions';
import { checkDisplayFilter } from './filter-check';

/** A filter a menu offers, with what it is about ("Source", "Connection"…). */
export interface FilterChoice {
  label: string;
  expression: string;
}

export function prepareFilter(text: string): void {
  analyzerStore.getState().editFilter(text, checkDisplayFilter(text));
  document.getElementById(DISPLAY_FILTER_INPUT_ID)?.focus();
}

export function applyFilterText(actions: AnalyzerActions, text: string): void {
  analyzerStore.getState().editFilter(text, checkDisplayFilter(text));
  rememberFilter(text);
  void actions.applyFilter(text);
}

function moves(actions: AnalyzerActions, expression: string, apply: boolean, testId: string): MenuEntry[] {
  return FILTER_COMBINATIONS.map(({ how, label }) => ({
    label,
    testId: `${testId}-${how}`,
    onSelect: () => {
      const text = combineFilter(analyzerStore.getState().filterText, expression, how);
      if (apply) applyFilterText(actions, text);
      else prepareFilter(text);
    },
  }));
}

/** One submenu level per choice when there are several; the four moves directly for one. */
function filterSubmenu(actions: AnalyzerActions, choices: FilterChoice[], apply: boolean): MenuEntry[] {
  const testId = apply ? 'apply-filter' : 'prepare-filter';
  if (choices.length === 1) return moves(actions, choices[0].expression, apply, testId);
  return choices.map((c, i) => ({ label: `${c.label}: ${c.expression}`, testId: `${testId}-${i}`, items: moves(actions, c.expression, apply, `${testId}-${i}`) }));
}

export function filterMenuEntries(actions: AnalyzerActions, choices: FilterChoice[]): MenuEntry[] {
  if (choices.length === 0) return [];
  return [
    { label: 'Apply as Filter', testId: 'apply-filter', items: filterSubmenu(actions, choices, true) },
    { label: 'Prepare as Filter', testId: 'prepare-filter', items: filterSubmenu(actions, choices, false) },
  ];
}
