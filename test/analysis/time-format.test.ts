import { describe, expect, it } from 'vitest';
import { formatTimeUs } from '../../src/main/engine/analysis/time-format';

describe('formatTimeUs', () => {
  it('writes ISO 8601 UTC with six fraction digits', () => {
    // Date.UTC(2005, 5, 14, 12, 0, 1) = 1118750401000 ms.
    expect(formatTimeUs(1118750401_123456)).toBe('2005-06-14T12:00:01.123456Z');
  });

  it('keeps leading zeros of the fraction and whole seconds', () => {
    expect(formatTimeUs(1118750401_000007)).toBe('2005-06-14T12:00:01.000007Z');
    expect(formatTimeUs(1118750401_000000)).toBe('2005-06-14T12:00:01.000000Z');
  });

  it('counts times before 1970 down from the epoch', () => {
    expect(formatTimeUs(-1)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('gives the epoch for values that are not times', () => {
    expect(formatTimeUs(Number.NaN)).toBe('1970-01-01T00:00:00.000000Z');
    expect(formatTimeUs(1e30)).toBe('1970-01-01T00:00:00.000000Z');
  });
});
