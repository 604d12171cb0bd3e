// A session's transcript as plain text: a heading, then one line per message or event,
// "[time] Nick <account>: text". Captured text has control, bidi and zero-width characters as
// `\u{…}` escapes (as the text report writes them); a message's own line breaks become
// indented continuation lines, so no captured text can pass for a line of its own.

import type { SessionRecord } from '../../../shared/model';
import { participantsText, sessionSpan } from '../../../shared/session-summary';
import { escapeMarker, showInvisible } from '../../../shared/visible-text';
import { transcriptLinesForExport } from './transcript-json';

const CONTINUATION = '\n    ';

function safeMessage(text: string): string {
  return showInvisible(text.replace(/\r\n?/g, '\n'), escapeMarker, '\n\t').replace(/\n/g, CONTINUATION);
}

const safe = (s: string): string => showInvisible(s, escapeMarker);

export function transcriptText(session: SessionRecord): string {
  const span = sessionSpan(session);
  const out = [`Session ${session.id}: ${safe(participantsText(session)) || 'no participants seen'}`];
  if (span.start) out.push(`${span.start} → ${span.end ?? '?'} (UTC), ${session.messages.length} messages`);
  out.push('');
  for (const line of transcriptLinesForExport(session)) {
    const who = line.nick && line.nick !== line.from ? `${safe(line.nick)} <${safe(line.from ?? '')}>` : safe(line.from ?? 'someone');
    const clock = line.time.slice(11, 19);
    out.push(line.kind === 'message' ? `[${clock}] ${who}: ${safeMessage(line.text)}` : `[${clock}] * ${who} ${safe(line.text)}`);
  }
  return out.join('\n') + '\n';
}
