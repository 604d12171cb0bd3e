// The back end end to end with the real worker and engine on the bundled sample capture
// (msn-pecan ↔ Escargot, 293 frames). Expected values come from the capture itself (tshark):
// `frame contains "message 1"` → frames 211 and 212 (sent, then relayed by the switchboard);
// TCP streams on ports 1863/1864 (the four MSNP connections) hold 227 frames.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import type { AnalysisResult } from '../../src/shared/model';
import { backendHarness, type Harness } from './backend-harness';

const SAMPLE = resolve('assets/sample.pcap');
let h: Harness;
let final: AnalysisResult;

beforeAll(async () => {
  h = backendHarness();
  expect(await h.backend.request('file:open', { paths: [SAMPLE] })).toEqual({ ok: true });
  await h.waitFor('analysis:progress', (p) => p.done);
  final = await h.finalResult();
});
afterAll(() => h.close());

describe('AnalyzerBackend with the real worker', () => {
  it('streams reset, all 293 rows in order, the final result, then done progress', async () => {
    expect(h.events[0]).toEqual({ channel: 'analysis:reset', payload: { label: 'sample.pcap', source: 'file' } });
    expect(await h.rows()).toEqual(Array.from({ length: 293 }, (_, i) => i + 1));
    expect(final.frames).toBe(293);
    expect(final.captures).toEqual([{ path: SAMPLE, format: 'pcap', frames: 293, gzip: false }]);
    const texts = final.sessions.flatMap((s) => s.messages.map((m) => m.text));
    expect(texts).toContain('Hi Bob! This is message 1 from Alice.');
    const done = h.events.filter((e) => e.channel === 'analysis:progress').pop()!.payload;
    expect(done).toMatchObject({ source: 'file', bytesDone: statSync(SAMPLE).size, bytesTotal: statSync(SAMPLE).size, frames: 293, done: true });
    expect(h.events.some((e) => e.channel === 'analysis:error')).toBe(false);
  });

  it('frames:detail re-reads the frame bytes and describes them', async () => {
    const frames: Uint8Array[] = [];
    for await (const f of readCaptureFile(SAMPLE, 0)) frames.push(new Uint8Array(f.data));
    const detail = await h.backend.request('frames:detail', { number: 211 });
    expect(detail?.number).toBe(211);
    expect(Buffer.from(detail!.bytes)).toEqual(Buffer.from(frames[210]));
    expect(detail!.tree.length).toBeGreaterThan(0);
    expect(await h.backend.request('frames:detail', { number: 294 })).toBeNull();
  });

  it('frames:view filters every frame in the back end; frames:rows and frames:position page through the result', async () => {
    const view = await h.backend.request('frames:view', { filter: 'msnp.text contains "message 1"', sort: null });
    expect(view).toMatchObject({ ok: true, counts: { frames: 293, displayed: 2 } });
    expect(await h.rows()).toEqual([211, 212]);
    expect(await h.backend.request('frames:position', { number: 212 })).toBe(1);
    expect(await h.backend.request('frames:position', { number: 5 })).toBe(-1);
    const page = await h.backend.request('frames:rows', { start: 0, count: 10 });
    // tshark: frame 211 is alice's MSG from 10.0.0.2 (the sample's client) to the switchboard.
    expect(page).toMatchObject({ start: 0, number: [211, 212], protocol: ['MSNP', 'MSNP'], kind: ['chat', 'chat'] });
    expect(page.info[0]).toMatch(/^MSG/);
    const msg = await h.backend.request('frames:view', { filter: 'msnp.cmd == MSG', sort: { column: 'length', desc: true } });
    expect(msg.ok).toBe(true);
    const lengths = (await h.backend.request('frames:rows', { start: 0, count: 2000 })).length;
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(await h.backend.request('frames:view', { filter: 'msnp.foo == 1', sort: null })).toEqual({ ok: false, error: "unknown field 'msnp.foo'", position: 0 });
    expect(await h.backend.request('frames:view', { filter: '', sort: null })).toMatchObject({ ok: true, counts: { displayed: 293 } });
  });

  it('remembers the file as recent and names the sample', async () => {
    expect(await h.backend.request('file:recent', undefined)).toEqual([SAMPLE]);
    expect(await h.backend.request('file:sample', undefined)).toBe(SAMPLE);
  });

  it('exports JSON and CSV', async () => {
    const json = await h.backend.request('file:export', { format: 'json' });
    expect(json).toEqual({ ok: true, path: join(h.dir, 'sample-analysis.json') });
    // The window gets the expert notes as groups only (the sample has none); the report has the JSON contract's keys.
    const { expertGroups, ...streamed } = final;
    expect(expertGroups).toEqual([]);
    expect(JSON.parse(readFileSync(join(h.dir, 'sample-analysis.json'), 'utf8'))).toEqual(streamed);
    const csvPath = join(h.dir, 'sample-analysis.csv');
    expect(await h.backend.request('file:export', { format: 'csv' })).toEqual({ ok: true, path: csvPath });
    const csv = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(csv[0]).toBe('session,frame,time,from,nick,text');
    expect(csv.some((l) => l.includes(',alice@example.com,') && l.endsWith(',Hi Bob! This is message 1 from Alice.'))).toBe(true);
    // What the back end wrote there is offered for download, nothing else.
    expect(h.backend.outputFile('sample-analysis.json')).toBe(join(h.dir, 'sample-analysis.json'));
    expect(h.backend.outputFile('sample-analysis.csv')).toBe(csvPath);
    expect(h.backend.outputFile('recent-files.json')).toBeNull();
  });

  it('saves all frames, or the 227 of the MSNP connections, as pcapng', async () => {
    const all = await h.backend.request('capture:save', { msnpOnly: false });
    expect(all).toEqual({ ok: true, path: join(h.dir, 'sample.pcapng'), frames: 293 });
    const msnp = await h.backend.request('capture:save', { msnpOnly: true });
    expect(msnp).toEqual({ ok: true, path: join(h.dir, 'sample-msnp.pcapng'), frames: 227 });
    let count = 0;
    for await (const f of readCaptureFile(join(h.dir, 'sample-msnp.pcapng'), 0)) count += f.data.length > 0 ? 1 : 0;
    expect(count).toBe(227);
    expect(h.backend.outputFile('sample-msnp.pcapng')).toBe(join(h.dir, 'sample-msnp.pcapng'));
    expect(h.backend.outputFile('sample.pcapng')).toBe(join(h.dir, 'sample.pcapng'));
    // A second save never reuses a name handed out before.
    expect(await h.backend.request('capture:save', { msnpOnly: true })).toEqual({ ok: true, path: join(h.dir, 'sample-msnp-2.pcapng'), frames: 227 });
  });

  it('capture channels say live capture is not available without a controller', async () => {
    expect(await h.backend.request('capture:interfaces', undefined)).toEqual({ ok: false, error: 'live capture not available' });
    expect(await h.backend.request('capture:start', { device: 'lo', filter: '' })).toEqual({ ok: false, error: 'live capture not available' });
  });

  it('rejects malformed arguments', async () => {
    await expect(h.backend.request('file:open', { paths: 'x' } as never)).rejects.toThrow('file:open: expected');
  });
});

