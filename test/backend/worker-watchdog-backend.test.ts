// A worker that hangs in one frame, through the back end with the real worker: the analysis is
// made to spin forever on frame 230 of the bundled sample with the test-only hook
// SessionOptions.__testHangAtFrame (what must stay: hang-checks.ts).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFramesBeforeHangKept, HANG_AT, hangingBackend, range, SAMPLE, STOPPED } from './hang-checks';

const PPA = resolve('test/fixtures/captures/ppa-2006-switchboard-chat.pcap'); // 50 frames
// The hard bound (stop without asking) is far away: only the user's Stop ends this stall.
const { h, workerTemp } = hangingBackend(HANG_AT, { stallMs: 300, stopMs: 60_000 });

describe('a worker stuck in a frame', () => {
  it('is reported with the frame number, stopped on request, and what came before stays served', async () => {
    expect(await h.backend.request('file:open', { paths: [SAMPLE] })).toEqual({ ok: true });
    const stalled = await h.waitFor('analysis:progress', (p) => p.stalled !== undefined);
    expect(stalled).toMatchObject({ done: false, stalled: { frame: HANG_AT, seconds: 0.3 } });
    const stuckDirs = readdirSync(workerTemp);
    expect(stuckDirs).toHaveLength(1);

    // Asked of the stuck worker: answered by the one that replaces it.
    const pendingRows = h.backend.request('frames:rows', { start: 0, count: 100 });
    const from = h.events.length;
    const started = performance.now();
    await h.backend.request('analysis:cancel', undefined);
    // Termination, not the 2 s clean-up wait of a worker that answers, nor the hard bound.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await h.waitFor('analysis:error', () => true, from)).toEqual({ message: STOPPED });
    expect(await h.waitFor('analysis:progress', (p) => p.done, from)).toMatchObject({
      source: 'file', frames: HANG_AT - 1, done: true, stopped: { frame: HANG_AT, lastFrame: HANG_AT - 1 },
    });
    // The stuck worker's temporary directory is gone (the replacement has its own).
    expect(readdirSync(workerTemp)).not.toContain(stuckDirs[0]);

    expect((await pendingRows).number).toEqual(range(100));
    await expectFramesBeforeHangKept(h);
    const view = await h.backend.request('frames:view', { filter: 'msnp.cmd == MSG', sort: null });
    expect(view).toMatchObject({ ok: true, counts: { frames: HANG_AT - 1 } });
    await h.backend.request('frames:view', { filter: '', sort: null });
  });

  it('leaves the next capture to a fresh worker that reads it in full', async () => {
    const from = h.events.length;
    expect(await h.backend.request('file:open', { paths: [PPA] })).toEqual({ ok: true });
    const result = await h.finalResult(from);
    expect(result.frames).toBe(50);
    expect(await h.rows()).toEqual(range(50));
    expect(h.events.slice(from).some((e) => e.channel === 'analysis:error' || (e.channel === 'analysis:progress' && e.payload.stalled))).toBe(false);
  });
});
