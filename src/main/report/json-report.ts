// JSON report: the machine contract of issue 2. Key order follows the contract so diffs read well.

import type { AnalysisResult } from '../../shared/model';

export function jsonReport(result: AnalysisResult): string {
  const { captures, frames, commandCounts, connections, sessions, contacts, presence, offlineMessages, endpoints, files, transfers, expert } = result;
  return JSON.stringify({ captures, frames, commandCounts, connections, sessions, contacts, presence, offlineMessages, endpoints, files, transfers, expert }, null, 2) + '\n';
}
