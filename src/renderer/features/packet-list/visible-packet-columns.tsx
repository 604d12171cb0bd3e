// The packet list's TanStack columns for the user's column set: the built-in definitions of
// packet-columns.tsx in the chosen order, and a column per custom field whose text came with the
// page (ListRow.custom, in the order of the row cache's fields). Custom columns do not sort: the
// back end sorts by the built-in columns only.

import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { CapturedText } from '../../components/CapturedText';
import type { ListRow } from '../../store/row-cache';
import { columnTitle, visibleColumns, type ColumnPref } from './column-layout';
import { packetColumns } from './packet-columns';

const column = createColumnHelper<ListRow>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own examples type mixed column lists this way
type AnyColumn = ColumnDef<ListRow, any>;
const BUILTIN = new Map(packetColumns.map((c) => [c.id as string, c as AnyColumn]));

export function visiblePacketColumns(prefs: readonly ColumnPref[], fields: readonly string[]): AnyColumn[] {
  return visibleColumns(prefs).flatMap((pref): AnyColumn[] => {
    if (!pref.field) {
      const builtin = BUILTIN.get(pref.id);
      return builtin ? [builtin] : [];
    }
    const k = fields.indexOf(pref.field);
    // A field's values can be captured text (accounts, chat text): shown as text only.
    return [column.accessor((row) => (k >= 0 ? row.custom[k] ?? '' : ''), {
      id: pref.id,
      header: columnTitle(pref),
      enableSorting: false,
      cell: (c) => <CapturedText text={c.getValue()} />,
    })];
  });
}
