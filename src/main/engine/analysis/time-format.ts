// Capture timestamps (microseconds since the Unix epoch) as ISO 8601 UTC text with microseconds,
// e.g. "2005-06-14T12:00:01.123456Z": what every record of the result model carries.

// Consecutive records mostly fall in the same second: its text is kept (Date is slow).
let cachedSecond = Number.NaN;
let cachedText = '';

/** µs since the epoch → "YYYY-MM-DDTHH:MM:SS.ffffffZ". Non-finite input gives the epoch. */
export function formatTimeUs(us: number): string {
  const value = Number.isFinite(us) ? Math.trunc(us) : 0;
  // Floor division keeps the fraction positive for times before 1970.
  const seconds = Math.floor(value / 1_000_000);
  const micros = value - seconds * 1_000_000;
  if (seconds !== cachedSecond) {
    const whole = new Date(seconds * 1000);
    if (Number.isNaN(whole.getTime())) return '1970-01-01T00:00:00.000000Z';
    cachedSecond = seconds;
    cachedText = whole.toISOString().slice(0, 19);
  }
  return `${cachedText}.${String(micros).padStart(6, '0')}Z`;
}
