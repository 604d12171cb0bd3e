// The worker's session plumbing with the real capture reader and a stub analyzer (injected):
// event order, rows for every frame (paged from the packet table), detail by re-reading bytes,
// display filter and sort, cancel, bad files, save.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisSession, type CaptureBatchReader } from '../../src/main/backend/analysis-session';
import type { WorkerEvent } from '../../src/main/backend/worker-protocol';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import type { AnalysisResult } from '../../src/shared/model';
import { applyResultDelta } from '../../src/shared/result-delta';
import { StubAnalyzer, stubFactory } from './stub-analyzer';

const PPA = 'test/fixtures/captures/ppa-2006-switchboard-chat.pcap'; // 50 frames, 6635 bytes
const SAMPLE = 'assets/sample.pcap'; // 293 frames

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'session-test-'));
  dirs.push(d);
  return d;
}

function makeSession(readCaptures: CaptureBatchReader = mergeCaptureBatches) {
  const events: WorkerEvent[] = [];
  const analyzers: StubAnalyzer[] = [];
  const session = new AnalysisSession({ createAnalyzer: stubFactory(analyzers), readCaptures, emit: (e) => events.push(e) });
  const rows = () => session.rows(0, 2000).number;
  /** The result as the renderer builds it from the increments. */
  const result = () => events.reduce<AnalysisResult | null>((r, e) => (e.channel === 'analysis:result' ? applyResultDelta(r, e.payload.delta) : r), null);
  return { session, events, analyzers, rows, result };
}

async function readAll(path: string): Promise<CapturedFrame[]> {
  const out: CapturedFrame[] = [];
  for await (const f of readCaptureFile(path, 0)) out.push({ ...f, number: out.length + 1, data: new Uint8Array(f.data) });
  return out;
}

