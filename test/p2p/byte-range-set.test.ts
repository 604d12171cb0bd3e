// The merged byte ranges of a file: counts of new bytes and the merged ranges, checked against a
// plain per-byte map on random ranges (a seeded PRNG), and the cases at range edges by hand.
import { describe, expect, it } from 'vitest';
import { ByteRangeSet } from '../../src/main/engine/p2p/byte-range-set';
import { prng } from '../helpers/prng';

/** The runs of covered bytes of a per-byte map, as [start, end) pairs. */
function runsOf(covered: boolean[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < covered.length; i++) {
    if (!covered[i]) continue;
    if (runs.length > 0 && runs[runs.length - 1][1] === i) runs[runs.length - 1][1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs;
}

describe('ByteRangeSet', () => {
  it('merges touching and overlapping ranges and counts only new bytes', () => {
    const set = new ByteRangeSet();
    expect(set.add(10, 20)).toBe(10);
    expect(set.add(20, 25)).toBe(5); // touches the end
    expect(set.add(5, 10)).toBe(5); // touches the start
    expect(set.ranges()).toEqual([[5, 25]]);
    expect(set.add(30, 40)).toBe(10);
    expect(set.add(50, 60)).toBe(10);
    expect(set.add(0, 100)).toBe(100 - 20 - 10 - 10); // swallows all three
    expect(set.ranges()).toEqual([[0, 100]]);
    expect(set.add(40, 60)).toBe(0);
    expect(set.add(7, 7)).toBe(0);
    expect(set.count).toBe(1);
  });

  it('agrees with a per-byte map on 5,000 random ranges', () => {
    const random = prng(11);
    const size = 20_000;
    const covered = new Array<boolean>(size).fill(false);
    const set = new ByteRangeSet();
    for (let k = 0; k < 5_000; k++) {
      const start = Math.floor(random() * size);
      const end = Math.min(size, start + 1 + Math.floor(random() * (random() < 0.9 ? 8 : 400)));
      let fresh = 0;
      for (let i = start; i < end; i++) {
        if (!covered[i]) fresh++;
        covered[i] = true;
      }
      expect(set.add(start, end)).toBe(fresh);
    }
    const runs = runsOf(covered);
    expect(set.ranges()).toEqual(runs);
    expect(set.count).toBe(runs.length);
  });
});
