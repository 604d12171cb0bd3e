// if_tsresol conversions to integer µs (truncating), checked against exact BigInt arithmetic:
// the converter splits the 64-bit value to stay exact beyond 2^53.

import { describe, expect, it } from 'vitest';
import { timestampConverter } from '../../src/main/engine/capture/pcapng-timestamp';

/** Exact ⌊units · 10^6 / unitsPerSecond⌋ + offset · 10^6. */
function exact(units: bigint, unitsPerSecond: bigint, offsetSeconds = 0n): number {
  return Number((units * 1_000_000n) / unitsPerSecond + offsetSeconds * 1_000_000n);
}

const split = (units: bigint): [number, number] => [Number(units >> 32n), Number(units & 0xffffffffn)];

describe('pcapng timestamp resolution', () => {
  const cases: [string, number, bigint, bigint][] = [
    ['seconds (10^0)', 0, 1_795_435_535n, 1n],
    ['milliseconds (10^-3)', 3, 1_795_435_535_452n, 1000n],
    ['microseconds (default 10^-6)', 6, 1_795_435_535_452_840n, 1_000_000n],
    ['nanoseconds (10^-9), above 2^53', 9, 1_795_435_535_452_840_999n, 1_000_000_000n],
    ['picoseconds (10^-12)', 12, 1_795_435_535_452_840_999_999n & 0xffffffffffffffffn, 1_000_000_000_000n],
    ['femtoseconds (10^-15)', 15, 17_954_355_354_528_409_999n, 1_000_000_000_000_000n],
    ['2^-10 seconds', 0x80 | 10, 1_838_526_000_000n + 1023n, 1024n],
    ['2^-32 seconds (NTP-like)', 0x80 | 32, (1_795_435_535n << 32n) + 0x80000000n, 1n << 32n],
  ];
  it.each(cases)('%s', (_name, tsresol, units, perSecond) => {
    expect(timestampConverter(tsresol, 0)(...split(units))).toBe(exact(units, perSecond));
  });

  it('adds if_tsoffset seconds, also negative', () => {
    expect(timestampConverter(9, 3600)(...split(1_000_000_999n))).toBe(3_600_000_000 + 1_000_000);
    expect(timestampConverter(6, -10)(...split(20_000_000n))).toBe(10_000_000);
  });

  it('truncates rather than rounds', () => {
    expect(timestampConverter(9, 0)(0, 1999)).toBe(1);
    expect(timestampConverter(0x80 | 1, 0)(0, 1)).toBe(500_000);
    expect(timestampConverter(0x80 | 20, 0)(0, 1)).toBe(0); // 0.95 µs
  });
});
