// CSV report: one row per transcript line, then one per offline message (UUM, UBM, OIM) with
// `offline` as its session (its recipient is in the JSON report), then one per transfer
// (invitation) with `transfer` as its session and its fate as the text (RFC 4180 quoting). Captured text
// is attacker-controlled: a cell that a spreadsheet would run as a formula (= + - @ tab CR) is
// prefixed with a quote, and control, bidi and zero-width characters are written as `\u{…}`
// escapes as in the text report, so the CSV printed to a terminal cannot drive it (ESC, BEL, OSC
// title sequences). Line breaks (LF, CRLF) stay: they are quoted, and a spreadsheet shows them as such.

import type { AnalysisResult } from '../../shared/model';
import { csvCell } from '../../shared/csv-cell';
import { transferFateText } from './transfer-text';

const HEADER = ['session', 'frame', 'time', 'from', 'nick', 'text'];

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
  for (const t of result.transfers) {
    lines.push(['transfer', t.frame, t.time, t.from ?? '', '', transferFateText(t, t.name ?? '')].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
