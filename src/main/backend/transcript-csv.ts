// CSV export of the transcripts: one row per chat line (session, frame, time, from, nick, text),
// quoted as RFC 4180 says: fields with a comma, quote, CR or LF are enclosed in double quotes
// and quotes inside are doubled; lines end with CRLF.
// (The CLI has its own CSV report in the engine; the lead may merge the two.)

import type { AnalysisResult } from '../../shared/model';

export const TRANSCRIPT_CSV_HEADER = ['session', 'frame', 'time', 'from', 'nick', 'text'];

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function transcriptCsv(result: AnalysisResult): string {
  const lines = [TRANSCRIPT_CSV_HEADER.join(',')];
  for (const session of result.sessions) {
    for (const m of session.messages) {
      lines.push([session.id, m.frame, m.time, m.from, m.nick, m.text].map(csvField).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
