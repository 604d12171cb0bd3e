// The packet list's column-header context menu (Wireshark's): align the column, move it left or
// right (the keyboard's way to reorder; the mouse drags the header), hide it or remove a custom
// one, show or hide any column from the list of all of them, and reset the columns.

import type { MenuEntry } from '../../components/ContextMenu';
import { analyzerStore } from '../../store/analyzer-state';
import { columnTitle, defaultColumns, moveBy, removeColumn, setAlign, setHidden, visibleColumns, type ColumnAlign, type ColumnPref } from './column-layout';

const ALIGN_LABELS: ReadonlyArray<[ColumnAlign, string]> = [['left', 'Align Left'], ['center', 'Align Center'], ['right', 'Align Right']];
const check = (on: boolean): string => (on ? '✓ ' : '\u2003');

export function columnHeaderMenu(columns: readonly ColumnPref[], id: string): MenuEntry[] {
  const change = (f: (c: ColumnPref[]) => ColumnPref[] | null): void => analyzerStore.getState().changeColumns(f);
  const column = columns.find((c) => c.id === id);
  if (!column) return [];
  const shown = visibleColumns(columns);
  const at = shown.findIndex((c) => c.id === id);
  const onlyOne = shown.length <= 1;
  const entries: MenuEntry[] = ALIGN_LABELS.map(([align, label]) => ({
    label: `${check(column.align === align)}${label}`, testId: `column-align-${align}`, onSelect: () => change((c) => setAlign(c, id, align)),
  }));
  entries.push(
    { kind: 'separator' },
    { label: 'Move Left', testId: 'column-move-left', disabled: at <= 0, onSelect: () => change((c) => moveBy(c, id, -1)) },
    { label: 'Move Right', testId: 'column-move-right', disabled: at < 0 || at >= shown.length - 1, onSelect: () => change((c) => moveBy(c, id, 1)) },
    { kind: 'separator' },
    { label: `Hide Column “${columnTitle(column)}”`, testId: 'column-hide', disabled: onlyOne, onSelect: () => change((c) => setHidden(c, id, true)) },
  );
  if (column.field) entries.push({ label: 'Remove Column', testId: 'column-remove', disabled: onlyOne, onSelect: () => change((c) => removeColumn(c, id)) });
  entries.push(
    { kind: 'separator' },
    {
      label: 'Displayed Columns',
      testId: 'column-list',
      items: columns.map((c) => ({
        label: `${check(!c.hidden)}${columnTitle(c)}`,
        testId: `column-toggle-${c.id}`,
        disabled: !c.hidden && onlyOne,
        onSelect: () => change((all) => setHidden(all, c.id, !c.hidden)),
      })),
    },
    { label: 'Reset Columns', testId: 'column-reset', onSelect: () => change(() => defaultColumns()) },
  );
  return entries;
}
