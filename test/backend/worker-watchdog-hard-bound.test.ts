// A worker stuck past the watchdog's hard bound is stopped without anyone asking: the real worker
// spins forever on frame 20 of the bundled sample (test-only hook SessionOptions.__testHangAtFrame),
// and frames 1–19 stay served.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hangingBackend, range, SAMPLE } from './hang-checks';

const { h, workerTemp } = hangingBackend(20, { stallMs: 200, stopMs: 600 });

describe('a worker stuck past the hard bound', () => {
  it('is stopped without being asked, keeping frames 1–19', async () => {
    expect(await h.backend.request('file:open', { paths: [SAMPLE] })).toEqual({ ok: true });
    expect(await h.waitFor('analysis:progress', (p) => p.stalled !== undefined)).toMatchObject({ stalled: { frame: 20, seconds: 0.2 } });
    expect(await h.waitFor('analysis:error')).toEqual({ message: 'Analysis stopped at frame 20: it stopped responding' });
    expect(await h.rows()).toEqual(range(19));
    expect((await h.finalResult()).frames).toBe(19);
    // Only the replacement's own directory is left.
    expect(readdirSync(workerTemp)).toHaveLength(1);
  });
});
