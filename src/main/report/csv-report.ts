// CSV report: one row per transcript line, then one per offline message (UUM, UBM, OIM) with
// `offline` as its session (its recipient is in the JSON report) (RFC 4180 quoting). Captured text is attacker-controlled,
// so a cell that a spreadsheet would run as a formula (= + - @ tab CR) is prefixed with a quote.

import type { AnalysisResult } from '../../shared/model';

const HEADER = ['session', 'frame', 'time', 'from', 'nick', 'text'];

export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvReport(result: AnalysisResult): string {
  const lines = [HEADER.join(',')];
  for (const session of result.sessions) {
    for (const m of session.messages) {
      lines.push([session.id, m.frame, m.time, m.from, m.nick, m.text].map(csvCell).join(','));
    }
  }
  for (const m of result.offlineMessages) {
    lines.push(['offline', m.frame, m.time, m.from ?? '', m.nick ?? '', m.text ?? ''].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
