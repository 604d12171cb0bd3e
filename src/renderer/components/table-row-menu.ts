// The side tables' context menu for one row: "Filter on this session / account" (and the Apply /
// Prepare as Filter moves) where the filter language has a field for the row, then copying the
// row (its cells as shown, tab-separated) or one cell's value.

import type { Row } from '@tanstack/react-table';
import type { AnalyzerActions } from '../app/analyzer-actions';
import { copyText } from '../app/clipboard';
import { applyFilterText, filterMenuEntries, type FilterChoice } from '../app/filter-menu';
import type { MenuEntry } from './ContextMenu';

/** A cell's value as text: what the table shows for it (dates and lists already formatted by the accessor). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]/g, ' ');
}

/** The row's visible cells, tab-separated. */
export function rowText<T>(row: Row<T>): string {
  return row.getVisibleCells().map((c) => cellText(c.getValue())).join('\t');
}

function headerText<T>(row: Row<T>, columnId: string): string {
  const header = row.getVisibleCells().find((c) => c.column.id === columnId)?.column.columnDef.header;
  return typeof header === 'string' ? header : columnId;
}

/**
 * `columnId` is the cell under the pointer (right-click); without one (the keyboard) every
 * cell is offered in a submenu.
 */
export function tableRowMenu<T>(actions: AnalyzerActions, row: Row<T>, filters: FilterChoice[], columnId: string | null, extra: MenuEntry[] = []): MenuEntry[] {
  const entries: MenuEntry[] = filters.map((f, i) => ({
    label: `Filter on this ${f.label.toLowerCase()}: ${f.expression}`,
    testId: `filter-on-${i}`,
    onSelect: () => applyFilterText(actions, f.expression),
  }));
  entries.push(...filterMenuEntries(actions, filters));
  if (entries.length > 0 && extra.length > 0) entries.push({ kind: 'separator' });
  entries.push(...extra);
  if (entries.length > 0) entries.push({ kind: 'separator' });
  entries.push({ label: 'Copy row', testId: 'copy-row', onSelect: () => void copyText(rowText(row)) });
  const cells = row.getVisibleCells();
  const clicked = columnId === null ? undefined : cells.find((c) => c.column.id === columnId);
  if (clicked) {
    entries.push({ label: `Copy ${headerText(row, clicked.column.id)}`, testId: 'copy-cell', onSelect: () => void copyText(cellText(clicked.getValue())) });
  } else {
    entries.push({
      label: 'Copy cell value',
      testId: 'copy-cell',
      items: cells.map((c) => ({ label: headerText(row, c.column.id), testId: `copy-cell-${c.column.id}`, onSelect: () => void copyText(cellText(c.getValue())) })),
    });
  }
  return entries;
}
