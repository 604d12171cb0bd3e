// Time and size texts of the views (UTC, microseconds). Expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { timeColumnText } from '../../src/renderer/format/time-display';
import { formatClock, formatDuration, formatSize } from '../../src/renderer/format/time-format';

const relative = (timeUs: number, firstTimeUs: number | null) => timeColumnText({ timeUs }, { format: 'relative', precision: 'auto', firstTimeUs });
const utc = (timeUs: number) => timeColumnText({ timeUs }, { format: 'absolute-utc', precision: 'auto', firstTimeUs: null });

describe('time and size texts', () => {
  it('relative time is seconds since the first frame, to the microsecond', () => {
    expect(relative(1_000_000_000_123_456, 1_000_000_000_000_000)).toBe('0.123456');
    expect(relative(1_000_000_012_000_001, 1_000_000_000_000_000)).toBe('12.000001');
    expect(relative(5, null)).toBe('0.000000');
  });

  it('absolute time is UTC with microseconds', () => {
    // 2006-03-23T12:00:00Z is 1143115200 s after the epoch.
    expect(utc(1_143_115_200_000_007)).toBe('2006-03-23 12:00:00.000007');
    expect(utc(Number.NaN)).toBe('');
  });

  it('clock, duration and size', () => {
    expect(formatClock('2026-11-23T12:04:30.385866Z')).toBe('12:04:30');
    expect(formatClock('garbage')).toBe('');
    expect(formatDuration('2026-11-23T12:04:30Z', '2026-11-23T12:04:47Z')).toBe('17.0 s');
    expect(formatDuration('2026-11-23T12:00:00Z', '2026-11-23T13:02:05Z')).toBe('1 h 02 min');
    expect(formatDuration('2026-11-23T12:00:00Z', undefined)).toBe('');
    expect(formatSize(145)).toBe('145 B');
    expect(formatSize(20000)).toBe('19.5 KiB');
  });
});
