// Merges a session's chat messages and its other events (typing, joins, leaves, nudges,
// invitations…) into one list in wire order, for the transcript view and the transcript exports.

import type { SessionEvent, SessionRecord, TranscriptMessage } from './model';

export type TranscriptLine =
  | { type: 'message'; key: string; frame: number; time: string; message: TranscriptMessage }
  | { type: 'event'; key: string; frame: number; time: string; event: SessionEvent };

export function transcriptLines(session: SessionRecord): TranscriptLine[] {
  const lines: TranscriptLine[] = session.messages.map((message, i) => ({ type: 'message', key: `m${i}`, frame: message.frame, time: message.time, message }));
  const messageFrames = new Set(session.messages.map((m) => m.frame));
  (session.events ?? []).forEach((event, i) => {
    // A 'message' event only repeats a chat message already listed.
    if (event.kind === 'message' && messageFrames.has(event.frame)) return;
    lines.push({ type: 'event', key: `e${i}`, frame: event.frame, time: event.time, event });
  });
  // Stable sort: equal frames keep messages before the events of the same frame.
  return lines.sort((a, b) => a.frame - b.frame);
}

const EVENT_VERBS: Record<SessionEvent['kind'], string> = {
  join: 'joined the conversation',
  leave: 'left the conversation',
  typing: 'is typing…',
  nudge: 'sent a nudge',
  wink: 'sent a wink',
  action: 'action',
  invitation: 'invitation',
  file: 'file',
  ringing: 'is ringing',
  roster: 'was already in the conversation',
  message: 'message',
};

/** Joins and leaves carry their own wording ("opened the conversation", "answered"). */
const DETAIL_IS_VERB = new Set<SessionEvent['kind']>(['join', 'leave', 'roster']);

/** What follows the actor's name: "sent a nudge", "opened the conversation", "invitation: hello.txt". */
export function eventText(event: SessionEvent): string {
  const verb = EVENT_VERBS[event.kind] ?? event.kind;
  if (!event.detail) return verb;
  if (DETAIL_IS_VERB.has(event.kind)) return event.detail;
  return event.kind === 'ringing' ? `is ringing (${event.detail})` : `${verb}: ${event.detail}`;
}
