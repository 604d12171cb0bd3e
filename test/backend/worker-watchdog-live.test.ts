// A worker that hangs during a live capture: the sample's frames arrive from a scripted capture
// controller that spools them and saves them as pcapng (as the real one does), and the analysis
// spins forever on frame 230 (test-only hook SessionOptions.__testHangAtFrame). Stop ends the
// capture, kills the worker, removes its temporary directory, and what was captured before the
// stuck frame is read again from the saved capture (what must stay: hang-checks.ts).
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaptureSink, LiveCaptureController } from '../../src/main/capture/live-capture';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { PcapngWriter } from '../../src/main/engine/capture/pcapng-writer';
import { expectFramesBeforeHangKept, HANG_AT, hangingBackend, SAMPLE, STOPPED } from './hang-checks';

class SpoolingCapture implements LiveCaptureController {
  sink: CaptureSink | null = null;
  frames: CapturedFrame[] = [];
  stops = 0;
  async listInterfaces() {
    return [];
  }
  async checkFilter() {
    return null;
  }
  async start(_req: unknown, sink: CaptureSink) {
    this.sink = sink;
  }
  async stop() {
    this.stops++;
    this.sink?.stopped();
  }
  async save(path: string, msnpOnly: boolean, isMsnpFrame: (n: number) => boolean) {
    const fd = openSync(path, 'w');
    const writer = new PcapngWriter((bytes) => void writeSync(fd, bytes));
    const kept = this.frames.filter((f) => !msnpOnly || isMsnpFrame(f.number));
    for (const f of kept) writer.writePacket(writer.addInterface(f.linkType), f.tsUs, f.data, f.originalLength);
    closeSync(fd);
    return kept.length;
  }
  feed(frame: CapturedFrame) {
    this.frames.push(frame);
    this.sink!.frame(frame);
  }
}

const capture = new SpoolingCapture();
const { h, workerTemp } = hangingBackend(HANG_AT, { stallMs: 300, stopMs: 60_000 }, { liveCapture: capture });

describe('a live capture whose analysis gets stuck', () => {
  it('is reported, stopped with its capture, and keeps what was analysed before', async () => {
    expect(await h.backend.request('capture:start', { device: 'lo', filter: 'tcp' })).toEqual({ ok: true });
    let n = 0;
    for await (const f of readCaptureFile(SAMPLE, 0)) capture.feed({ ...f, number: ++n, fileOffset: -1, data: new Uint8Array(f.data) });
    expect(await h.waitFor('analysis:progress', (p) => p.stalled !== undefined)).toMatchObject({ source: 'live', stalled: { frame: HANG_AT } });
    const stuckDirs = readdirSync(workerTemp);
    expect(stuckDirs).toHaveLength(1);
    // The live spool lives in the worker's own directory, so it goes with it.
    expect(readdirSync(join(workerTemp, stuckDirs[0]))).toHaveLength(1);

    const from = h.events.length;
    await h.backend.request('analysis:cancel', undefined);
    expect(await h.waitFor('analysis:error', () => true, from)).toEqual({ message: STOPPED });
    expect(await h.waitFor('analysis:progress', (p) => p.done, from)).toMatchObject({ source: 'live', done: true, stopped: { frame: HANG_AT, lastFrame: HANG_AT - 1 } });
    expect(readdirSync(workerTemp)).not.toContain(stuckDirs[0]);
    await expectFramesBeforeHangKept(h);
    expect(capture.stops).toBe(1);
  });
});
