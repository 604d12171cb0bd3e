// The CI fuzz run: 300 seeded cases (fixed seed, so every run tries the same inputs; seeds cut to
// their first 120 frames and floods kept small so it stays short on a 2-core machine) through the
// engine in a child. None may crash, hang or run out of memory. For longer runs, `npm run fuzz`.
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../scripts/fuzz/fuzz-campaign';

describe('CI fuzz run', () => {
  it('300 seeded cases: no crash, no hang, no OOM', async () => {
    const report = await runCampaign({ cases: 300, seed: 20261204, timeoutMs: 10_000, memoryMb: 512, outDir: null, floodSize: 400, maxSeedFrames: 120, minimiseRuns: 0 });
    const failures = report.failures.map((f) => `case ${f.index} (${f.mutations.join('; ')}): ${f.outcome.kind}: ${f.outcome.detail}`);
    expect(failures).toEqual([]);
    expect(report.cases).toBe(300);
    // Most mutated captures are still captures: the run exercised the analysis, not only the reader.
    expect(report.counts.ok).toBeGreaterThan(200);
  });
});
