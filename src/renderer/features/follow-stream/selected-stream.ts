// The tcp.stream of the selected packet-list row (−1 when none, or not TCP): what
// "Follow TCP stream" follows.

import type { AnalyzerState } from '../../store/analyzer-state';

export function selectedStream(s: AnalyzerState): number {
  if (s.selectedPosition === null) return -1;
  const row = s.rowCache.row(s.selectedPosition);
  return row && row.number === s.selectedFrame ? row.stream : -1;
}
