// Statistics → Session Timeline: every switchboard session and P2P transfer as a bar on the
// capture's time axis, chat messages as ticks, file transfers as spans, each contact's presence as
// a coloured strip, one row per conversation or per account. The back end builds it from the
// analysis result (stats:timeline); times are microseconds since the capture's first frame, the
// time frame.time_relative measures, so a brushed range is a display filter as it is.

export type TimelineGrouping = 'conversation' | 'account';

/** Presence as the strip colours it (MSNP status codes folded into four, plus other). */
export type PresenceState = 'online' | 'away' | 'busy' | 'offline' | 'other';

export interface TimelineRow {
  /** Captured text (accounts): shown as captured text. */
  label: string;
  kind: 'session' | 'transfer' | 'presence' | 'account';
}

export interface TimelineItem {
  row: number;
  startUs: number;
  /** Equal to startUs for a tick. */
  endUs: number;
  /** The frame a click goes to (the session's first frame, the message's, the file's offer…). */
  frame: number;
  /** What it is, as the table and the tooltip say it (captured text inside). */
  label: string;
}

export interface TimelineStrip extends TimelineItem {
  state: PresenceState;
  /** The status code as sent: NLN, AWY, BSY, FLN… */
  status: string;
}

export interface TimelineTransfer extends TimelineItem {
  /** Bytes received of the declared size. */
  received: number;
  size: number;
  complete: boolean;
}

export interface TimelineResponse {
  grouping: TimelineGrouping;
  /** The first frame's time (µs since the epoch), null with no frames. */
  startUs: number | null;
  /** The last frame's time, relative to the first. */
  durationUs: number;
  rows: TimelineRow[];
  /** Switchboard sessions, and P2P transfers outside any session. */
  bars: TimelineItem[];
  /** Chat messages. */
  ticks: TimelineItem[];
  /** File transfers, from the offer to the last chunk seen. */
  transfers: TimelineTransfer[];
  /** Presence, from each change to the next. */
  strips: TimelineStrip[];
  /** Said when rows or ticks were left out (a flood of sessions or messages). */
  note?: string;
}

export const TIMELINE_GROUPINGS: readonly TimelineGrouping[] = ['conversation', 'account'];

/** MSNP status codes by what the strip shows. */
export function presenceState(status: string): PresenceState {
  switch (status.toUpperCase()) {
    case 'NLN': return 'online';
    case 'AWY': case 'BRB': case 'LUN': case 'IDL': return 'away';
    case 'BSY': case 'PHN': return 'busy';
    case 'FLN': case 'HDN': return 'offline';
    default: return 'other';
  }
}

/** The display filter for frames in [a, b] µs since the first frame (a brushed range), to the microsecond. */
export function timeRangeFilter(fromUs: number, toUs: number): string {
  const a = Math.max(0, Math.floor(Math.min(fromUs, toUs)));
  const b = Math.ceil(Math.max(fromUs, toUs));
  return `frame.time_relative >= ${(a / 1e6).toFixed(6)} && frame.time_relative <= ${(b / 1e6).toFixed(6)}`;
}
