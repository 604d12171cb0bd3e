// Live capture through the back end with a scripted LiveCaptureController (injected) and the
// real worker: the capture side's frames are analysed like a file's, progress carries the
// capture statistics, stop finishes the analysis, and save hands the MSNP frame predicate to
// the controller. Frames replayed from the sample capture (227 of its 293 frames are on the
// MSNP ports 1863/1864, per tshark).
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaptureSink, LiveCaptureController } from '../../src/main/capture/live-capture';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import type { CaptureStartRequest } from '../../src/shared/ipc-contract';
import { backendHarness } from './backend-harness';

class ScriptedCapture implements LiveCaptureController {
  sink: CaptureSink | null = null;
  started: CaptureStartRequest[] = [];
  saved: { path: string; msnpOnly: boolean; msnp: number[] } | null = null;
  async listInterfaces() {
    return [{ name: 'lo', description: 'Loopback', addresses: ['127.0.0.1'], loopback: true, up: true, isDefault: false }];
  }
  async checkFilter(_device: string, filter: string) {
    return filter === 'bogus' ? 'syntax error in filter expression' : null;
  }
  async start(req: CaptureStartRequest, sink: CaptureSink) {
    if (req.device === 'nope') throw new Error("no such device 'nope'");
    this.started.push(req);
    this.sink = sink;
  }
  async stop() {
    this.sink?.stopped();
  }
  async save(path: string, msnpOnly: boolean, isMsnpFrame: (n: number) => boolean) {
    const msnp = Array.from({ length: 293 }, (_, i) => i + 1).filter(isMsnpFrame);
    this.saved = { path, msnpOnly, msnp };
    return msnpOnly ? msnp.length : 293;
  }
}

const capture = new ScriptedCapture();
const h = backendHarness({ liveCapture: capture });
afterAll(() => h.close());

describe('AnalyzerBackend live capture', () => {
  it('lists interfaces and checks filters through the controller', async () => {
    expect(await h.backend.request('capture:interfaces', undefined)).toEqual({ ok: true, interfaces: await capture.listInterfaces() });
    expect(await h.backend.request('capture:check-filter', { device: 'lo', filter: 'tcp' })).toEqual({ ok: true });
    expect(await h.backend.request('capture:check-filter', { device: 'lo', filter: 'bogus' })).toEqual({ ok: false, error: 'syntax error in filter expression' });
  });

  it('reports a start failure without touching the current analysis', async () => {
    expect(await h.backend.request('capture:start', { device: 'nope', filter: '' })).toEqual({ ok: false, error: "no such device 'nope'" });
    expect(h.events).toEqual([]);
  });

  it('analyses frames as they arrive, with capture statistics in the progress', async () => {
    expect(await h.backend.request('capture:start', { device: 'lo', filter: 'tcp' })).toEqual({ ok: true });
    expect(await h.backend.request('capture:start', { device: 'lo', filter: 'tcp' })).toEqual({ ok: false, error: 'a live capture is already running' });
    let n = 0;
    for await (const f of readCaptureFile(resolve('assets/sample.pcap'), 0)) {
      capture.sink!.frame({ ...f, number: ++n, fileOffset: -1, data: new Uint8Array(f.data) });
    }
    capture.sink!.stats({ captured: 293, dropped: null, elapsedSeconds: 4 });
    await h.waitFor('analysis:progress', (p) => p.frames === 293);
    const progress = await h.waitFor('analysis:progress', (p) => p.captured === 293);
    expect(progress).toMatchObject({ source: 'live', label: 'lo (live)', captured: 293, elapsedSeconds: 4, done: false });
    expect(progress).not.toHaveProperty('dropped');
    expect(h.events[0]).toEqual({ channel: 'analysis:reset', payload: { label: 'lo (live)', source: 'live' } });
    const detail = await h.backend.request('frames:detail', { number: 4 });
    // tshark: frame 4 is 80 bytes, TCP payload at 66 "VER 1 MSNP12\r\n" (read back from the worker's spool).
    expect(new TextDecoder().decode(detail!.bytes.subarray(66))).toBe('VER 1 MSNP12\r\n');
  });

  it('stop finishes the analysis; save uses the controller with the MSNP frame predicate', async () => {
    await h.backend.request('capture:stop', undefined);
    const final = await h.finalResult();
    expect(final.frames).toBe(293);
    expect(await h.rows()).toEqual(Array.from({ length: 293 }, (_, i) => i + 1));
    const saved = await h.backend.request('capture:save', { msnpOnly: true });
    expect(saved).toEqual({ ok: true, path: join(h.dir, 'lo_live_-msnp.pcapng'), frames: 227 });
    expect(capture.saved?.path).toBe(join(h.dir, 'lo_live_-msnp.pcapng'));
    expect(capture.saved?.msnp).toHaveLength(227);
  });
});
