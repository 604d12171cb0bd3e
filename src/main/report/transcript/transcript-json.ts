// A session's transcript as JSON: its participants and, in wire order, every line the window
// shows (chat messages and the events between them), each with frame, time, from, nick and
// text. Text is kept as sent (JSON escapes what it must), as in the analysis JSON report.

import type { SessionRecord } from '../../../shared/model';
import { sessionSpan } from '../../../shared/session-summary';
import { eventText, transcriptLines } from '../../../shared/transcript-lines';

export interface TranscriptJsonLine {
  frame: number;
  time: string;
  /** 'message' for chat text, else the event's kind (join, leave, typing, nudge…). */
  kind: string;
  from: string | null;
  nick: string | null;
  text: string;
}

export function transcriptLinesForExport(session: SessionRecord): TranscriptJsonLine[] {
  const nicks = new Map(session.participants.map((p) => [p.account, p.nick]));
  return transcriptLines(session).map((line) =>
    line.type === 'message'
      ? { frame: line.frame, time: line.time, kind: 'message', from: line.message.from, nick: line.message.nick || null, text: line.message.text }
      : { frame: line.frame, time: line.time, kind: line.event.kind, from: line.event.account, nick: line.event.nick || (line.event.account ? nicks.get(line.event.account) ?? null : null), text: eventText(line.event) });
}

export function transcriptJson(session: SessionRecord): string {
  const span = sessionSpan(session);
  return JSON.stringify({
    session: session.id,
    switchboardSession: session.sbSessionId ?? null,
    start: span.start ?? null,
    end: span.end ?? null,
    participants: session.participants,
    lines: transcriptLinesForExport(session),
  }, null, 2) + '\n';
}
