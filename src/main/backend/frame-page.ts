// Builds one page of the packet list for the renderer: the rows at a window of display positions,
// as columns, with their Info text made now (only for the rows asked for), the text of the
// custom columns (Apply as Column), read from the display filter's field table for these rows
// only, and what the Time column's formats and the row style need (time reference, previous
// frames' times, marks).

import { columnField, columnText } from '../../shared/display-filter/column-fields';
import type { FieldDef } from '../../shared/display-filter/filter-fields';
import type { FrameFields } from '../../shared/display-filter/frame-fields';
import { MAX_PAGE_ROWS, ROW_MARKED, ROW_TIME_REFERENCE, type FramePage } from '../../shared/packet-page';
import type { DisplayOrder } from './display-order';
import type { FrameBits } from './frame-bits';
import type { PacketTable } from './packet-table';
import type { TimeReferences } from './time-references';

/** Marks and time references; none when the caller has neither (tests of the bare list). */
export interface RowMarks {
  marks: FrameBits;
  references: TimeReferences;
}

/** A page as the back end makes it: every optional column filled. */
export type FullFramePage = FramePage & Required<Pick<FramePage, 'relativeUs' | 'deltaUs' | 'deltaDisplayedUs' | 'flags'>>;

export function framePage(table: PacketTable, order: DisplayOrder, start: number, count: number, fields: readonly string[] = [], row?: RowMarks): FullFramePage {
  const displayed = order.displayed;
  const first = Math.max(0, Math.min(Math.floor(start), displayed));
  const end = Math.min(displayed, first + Math.max(0, Math.min(Math.floor(count), MAX_PAGE_ROWS)));
  const page: FullFramePage = {
    ...order.counts(),
    start: first,
    number: [], timeUs: [], source: [], destination: [], protocol: [], length: [], info: [], kind: [], stream: [], connection: [],
    relativeUs: [], deltaUs: [], deltaDisplayedUs: [], flags: [],
  };
  // An unknown name (another version's column) gets an empty column, never an error.
  const defs: Array<FieldDef | null> = fields.map(columnField);
  const custom: string[][] = defs.map(() => []);
  const into: FrameFields = { number: 0 };
  for (let position = first; position < end; position++) {
    const i = order.frameAt(position);
    const t = table.timeUs(i);
    page.number.push(i + 1);
    page.timeUs.push(t);
    page.source.push(table.addresses.text(table.sourceId(i)));
    page.destination.push(table.addresses.text(table.destinationId(i)));
    page.protocol.push(table.protocols.text(table.protocolId(i)));
    page.length.push(table.length(i));
    page.info.push(table.info(i));
    page.kind.push(table.kind(i));
    page.stream.push(table.stream(i));
    page.connection.push(table.connection(i));
    const base = row?.references.baseFor(i) ?? -1;
    page.relativeUs.push(t - table.timeUs(base >= 0 ? base : 0));
    page.deltaUs.push(i > 0 ? t - table.timeUs(i - 1) : 0);
    // In frame order the previous displayed frame is the row above: no search.
    const previous = order.inFrameOrder && position > 0 ? order.frameAt(position - 1) : order.previousShown(i);
    page.deltaDisplayedUs.push(previous >= 0 ? t - table.timeUs(previous) : 0);
    page.flags.push((row?.marks.has(i) ? ROW_MARKED : 0) | (base === i ? ROW_TIME_REFERENCE : 0));
    if (defs.length === 0) continue;
    table.fields(i, into);
    defs.forEach((def, k) => custom[k].push(def ? columnText(def, into) : ''));
  }
  if (defs.length > 0) page.custom = custom;
  return page;
}
