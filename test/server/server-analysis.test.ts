// Browser mode end to end with the real worker: files given on the command line open when the
// first browser connects (so it sees the whole load), events and detail bytes cross the
// WebSocket, and a dropped file is uploaded and analysed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWsApi } from '../../src/renderer/api/ws-client';
import type { AnalyzerApi, EventChannels } from '../../src/shared/ipc-contract';
import { startFixture, type Fixture } from './server-fixture';
import { clientEnvironment } from './ws-client-env';

const SAMPLE = resolve('assets/sample.pcap');
const PPA = resolve('test/fixtures/captures/ppa-2006-switchboard-chat.pcap');

let f: Fixture;
let api: AnalyzerApi;
let counts: EventChannels['frames:count'] | null = null;
const resets: EventChannels['analysis:reset'][] = [];
let finals = 0;

function until(check: () => boolean): Promise<void> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll);
        done();
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        fail(new Error('timed out'));
      }
    }, 10);
  });
}

beforeAll(async () => {
  f = await startFixture({ open: [SAMPLE] });
  api = createWsApi(clientEnvironment(f));
  api.on('analysis:reset', (p) => {
    resets.push(p);
    counts = null;
  });
  api.on('frames:count', (p) => (counts = p));
  api.on('analysis:result', (p) => {
    if (p.final) finals++;
  });
});
afterAll(() => f.close());

describe('browser mode with the real worker', () => {
  it('opens the command-line file once the browser connects, counting every row and paging them', async () => {
    await until(() => finals === 1);
    expect(resets).toEqual([{ label: 'sample.pcap', source: 'file' }]);
    expect(counts).toMatchObject({ frames: 293, displayed: 293 });
    const page = await api.request('frames:rows', { start: 250, count: 100 });
    expect(page.start).toBe(250);
    expect(page.number).toEqual(Array.from({ length: 43 }, (_, i) => 251 + i));
  });

  it('delivers frame bytes as a Uint8Array through the base64 wire format', async () => {
    const detail = await api.request('frames:detail', { number: 1 });
    expect(detail?.bytes).toBeInstanceOf(Uint8Array);
    // Frame 1 is the first record after the 24-byte file header and 16-byte record header.
    const file = readFileSync(SAMPLE);
    const capLen = file.readUInt32LE(24 + 8);
    expect(Buffer.from(detail!.bytes)).toEqual(file.subarray(40, 40 + capLen));
  });

  it('uploads a dropped file and analyses it', async () => {
    const result = await api.openDropped([new File([readFileSync(PPA)], 'ppa.pcap')]);
    expect(result).toEqual({ ok: true });
    await until(() => finals === 2);
    expect(resets[1]).toEqual({ label: 'ppa.pcap', source: 'file' });
    expect(counts).toMatchObject({ frames: 50, displayed: 50 });
    // Uploads are temporary: they are not remembered as recent files (the command-line file is).
    expect(await api.request('file:recent', undefined)).toEqual([SAMPLE]);
  });
});
