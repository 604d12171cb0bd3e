// Builds one page of the packet list for the renderer: the rows at a window of display positions,
// as columns, with their Info text made now (only for the rows asked for), and the text of the
// custom columns (Apply as Column), read from the display filter's field table for these rows only.

import { columnField, columnText } from '../../shared/display-filter/column-fields';
import type { FieldDef } from '../../shared/display-filter/filter-fields';
import type { FrameFields } from '../../shared/display-filter/frame-fields';
import { MAX_PAGE_ROWS, type FramePage } from '../../shared/packet-page';
import type { DisplayOrder } from './display-order';
import type { PacketTable } from './packet-table';

export function framePage(table: PacketTable, order: DisplayOrder, start: number, count: number, fields: readonly string[] = []): FramePage {
  const displayed = order.displayed;
  const first = Math.max(0, Math.min(Math.floor(start), displayed));
  const end = Math.min(displayed, first + Math.max(0, Math.min(Math.floor(count), MAX_PAGE_ROWS)));
  const page: FramePage = {
    ...order.counts(),
    start: first,
    number: [], timeUs: [], source: [], destination: [], protocol: [], length: [], info: [], kind: [], stream: [], connection: [],
  };
  // An unknown name (another version's column) gets an empty column, never an error.
  const defs: Array<FieldDef | null> = fields.map(columnField);
  const custom: string[][] = defs.map(() => []);
  const into: FrameFields = { number: 0 };
  for (let position = first; position < end; position++) {
    const i = order.frameAt(position);
    page.number.push(i + 1);
    page.timeUs.push(table.timeUs(i));
    page.source.push(table.addresses.text(table.sourceId(i)));
    page.destination.push(table.addresses.text(table.destinationId(i)));
    page.protocol.push(table.protocols.text(table.protocolId(i)));
    page.length.push(table.length(i));
    page.info.push(table.info(i));
    page.kind.push(table.kind(i));
    page.stream.push(table.stream(i));
    page.connection.push(table.connection(i));
    if (defs.length === 0) continue;
    table.fields(i, into);
    defs.forEach((def, k) => custom[k].push(def ? columnText(def, into) : ''));
  }
  if (defs.length > 0) page.custom = custom;
  return page;
}
