// CSV report: one row per transcript line (RFC 4180 quoting). Captured text is attacker-controlled:
// a cell that a spreadsheet would run as a formula (= + - @ tab CR) is prefixed with a quote, and
// control, bidi and zero-width characters are written as `\u{…}` escapes as in the text report, so
// the CSV printed to a terminal cannot drive it (ESC, BEL, OSC title sequences). Line breaks (LF,
// CRLF) stay: they are quoted, and a spreadsheet shows them as such.

import type { AnalysisResult } from '../../shared/model';
import { escapeMarker, showInvisible } from '../../shared/visible-text';

const HEADER = ['session', 'frame', 'time', 'from', 'nick', 'text'];

/** Controls made visible, but LF and CRLF line breaks kept (a lone CR would overwrite the line on a terminal). */
function visibleCell(s: string): string {
  return s.split('\r\n').map((part) => showInvisible(part, escapeMarker, '\n')).join('\r\n');
}

export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string') s = visibleCell(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvReport(result: AnalysisResult): string {
  const lines = [HEADER.join(',')];
  for (const session of result.sessions) {
    for (const m of session.messages) {
      lines.push([session.id, m.frame, m.time, m.from, m.nick, m.text].map(csvCell).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
