// The Time column's formats and precisions, as Wireshark's View → Time Display Format: seconds
// since the beginning of the capture (or the time reference in force), since the previous
// captured or displayed packet, absolute date and time (local or UTC), and seconds since the
// epoch; digits automatic (the microseconds the packet table keeps), seconds, ms, µs or ns.
// Lower precisions truncate, as Wireshark's do; a time reference frame shows *REF*.

import type { TimePrecision } from '../../shared/time-formats';

export { isTimeFormat, isTimePrecision, TIME_FORMATS, TIME_PRECISIONS, type TimeFormat, type TimePrecision } from '../../shared/time-formats';
import type { TimeFormat } from '../../shared/time-formats';

const DIGITS: Record<TimePrecision, number> = { auto: 6, s: 0, ms: 3, us: 6, ns: 9 };

/** What a row gives the Time column (times in µs; the back end's row page carries the differences). */
export interface RowTimes {
  timeUs: number;
  relativeUs?: number;
  deltaUs?: number;
  deltaDisplayedUs?: number;
  timeReference?: boolean;
}

export interface TimeDisplay {
  format: TimeFormat;
  precision: TimePrecision;
  /** For a row without relativeUs: the first frame's time. */
  firstTimeUs: number | null;
}

export const REF_TEXT = '*REF*';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Whole seconds and the fraction's digits (truncated) of a non-negative µs count. */
function split(us: number, digits: number): { seconds: number; fraction: string } {
  const seconds = Math.floor(us / 1e6);
  const ns = Math.min(999_999_999, Math.round((us - seconds * 1e6) * 1000));
  const fraction = digits === 0 ? '' : pad(Math.floor(ns / 10 ** (9 - digits)), digits);
  return { seconds, fraction };
}

/** "12.345678", "-0.5" style seconds from µs. */
export function secondsText(us: number, digits: number): string {
  if (!Number.isFinite(us)) return '';
  const { seconds, fraction } = split(Math.abs(us), digits);
  const sign = us < 0 && (seconds > 0 || /[1-9]/.test(fraction)) ? '-' : '';
  return `${sign}${seconds}${fraction ? `.${fraction}` : ''}`;
}

/** "2005-03-10 14:02:33.123456", local or UTC. */
export function dateTimeText(timeUs: number, digits: number, utc: boolean): string {
  if (!Number.isFinite(timeUs)) return '';
  const { seconds, fraction } = split(timeUs, digits);
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) return '';
  const [y, mo, day, h, mi, s] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return `${y}-${pad(mo + 1)}-${pad(day)} ${pad(h)}:${pad(mi)}:${pad(s)}${fraction ? `.${fraction}` : ''}`;
}

/** The Time column's text for a row. */
export function timeColumnText(row: RowTimes, display: TimeDisplay): string {
  if (row.timeReference) return REF_TEXT;
  const digits = DIGITS[display.precision];
  switch (display.format) {
    case 'relative': return secondsText(row.relativeUs ?? row.timeUs - (display.firstTimeUs ?? row.timeUs), digits);
    case 'delta': return secondsText(row.deltaUs ?? 0, digits);
    case 'delta-displayed': return secondsText(row.deltaDisplayedUs ?? 0, digits);
    case 'absolute-local': return dateTimeText(row.timeUs, digits, false);
    case 'absolute-utc': return dateTimeText(row.timeUs, digits, true);
    case 'epoch': return secondsText(row.timeUs, digits);
  }
}
