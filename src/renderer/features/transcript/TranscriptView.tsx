// A session's conversation as a chat: time, sender (nick and account), text, with typing, joins,
// leaves, nudges and invitations inline. Everything captured is shown as plain text (React text
// nodes only). Clicking a line selects its frame in the packet list.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SessionRecord } from '../../../shared/model';
import { showInvisible } from '../../../shared/visible-text';
import { CapturedText } from '../../components/CapturedText';
import { formatClock, formatDateTime, formatDuration } from '../../format/time-format';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { useExportDialog } from '../exports/export-dialogs';
import { participantsText, sessionSpan } from '../../../shared/session-summary';
import { eventText, transcriptLines, type TranscriptLine } from '../../../shared/transcript-lines';

const SENDER_COLOURS = 4;
const NO_SESSIONS: SessionRecord[] = [];

function SessionHeader({ session, sessions }: { session: SessionRecord | null; sessions: SessionRecord[] }) {
  const span = session ? sessionSpan(session) : {};
  return (
    <div className="transcript-header">
      <select
        aria-label="Session"
        value={session?.id ?? ''}
        onChange={(e) => analyzerStore.getState().openSession(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">Choose a session…</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>{`Session ${s.id}: ${showInvisible(participantsText(s))} (${s.messages.length} messages)`}</option>
        ))}
      </select>
      {session && (
        <div className="transcript-meta">
          <span>{formatDateTime(span.start)} UTC</span>
          <span>{formatDuration(span.start, span.end)}</span>
          <span>{session.messages.length} messages</span>
          {session.sbSessionId ? <span>SB session {session.sbSessionId}</span> : null}
          <button type="button" className="tool-button" data-testid="transcript-export" onClick={() => useExportDialog.getState().open({ kind: 'transcript', session: session.id })} title="Export this transcript as text, HTML or JSON">Export…</button>
        </div>
      )}
    </div>
  );
}

function Line({ line, colour, nickOf, selected }: { line: TranscriptLine; colour: (account: string | null) => number; nickOf: (account: string | null) => string; selected: boolean }) {
  const select = (): void => analyzerStore.getState().selectFrame(line.frame, true);
  const common = { 'data-testid': 'transcript-line', 'data-frame': line.frame, onClick: select, title: `Frame ${line.frame} — ${line.time}` };
  const time = <span className="tl-time">{formatClock(line.time)}</span>;
  if (line.type === 'event') {
    const { event } = line;
    return (
      <div {...common} className={`transcript-line tl-event tl-${event.kind}${selected ? ' selected' : ''}`}>
        {time}
        <span className="tl-event-text">
          <CapturedText className="tl-event-who" text={event.nick || nickOf(event.account) || event.account || 'someone'} /> <CapturedText text={eventText(event)} />
        </span>
      </div>
    );
  }
  const { message } = line;
  return (
    <div {...common} className={`transcript-line tl-message${selected ? ' selected' : ''}`}>
      {time}
      <span className={`tl-sender sender-${colour(message.from)}`}>
        <CapturedText className="tl-nick" text={message.nick || message.from} />
        {message.nick && message.nick !== message.from ? <CapturedText className="tl-account" text={message.from} /> : null}
      </span>
      {/* Line breaks and tabs of a chat message are laid out as such (pre-wrap), not marked. */}
      <CapturedText className="tl-text" text={message.text} keep={'\r\n\t'} />
      {message.delivery === 'nak' ? <span className="tl-delivery">not delivered</span> : null}
    </div>
  );
}

export function TranscriptView() {
  const { sessions, selectedSession, selectedFrame } = useAnalyzer(useShallow((s) => ({
    sessions: s.result?.sessions ?? NO_SESSIONS, selectedSession: s.selectedSession, selectedFrame: s.selectedFrame,
  })));
  const session = sessions.find((s) => s.id === selectedSession) ?? null;
  return <SessionTranscript sessions={sessions} session={session} selectedFrame={selectedFrame} />;
}

/** The transcript of `session` (or a hint to pick one); pure, so it renders in tests without a store. */
export function SessionTranscript({ sessions, session, selectedFrame }: { sessions: SessionRecord[]; session: SessionRecord | null; selectedFrame: number | null }) {
  const lines = useMemo(() => (session ? transcriptLines(session) : []), [session]);
  const nickOf = useMemo(() => {
    const nicks = new Map(session?.participants.map((p) => [p.account, p.nick]));
    return (account: string | null): string => (account ? nicks.get(account) ?? '' : '');
  }, [session]);
  const colour = useMemo(() => {
    const order = new Map<string, number>();
    session?.participants.forEach((p, i) => order.set(p.account, i % SENDER_COLOURS));
    return (account: string | null): number => (account ? order.get(account) ?? SENDER_COLOURS - 1 : SENDER_COLOURS - 1);
  }, [session]);

  return (
    <div className="transcript-view">
      <SessionHeader session={session} sessions={sessions} />
      <div className="transcript pane-scroll" data-testid="transcript" aria-label="Transcript">
        {!session && <div className="pane-placeholder">{sessions.length ? 'Click a session in the Sessions tab (or choose one above) to read its chat.' : 'No sessions in this capture.'}</div>}
        {session && lines.length === 0 && <div className="pane-placeholder">This session has no messages.</div>}
        {lines.map((line) => <Line key={line.key} line={line} colour={colour} nickOf={nickOf} selected={line.frame === selectedFrame} />)}
      </div>
    </div>
  );
}
