// One CSV cell (RFC 4180 quoting), safe for captured text: a cell a spreadsheet would run as a
// formula (= + - @ tab CR) is prefixed with a quote, and control, bidi and zero-width characters
// are written as `\u{…}` escapes, so a CSV printed to a terminal cannot drive it. Line breaks
// (LF, CRLF) stay: they are quoted, and a spreadsheet shows them as such. Shared by the CLI's CSV
// report and the window's "Copy as CSV".

import { escapeMarker, showInvisible } from './visible-text';

/** Controls made visible, but LF and CRLF line breaks kept (a lone CR would overwrite the line on a terminal). */
function visibleCell(s: string): string {
  return s.split('\r\n').map((part) => showInvisible(part, escapeMarker, '\n')).join('\r\n');
}

export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string') s = visibleCell(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
