// The flow graph's text equivalent as CSV (time, from, to, command, summary, frame, link), paged
// from the back end as the diagram is; captured text goes through csvCell (no formulas, controls
// escaped). At most MAX_CSV_ARROWS rows, so a huge graph cannot fill the clipboard.

import { csvCell } from '../../../shared/csv-cell';
import { MAX_FLOW_PAGE, type FlowPage, type FlowScope, type FlowUnit } from '../../../shared/flow-graph';
import { flowTimeText } from '../../../shared/flow-layout';
import type { AnalyzerApi } from '../../../shared/ipc-contract';

export const MAX_CSV_ARROWS = 100_000;
export const FLOW_CSV_HEADER = ['Time', 'From', 'To', 'Command', 'Summary', 'Frame', 'Link'];

export function flowCsvRows(page: FlowPage): string[] {
  const lane = (i: number) => page.lanes[i]?.label ?? '';
  return page.frame.map((frame, i) => [
    flowTimeText(page.timeUs[i], page.firstTimeUs), lane(page.from[i]), lane(page.to[i]), page.verb[i], page.summary[i], frame, page.link[i]?.text ?? '',
  ].map(csvCell).join(','));
}

export async function flowCsv(api: AnalyzerApi, scope: FlowScope, unit: FlowUnit): Promise<{ text: string; rows: number }> {
  const lines = [FLOW_CSV_HEADER.join(',')];
  let total = Infinity;
  for (let start = 0; start < Math.min(total, MAX_CSV_ARROWS); start += MAX_FLOW_PAGE) {
    const page = await api.request('flow:get', { scope, unit, start, count: Math.min(MAX_FLOW_PAGE, MAX_CSV_ARROWS - start) });
    total = page.total;
    lines.push(...flowCsvRows(page));
    if (page.frame.length === 0) break;
  }
  return { text: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1 };
}
