// Cases are reproducible from (seed, case number) alone, which is what a sidecar records, and
// a run draws from every family of mutation.
import { describe, expect, it } from 'vitest';
import { generateCase } from '../../scripts/fuzz/case-generator';
import { loadSeeds } from '../../scripts/fuzz/seed-corpus';

const seeds = await loadSeeds(undefined, 60);
const options = { floodSize: 200 };
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('generateCase', () => {
  it('rebuilds the same bytes for the same seed and case number, in any order', () => {
    const forward = [0, 1, 2, 3, 4, 5].map((i) => hex(generateCase(seeds, 9, i, options).bytes));
    const alone = hex(generateCase(seeds, 9, 4, options).bytes);
    expect(alone).toBe(forward[4]);
    expect(new Set(forward).size).toBe(6);
    expect(hex(generateCase(seeds, 10, 4, options).bytes)).not.toBe(alone);
  });

  it('draws crafted cases, TCP, record, byte and gzip mutations within 200 cases', () => {
    const mutations = Array.from({ length: 200 }, (_, i) => generateCase(seeds, 1, i, options).mutations.join('; '));
    expect(mutations.some((m) => m.startsWith('crafted: '))).toBe(true);
    expect(mutations.some((m) => /later sequence numbers shifted|sequence number bit/.test(m))).toBe(true);
    expect(mutations.some((m) => /record \d+ (incl_len|orig_len)|block \d+ /.test(m))).toBe(true);
    expect(mutations.some((m) => /flip \d+ bit|insert \d+ byte|truncate at/.test(m))).toBe(true);
    expect(mutations.some((m) => /gzip/.test(m))).toBe(true);
  });
});
