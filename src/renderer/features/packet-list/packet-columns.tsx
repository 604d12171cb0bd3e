// Columns of the packet list (Wireshark's defaults). The time column shows the format and
// precision chosen in View → Time Display Format (the toolbar's time control): time-display.ts.

import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import type { FrameRow } from '../../../shared/model';
import { timeColumnText, type TimePrecision } from '../../format/time-display';
import type { SortColumn, SortSpec } from '../../../shared/packet-page';
import type { TimeFormat } from '../../store/ui-slice';
import { CapturedText } from '../../components/CapturedText';

export interface PacketTableMeta {
  firstTimeUs: number | null;
  timeFormat: TimeFormat;
  /** Automatic (µs) when not given. */
  timePrecision?: TimePrecision;
}

/** The Time column's text for a row, in the chosen format and precision. */
export function timeText(row: FrameRow, meta: PacketTableMeta): string {
  return timeColumnText(row, { format: meta.timeFormat, precision: meta.timePrecision ?? 'auto', firstTimeUs: meta.firstTimeUs });
}

const column = createColumnHelper<FrameRow>();

export const packetColumns = [
  column.accessor('number', { id: 'number', header: 'No.', size: 80, cell: (c) => c.getValue() }),
  column.accessor('timeUs', {
    id: 'time',
    header: 'Time',
    size: 110,
    cell: (c) => timeText(c.row.original, c.table.options.meta as PacketTableMeta),
  }),
  column.accessor('source', { id: 'source', header: 'Source', size: 150, cell: (c) => c.getValue() }),
  column.accessor('destination', { id: 'destination', header: 'Destination', size: 150, cell: (c) => c.getValue() }),
  column.accessor('protocol', { id: 'protocol', header: 'Protocol', size: 76, cell: (c) => c.getValue() }),
  column.accessor('length', { id: 'length', header: 'Length', size: 64, cell: (c) => c.getValue() }),
  // Info carries command parameters, nicks and chat text off the wire.
  column.accessor('info', { id: 'info', header: 'Info', size: 320, cell: (c) => <CapturedText text={c.getValue()} /> }),
];

/** Column ids are the store's sort columns. */
export function toSorting(sort: SortSpec | null): SortingState {
  return sort ? [{ id: sort.column, desc: sort.desc }] : [];
}

export function fromSorting(sorting: SortingState): SortSpec | null {
  const first = sorting[0];
  return first ? { column: first.id as SortColumn, desc: first.desc } : null;
}
