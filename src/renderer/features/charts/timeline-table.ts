// The session timeline as a table (its textual form, and what Copy as CSV copies): every bar,
// message, transfer and presence strip in time order, with its row, start and end relative to the
// first frame, and the frame a click on it goes to.

import type { StatsTable } from '../../../shared/statistics';
import type { TimelineItem, TimelineResponse } from '../../../shared/timeline';

const seconds = (us: number) => Number((us / 1e6).toFixed(6));

export function timelineTable(t: TimelineResponse): StatsTable {
  const items: { kind: string; item: TimelineItem }[] = [
    ...t.bars.map((item) => ({ kind: t.rows[item.row]?.kind === 'transfer' ? 'P2P transfer' : 'Session', item })),
    ...t.ticks.map((item) => ({ kind: 'Message', item })),
    ...t.transfers.map((item) => ({ kind: 'File transfer', item })),
    ...t.strips.map((item) => ({ kind: 'Presence', item })),
  ];
  items.sort((a, b) => a.item.startUs - b.item.startUs || a.item.row - b.item.row);
  return {
    title: 'Session timeline',
    columns: [
      { label: 'Row' }, { label: 'Kind' }, { label: 'Start (s)', format: 'decimal', digits: 6 }, { label: 'End (s)', format: 'decimal', digits: 6 },
      { label: 'Frame', format: 'id' }, { label: 'What' },
    ],
    rows: items.map(({ kind, item }) => [t.rows[item.row]?.label ?? '', kind, seconds(item.startUs), seconds(item.endUs), item.frame, item.label]),
    ...(t.note ? { note: t.note } : {}),
  };
}