describe('AnalyzerBackend failures, cancel and close', () => {
  it('a file that is not a capture, missing or a directory is refused at once', async () => {
    const g = backendHarness();
    const bad = join(g.dir, 'bad.pcap');
    writeFileSync(bad, 'GET / HTTP/1.1\r\n\r\n'.repeat(10));
    expect(await g.backend.request('file:open', { paths: [bad] })).toEqual({ ok: false, error: 'cannot open bad.pcap: not a pcap or pcapng capture' });
    expect(g.events).toEqual([]);
    expect(await g.backend.request('file:open', { paths: [join(g.dir, 'missing.pcap')] })).toEqual({ ok: false, error: `cannot open ${join(g.dir, 'missing.pcap')}: no such file` });
    expect(await g.backend.request('file:open', { paths: [g.dir] })).toEqual({ ok: false, error: `cannot open ${g.dir}: not a regular file` });
    await g.close();
  });

  it('cancel ends the load with a final result and done progress', async () => {
    const g = backendHarness();
    await g.backend.request('file:open', { paths: Array.from({ length: 20 }, () => SAMPLE) });
    await g.backend.request('analysis:cancel', undefined);
    const result = await g.finalResult();
    const done = await g.waitFor('analysis:progress', (p) => p.done);
    // The worker takes far longer to start than the back end takes to send the cancel.
    expect(result.frames).toBeLessThan(20 * 293);
    expect(done).toMatchObject({ cancelled: true, frames: result.frames });
    expect(result.captures.every((c) => c.cancelled !== undefined && c.damage === undefined)).toBe(true);
    expect(await g.rows()).toHaveLength(result.frames);
    await g.close();
  });

  it('a second open replaces the first; close clears everything', async () => {
    const g = backendHarness();
    await g.backend.request('file:open', { paths: [SAMPLE] });
    const mark = g.events.length;
    await g.backend.request('file:open', { paths: [resolve('test/fixtures/captures/ppa-2006-switchboard-chat.pcap')] });
    await g.waitFor('analysis:progress', (p) => p.done && p.frames === 50, mark);
    expect(await g.rows()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await g.backend.request('file:close', undefined);
    expect(g.events[g.events.length - 1]).toEqual({ channel: 'analysis:reset', payload: { label: '', source: 'file' } });
    expect(await g.backend.request('frames:detail', { number: 1 })).toBeNull();
    expect(await g.backend.request('file:export', { format: 'json' })).toEqual({ ok: false, error: 'nothing to export: no capture is open' });
    await g.close();
  });
});
