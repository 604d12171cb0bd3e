// One-line texts about sessions and participants, shared by the sessions table, the transcript and its exports.

import type { Participant, SessionRecord } from './model';

/** "Alice <alice@example.com>", or just the account when the nick adds nothing. */
export function participantText(p: Participant): string {
  return p.nick && p.nick !== p.account ? `${p.nick} <${p.account}>` : p.account;
}

export function participantsText(session: SessionRecord): string {
  return session.participants.map(participantText).join(', ');
}

/** First and last time of the session, from its record or else from its messages and events. */
export function sessionSpan(session: SessionRecord): { start?: string; end?: string } {
  const times = [...session.messages.map((m) => m.time), ...(session.events ?? []).map((e) => e.time)].filter(Boolean).sort();
  return { start: session.startTime ?? times[0], end: session.endTime ?? times.at(-1) };
}
