// A frame's packet-list columns for Export Packet Dissections, read from the packet table (Info
// built now, as for a page of rows). The Time column is written as the list shows it by default,
// seconds since the first frame with microseconds (Wireshark's frame.time_relative), or as
// absolute UTC time.

import type { PacketTable } from '../packet-table';
import type { DissectionRow } from './dissection-formats';

/** "12.345678": seconds from `firstUs` to `timeUs`. */
export function secondsSince(timeUs: number, firstUs: number): string {
  const delta = timeUs - firstUs;
  const abs = Math.abs(delta);
  const seconds = Math.floor(abs / 1e6);
  return `${delta < 0 ? '-' : ''}${seconds}.${String(Math.round(abs - seconds * 1e6)).padStart(6, '0')}`;
}

/** "2005-03-10 14:02:33.123456" (UTC). */
export function utcTime(timeUs: number): string {
  const seconds = Math.floor(timeUs / 1e6);
  const micro = String(Math.round(timeUs - seconds * 1e6)).padStart(6, '0');
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')}.${micro}`;
}

export function dissectionRow(table: PacketTable, number: number, time: 'relative' | 'absolute'): DissectionRow {
  const i = number - 1;
  const timeUs = table.timeUs(i);
  return {
    number,
    time: time === 'absolute' ? utcTime(timeUs) : secondsSince(timeUs, table.timeUs(0)),
    source: table.addresses.text(table.sourceId(i)),
    destination: table.addresses.text(table.destinationId(i)),
    protocol: table.protocols.text(table.protocolId(i)),
    length: table.length(i),
    info: table.info(i),
  };
}
