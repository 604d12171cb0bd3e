// Builds one page of the packet list for the renderer: the rows at a window of display positions,
// as columns, with their Info text made now (only for the rows asked for).

import { MAX_PAGE_ROWS, type FramePage } from '../../shared/packet-page';
import type { DisplayOrder } from './display-order';
import type { PacketTable } from './packet-table';

export function framePage(table: PacketTable, order: DisplayOrder, start: number, count: number): FramePage {
  const displayed = order.displayed;
  const first = Math.max(0, Math.min(Math.floor(start), displayed));
  const end = Math.min(displayed, first + Math.max(0, Math.min(Math.floor(count), MAX_PAGE_ROWS)));
  const page: FramePage = {
    ...order.counts(),
    start: first,
    number: [], timeUs: [], source: [], destination: [], protocol: [], length: [], info: [], kind: [], stream: [], connection: [],
  };
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
  }
  return page;
}
