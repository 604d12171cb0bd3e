// The I/O graph as a table (its textual form, and what Copy as CSV copies): one row per interval
// in which some line counts something, its start relative to the first frame, one column per line.

import { IO_METRIC_LABELS, type IoGraphLine, type IoGraphResponse } from '../../../shared/io-graph';
import type { StatsTable } from '../../../shared/statistics';

export const lineLabel = (line: IoGraphLine) => `${IO_METRIC_LABELS[line.metric]}${line.filter.trim() ? ` (${line.filter.trim()})` : ''}`;

export function ioGraphTable(answer: IoGraphResponse, lines: readonly IoGraphLine[]): StatsTable {
  const counted = answer.lines.map((a, k) => ({ a, line: lines[k] })).filter((x) => x.a.ok);
  const rows: StatsTable['rows'] = [];
  for (let b = 0; b < answer.buckets; b++) {
    const cells = counted.map(({ a }) => (a.ok ? a.values[b] : 0));
    if (cells.every((v) => v === 0)) continue;
    rows.push([Number(((b * answer.intervalUs) / 1e6).toFixed(6)), ...cells]);
  }
  return {
    title: 'I/O graph',
    columns: [{ label: 'Interval start (s)', format: 'decimal', digits: 6 }, ...counted.map(({ line }) => ({ label: lineLabel(line), format: 'integer' as const }))],
    rows,
    note: 'Intervals in which no line counts anything are left out.',
  };
}