describe('AnalysisSession with files', () => {
  it('streams reset, every row in order, the final result and a done progress', async () => {
    const { session, events, rows, result } = makeSession();
    await session.load([PPA], 'ppa.pcap', {});
    expect(events[0]).toEqual({ channel: 'analysis:reset', payload: { label: 'ppa.pcap', source: 'file' } });
    expect(rows()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const finals = events.filter((e) => e.channel === 'analysis:result' && e.payload.final);
    expect(finals).toHaveLength(1);
    const last = events[events.length - 1];
    expect(last.channel).toBe('analysis:progress');
    expect(last.payload).toMatchObject({ source: 'file', label: 'ppa.pcap', bytesDone: 6635, bytesTotal: 6635, frames: 50, done: true });
    expect(result()?.frames).toBe(50);
    expect(result()?.captures).toEqual([{ path: PPA, format: 'pcap', frames: 50, gzip: false }]);
    // The last counts event says all 50 frames are shown.
    const counts = events.filter((e) => e.channel === 'frames:count').at(-1);
    expect(counts?.payload).toMatchObject({ frames: 50, displayed: 50 });
    expect(events.some((e) => e.channel === 'analysis:error')).toBe(false);
    await session.dispose();
  });

  it('merges several files and re-reads any frame from the right file', async () => {
    const { session, rows } = makeSession();
    await session.load([PPA, SAMPLE], 'two', {});
    expect(rows()).toHaveLength(343);
    const ppa = await readAll(PPA);
    const sample = await readAll(SAMPLE);
    // The 2006 capture is older than the sample, so it comes first in timestamp order.
    const d1 = await session.detail(1);
    expect(d1?.bytes).toEqual(ppa[0].data);
    const d51 = await session.detail(51);
    expect(d51?.bytes).toEqual(sample[0].data);
    expect(d51?.tree[0].label).toBe(`Frame 51: ${sample[0].data.length} bytes, link type 1`);
    expect(await session.detail(344)).toBeNull();
    expect(await session.detail(0)).toBeNull();
    await session.dispose();
  });

  it('evaluates display filters over the recorded fields, reporting syntax errors', async () => {
    const { session, rows } = makeSession();
    await session.load([PPA], 'ppa', {});
    // Stub fields: tcp.stream = number % 3.
    const r = await session.view('tcp.stream == 0 && frame.number <= 12', null);
    expect(r).toMatchObject({ ok: true, counts: { frames: 50, displayed: 4 } });
    expect(rows()).toEqual([3, 6, 9, 12]);
    expect(session.position(9)).toBe(2);
    expect(session.position(10)).toBe(-1);
    // A bad filter leaves the previous one applied.
    expect(await session.view('tcp.stream ==', null)).toEqual({ ok: false, error: "expected value after '=='", position: 13 });
    expect(rows()).toEqual([3, 6, 9, 12]);
    expect(await session.view('', null)).toMatchObject({ ok: true, counts: { displayed: 50 } });
    expect(rows()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // The PPA chat's client is 192.168.0.114, the source of 26 frames (tshark -T fields -e ip.src):
    // those frames (IPv4 source address at bytes 26–29 of each Ethernet frame), in reverse order.
    expect(await session.view('ip.src == 192.168.0.114', { column: 'number', desc: true })).toMatchObject({ ok: true, counts: { displayed: 26 } });
    const fromClient = (await readAll(PPA)).filter((f) => [...f.data.subarray(26, 30)].join('.') === '192.168.0.114').map((f) => f.number);
    expect(fromClient).toHaveLength(26);
    expect(rows()).toEqual([...fromClient].reverse());
    await session.dispose();
  });

  it('cancel stops reading; what was decoded stays and the capture is marked', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstBatchOut!: () => void;
    const firstBatchSent = new Promise<void>((r) => (firstBatchOut = r));
    async function* gated(paths: string[]) {
      const frames = await readAll(paths[0]);
      yield frames.slice(0, 10);
      firstBatchOut();
      await gate;
      yield frames.slice(10);
      return [];
    }
    const { session, events, rows, result } = makeSession(gated);
    const loading = session.load([PPA], 'ppa', {});
    await firstBatchSent;
    session.cancel();
    release();
    await loading;
    expect(rows()).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(events.filter((e) => e.channel === 'analysis:result' && e.payload.final)).toHaveLength(1);
    expect(result()).toMatchObject({ frames: 10, captures: [{ path: PPA, format: 'pcap', gzip: false, frames: 10, cancelled: { afterFrames: 10 } }] });
    expect(result()?.captures[0].damage).toBeUndefined();
    expect(events.at(-1)?.payload).toMatchObject({ done: true, cancelled: true, frames: 10 });
    // Cancelling is not damage: no error event.
    expect(events.some((e) => e.channel === 'analysis:error')).toBe(false);
    expect(await session.detail(10)).not.toBeNull();
    await session.dispose();
  });

  it('a file that is not a capture gives an error event, then a final (empty) result', async () => {
    const dir = tempDir();
    const bad = join(dir, 'notes.pcap');
    writeFileSync(bad, 'this is not a capture file at all, just text\n');
    const { session, events } = makeSession();
    await session.load([bad], 'notes.pcap', {});
    const channels = events.map((e) => e.channel);
    expect(channels[0]).toBe('analysis:reset');
    const error = events.find((e) => e.channel === 'analysis:error');
    expect(error?.payload).toEqual({ message: expect.stringMatching(/not a (pcap|capture)|unknown|magic/i) });
    expect(error?.payload.message).not.toContain(dir);
    expect(channels.slice(-2)).toEqual(['analysis:result', 'analysis:progress']);
    await session.dispose();
  });

  it('a truncated file keeps the frames before the cut and reports the damage', async () => {
    const dir = tempDir();
    const cut = join(dir, 'cut.pcap');
    const { readFileSync } = await import('node:fs');
    writeFileSync(cut, readFileSync(PPA).subarray(0, 3000));
    const { session, events, rows } = makeSession();
    await session.load([cut], 'cut.pcap', {});
    expect(rows().length).toBeGreaterThan(5);
    const error = events.find((e) => e.channel === 'analysis:error');
    expect(error?.payload.message).toMatch(/^cut\.pcap: truncated .* \(frames before it were analysed\)$/);
    expect(error?.payload.message).not.toContain(dir);
    await session.dispose();
  });

  it('saves all frames, or only those of MSNP streams, as pcapng that reads back identically', async () => {
    const dir = tempDir();
    const { session } = makeSession();
    await session.load([PPA], 'ppa', {});
    const all = join(dir, 'all.pcapng');
    expect(await session.save(all, { msnpOnly: false })).toBe(50);
    const original = await readAll(PPA);
    const saved = await readAll(all);
    expect(saved.map((f) => [f.tsUs, f.linkType, f.originalLength, Buffer.from(f.data).toString('hex')])).toEqual(
      original.map((f) => [f.tsUs, f.linkType, f.originalLength, Buffer.from(f.data).toString('hex')]),
    );
    // Stub: rows of stream 0 (frame numbers divisible by 3) carry an MSNP connection.
    const msnp = join(dir, 'msnp.pcapng');
    expect(await session.save(msnp, { msnpOnly: true })).toBe(16);
    expect((await readAll(msnp)).map((f) => f.tsUs)).toEqual(original.filter((_, i) => (i + 1) % 3 === 0).map((f) => f.tsUs));
    await session.dispose();
  });

  it('exports specified packets: displayed, a typed range, both, with MSNP only, as pcap too', async () => {
    const dir = tempDir();
    const { session } = makeSession();
    await session.load([PPA], 'ppa', {});
    const original = await readAll(PPA);
    const bytesOf = (frames: CapturedFrame[]) => frames.map((f) => [f.tsUs, Buffer.from(f.data).toString('hex')]);
    const numbers = (ns: number[]) => bytesOf(ns.map((n) => original[n - 1]));
    const saved = async (name: string, selection: Parameters<typeof session.save>[1], format?: 'pcap' | 'pcapng') => {
      const path = join(dir, name);
      const count = await session.save(path, selection, format);
      const frames = await readAll(path);
      expect(frames).toHaveLength(count);
      return { frames: bytesOf(frames), head: readFileSync(path).subarray(0, 4).toString('hex') };
    };
    expect((await session.view('frame.number <= 10', null)).ok).toBe(true);
    expect((await saved('shown.pcapng', { msnpOnly: false, displayedOnly: true })).frames).toEqual(numbers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect((await saved('range.pcapng', { msnpOnly: false, range: '5-7, 48-' })).frames).toEqual(numbers([5, 6, 7, 48, 49, 50]));
    expect((await saved('both.pcapng', { msnpOnly: false, displayedOnly: true, range: '8-20' })).frames).toEqual(numbers([8, 9, 10]));
    // The stub puts every third frame on an MSNP connection.
    expect((await saved('msnp-range.pcapng', { msnpOnly: true, range: '-12' })).frames).toEqual(numbers([3, 6, 9, 12]));
    const pcap = await saved('shown.pcap', { msnpOnly: false, displayedOnly: true }, 'pcap');
    expect(pcap.head).toBe('d4c3b2a1'); // classic pcap, little-endian, microseconds
    expect(pcap.frames).toEqual(numbers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    // A range that names nothing typed wrongly is refused, and no file is left behind.
    await expect(session.save(join(dir, 'bad.pcapng'), { msnpOnly: false, range: '7-3' })).rejects.toThrow("'7-3' is not a frame range: it must run upwards from 1");
    await expect(session.save(join(dir, 'bad2.pcapng'), { msnpOnly: false, range: 'abc' })).rejects.toThrow("'abc' is not a frame range: write N, N-M, N- or -M");
    expect(existsSync(join(dir, 'bad.pcapng'))).toBe(false);
    await session.dispose();
  });
});

describe('AnalysisSession live', () => {
  it('spools live frames so detail works, and finishes on live-end', async () => {
    const frames = (await readAll(PPA)).map((f) => ({ ...f, fileOffset: -1 }));
    const { session, events, rows, analyzers } = makeSession();
    session.beginLive('lo (live)', {});
    session.addLive(frames.slice(0, 20));
    session.addLive(frames.slice(20));
    expect((await session.detail(37))?.bytes).toEqual(frames[36].data);
    session.endLive();
    expect(analyzers[0].finished).toBe(true);
    expect(rows()).toHaveLength(50);
    expect(events[0]).toEqual({ channel: 'analysis:reset', payload: { label: 'lo (live)', source: 'live' } });
    expect(events[events.length - 1].payload).toMatchObject({ source: 'live', frames: 50, done: true });
    await session.dispose();
  });

  it('reports and skips a live frame out of order', async () => {
    const frames = await readAll(PPA);
    const { session, events, rows } = makeSession();
    session.beginLive('lo (live)', {});
    session.addLive([frames[0], frames[2], frames[1]]);
    session.endLive();
    expect(rows()).toEqual([1, 2]);
    expect(events.find((e) => e.channel === 'analysis:error')?.payload).toEqual({ message: 'live frame 3: frame 3 out of order (expected 2)' });
    await session.dispose();
  });
});
