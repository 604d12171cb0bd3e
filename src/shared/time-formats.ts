// The Time column's formats and precisions (Wireshark's View → Time Display Format), named here
// so that Electron's View menu and the renderer's toolbar offer the same ones.

export type TimeFormat = 'relative' | 'delta' | 'delta-displayed' | 'absolute-local' | 'absolute-utc' | 'epoch';
export type TimePrecision = 'auto' | 's' | 'ms' | 'us' | 'ns';

export const TIME_FORMATS: readonly { format: TimeFormat; label: string }[] = [
  { format: 'relative', label: 'Seconds since beginning of capture' },
  { format: 'delta-displayed', label: 'Seconds since previous displayed packet' },
  { format: 'delta', label: 'Seconds since previous captured packet' },
  { format: 'absolute-local', label: 'Date and time of day (local)' },
  { format: 'absolute-utc', label: 'UTC date and time of day' },
  { format: 'epoch', label: 'Seconds since 1970-01-01 (epoch)' },
];

export const TIME_PRECISIONS: readonly { precision: TimePrecision; label: string }[] = [
  { precision: 'auto', label: 'Automatic (µs)' },
  { precision: 's', label: 'Seconds' },
  { precision: 'ms', label: 'Milliseconds' },
  { precision: 'us', label: 'Microseconds' },
  { precision: 'ns', label: 'Nanoseconds' },
];

export const isTimeFormat = (v: unknown): v is TimeFormat => TIME_FORMATS.some((f) => f.format === v);
export const isTimePrecision = (v: unknown): v is TimePrecision => TIME_PRECISIONS.some((p) => p.precision === v);
