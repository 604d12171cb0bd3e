// The packet list's column set as the user arranged it (Wireshark's column preferences): which
// columns, in which order, how wide, aligned how, and the custom ones that show a display-filter
// field (Apply as Column). Pure functions over a plain array, so it can be stored, checked when it
// comes back from storage, and tested without a page.

import { columnField, MAX_CUSTOM_COLUMNS } from '../../../shared/display-filter/column-fields';

export type ColumnAlign = 'left' | 'center' | 'right';

export interface ColumnPref {
  /** A built-in column's id (number, time, …) or `field:<name>` for a custom column. */
  id: string;
  width: number;
  hidden: boolean;
  align: ColumnAlign;
  /** Custom columns: the display-filter field shown, and the header's title. */
  field?: string;
  title?: string;
}

export const BUILTIN_COLUMNS: ReadonlyArray<{ id: string; title: string; width: number; align: ColumnAlign }> = [
  { id: 'number', title: 'No.', width: 80, align: 'right' },
  { id: 'time', title: 'Time', width: 110, align: 'left' },
  { id: 'source', title: 'Source', width: 150, align: 'left' },
  { id: 'destination', title: 'Destination', width: 150, align: 'left' },
  { id: 'protocol', title: 'Protocol', width: 76, align: 'left' },
  { id: 'length', title: 'Length', width: 64, align: 'right' },
  { id: 'info', title: 'Info', width: 320, align: 'left' },
];
const BUILTIN_IDS = new Set(BUILTIN_COLUMNS.map((c) => c.id));

export const MIN_WIDTH = 30;
export const MAX_WIDTH = 2000;
const ALIGNS: readonly ColumnAlign[] = ['left', 'center', 'right'];

export const fieldColumnId = (field: string): string => `field:${field}`;

export function defaultColumns(): ColumnPref[] {
  return BUILTIN_COLUMNS.map((c) => ({ id: c.id, width: c.width, hidden: false, align: c.align }));
}

/** The header text of a column. */
export function columnTitle(column: ColumnPref): string {
  return column.title ?? BUILTIN_COLUMNS.find((c) => c.id === column.id)?.title ?? column.field ?? column.id;
}

export const visibleColumns = (columns: readonly ColumnPref[]): ColumnPref[] => columns.filter((c) => !c.hidden);

/** The fields the shown custom columns need from the back end, in column order. */
export function customFields(columns: readonly ColumnPref[]): string[] {
  return visibleColumns(columns).flatMap((c) => (c.field ? [c.field] : []));
}

const update = (columns: readonly ColumnPref[], id: string, change: Partial<ColumnPref>): ColumnPref[] =>
  columns.map((c) => (c.id === id ? { ...c, ...change } : c));

/** Hides or shows a column; the last visible column stays (a list without columns says nothing). */
export function setHidden(columns: readonly ColumnPref[], id: string, hidden: boolean): ColumnPref[] {
  if (hidden && visibleColumns(columns).every((c) => c.id === id)) return [...columns];
  return update(columns, id, { hidden });
}

export const setAlign = (columns: readonly ColumnPref[], id: string, align: ColumnAlign): ColumnPref[] => update(columns, id, { align });

export const setWidth = (columns: readonly ColumnPref[], id: string, width: number): ColumnPref[] =>
  update(columns, id, { width: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))) });

/** Moves column `id` to sit where column `target` is now (drag and drop), the others shifting. */
export function moveBefore(columns: readonly ColumnPref[], id: string, target: string): ColumnPref[] {
  const from = columns.findIndex((c) => c.id === id);
  const to = columns.findIndex((c) => c.id === target);
  if (from < 0 || to < 0 || from === to) return [...columns];
  const next = [...columns];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** Moves column `id` one visible place left (−1) or right (+1): the keyboard's way to reorder. */
export function moveBy(columns: readonly ColumnPref[], id: string, step: -1 | 1): ColumnPref[] {
  const shown = visibleColumns(columns);
  const at = shown.findIndex((c) => c.id === id);
  const neighbour = shown[at + step];
  if (at < 0 || !neighbour) return [...columns];
  const next = [...columns];
  const from = next.findIndex((c) => c.id === id);
  const [moved] = next.splice(from, 1);
  const to = next.findIndex((c) => c.id === neighbour.id);
  next.splice(step < 0 ? to : to + 1, 0, moved);
  return next;
}

/**
 * Adds a custom column for display-filter field `field`, after column `after` (or at the end);
 * a field already shown is shown again rather than added twice. Null when the field cannot be a
 * column or there are already MAX_CUSTOM_COLUMNS.
 */
export function addFieldColumn(columns: readonly ColumnPref[], field: string, title: string, after?: string): ColumnPref[] | null {
  const def = columnField(field);
  if (!def) return null;
  const id = fieldColumnId(field);
  if (columns.some((c) => c.id === id)) return update(columns, id, { hidden: false });
  if (columns.filter((c) => c.field).length >= MAX_CUSTOM_COLUMNS) return null;
  // Numbers line up on the right, as the built-in No. and Length do.
  const column: ColumnPref = { id, field, title: title.slice(0, 80), width: 120, hidden: false, align: def.type === 'number' ? 'right' : 'left' };
  const next = [...columns];
  const at = after === undefined ? -1 : next.findIndex((c) => c.id === after);
  next.splice(at < 0 ? next.length : at + 1, 0, column);
  return next;
}

/** Removes a custom column (built-in ones are hidden instead). */
export function removeColumn(columns: readonly ColumnPref[], id: string): ColumnPref[] {
  const column = columns.find((c) => c.id === id);
  if (!column?.field || visibleColumns(columns).every((c) => c.id === id)) return [...columns];
  return columns.filter((c) => c.id !== id);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored column set, checked: unknown or duplicate columns are dropped, widths clamped, built-in
 * columns missing from it (a newer version's) added hidden at the end. Null when nothing usable.
 */
export function checkColumns(value: unknown): ColumnPref[] | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<string>();
  const out: ColumnPref[] = [];
  for (const item of value.slice(0, BUILTIN_COLUMNS.length + MAX_CUSTOM_COLUMNS)) {
    if (!isObject(item) || typeof item.id !== 'string' || seen.has(item.id)) continue;
    const field = typeof item.field === 'string' ? item.field : undefined;
    const custom = field !== undefined && item.id === fieldColumnId(field) && columnField(field) !== null;
    if (!custom && !BUILTIN_IDS.has(item.id)) continue;
    seen.add(item.id);
    const width = typeof item.width === 'number' && Number.isFinite(item.width) ? item.width : 100;
    const column: ColumnPref = {
      id: item.id,
      width: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))),
      hidden: item.hidden === true,
      align: ALIGNS.includes(item.align as ColumnAlign) ? (item.align as ColumnAlign) : 'left',
    };
    if (custom) {
      column.field = field;
      column.title = typeof item.title === 'string' ? item.title.slice(0, 80) : field;
    }
    out.push(column);
  }
  if (out.length === 0) return null;
  for (const c of defaultColumns()) if (!seen.has(c.id)) out.push({ ...c, hidden: true });
  if (visibleColumns(out).length === 0) out[0] = { ...out[0], hidden: false };
  return out;
}
