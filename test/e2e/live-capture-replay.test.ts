// Live capture in browser mode, end to end: start a capture on lo from the toolbar, replay real
// traffic (the PPA switchboard chat) and a synthetic legacy-invitation switchboard (the only way
// to get P2P endpoints: no real capture offers any) over loopback with our replayer; packets,
// transcript and endpoints appear while capturing; stop; save; the engine reads the saved file
// back to the same analysis as the live one.
// Needs capture privileges (root here and in CI): without them it fails, it does not skip.
// (live-capture.test.ts is the UI side's toolbar test; this one adds the replayer and the save round trip.)
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveCapture } from '../../src/main/capture/live-capture';
import type { EventChannels } from '../../src/shared/ipc-contract';
import type { AnalysisResult } from '../../src/shared/model';
import { applyResultDelta } from '../../src/shared/result-delta';
import { assertCapturePrivileges } from '../capture-live/live-test-kit';
import { legacyFrames } from '../engine-synthetic/legacy-scenario';
import { analyzePaths, writeFrames } from '../engine-synthetic/synthetic';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, ROOT, type AnalyzerPage } from './browser-fixture';
import { freePortRange } from './live-replay-kit';

function replay(capture: string, port: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/replay/replay-cli.ts', capture, '--fast', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`replay exited with ${code}`)))));
}

/** What must survive a save and re-read; capture labels and paths naturally differ. */
function essence(r: AnalysisResult) {
  return { frames: r.frames, commandCounts: r.commandCounts, sessions: r.sessions, endpoints: r.endpoints, contacts: r.contacts, presence: r.presence, files: r.files };
}

describe('live capture in the browser', () => {
  let app: AnalyzerPage;
  let live: LiveCapture;
  let finalLive: AnalysisResult | null = null;
  beforeAll(async () => {
    assertCapturePrivileges();
    live = new LiveCapture();
    app = await openAnalyzer({ backend: { liveCapture: live } });
    // Results arrive as increments: build the result up as the renderer does.
    let liveResult: AnalysisResult | null = null;
    app.server.backend.onEvent((channel, payload) => {
      if (channel !== 'analysis:result') return;
      const event = payload as EventChannels['analysis:result'];
      liveResult = applyResultDelta(liveResult, event.delta);
      if (event.final) finalLive = liveResult;
    });
  });
  afterAll(async () => {
    await app?.close();
    await live?.dispose();
  });

  it('shows packets, transcript and endpoints while capturing, and saves what it showed', async () => {
    assertCapturePrivileges();
    const { page } = app;
    const base = await freePortRange(4);
    await page.getByTestId('start-interface-select').locator('option[value="lo"]').waitFor({ state: 'attached' });
    await page.getByTestId('start-interface-select').selectOption('lo');
    await page.getByTestId('capture-filter').fill(`tcp portrange ${base}-${base + 3}`);
    await page.getByTestId('start-screen-capture').click();
    await page.getByTestId('capture-stop').waitFor();

    // The PPA chat's server port 1863 becomes `base`; the legacy scenario's 1863, 6891 and the
    // whiteboard's 13374 become base, base+1, base+2.
    expect(await replay(CAPTURES.ppa2006, base)).toMatch(/^replayed 1 connections, 3023 bytes/);
    const legacy = await replay(writeFrames(legacyFrames), base);
    expect(legacy).toMatch(/^replayed \d+ connections/);

    await page.getByTestId('packet-row').first().waitFor();
    await page.getByTestId('tab-sessions').click();
    await page.getByTestId('session-row').nth(1).waitFor();
    await page.getByTestId('session-row').first().click();
    await page.getByTestId('tab-transcript').click();
    // The PPA chat's first message (tshark follow: "...\r\n\r\nHey Brian").
    await page.getByTestId('transcript').filter({ hasText: 'Hey Brian' }).waitFor();
    await page.getByTestId('tab-endpoints').click();
    // The file transfer's offered address (IP-Address 203.0.113.5, Port 6891 in the invitation).
    await page.getByTestId('endpoint-row').filter({ hasText: '203.0.113.5' }).first().waitFor();
    await app.screenshot('live-capture-running');

    await page.getByTestId('capture-stop').click();
    await page.getByTestId('capture-start').waitFor();
    const framesText = await page.getByTestId('status-frames').textContent();
    const shown = Number(/Frames: ([\d,]+)/.exec(framesText ?? '')?.[1].replace(/,/g, ''));

    const saved = await app.server.backend.request('capture:save', { msnpOnly: false });
    if (!saved.ok) throw new Error(saved.error);
    expect(saved.frames).toBe(shown);
    const path = saved.path;

    // The live analysis ends with a final result once the capture stopped.
    await expect.poll(() => finalLive?.frames).toBe(shown);
    const reread = essence(await analyzePaths([path]));
    const fromLive = essence(finalLive!);
    for (const key of Object.keys(fromLive) as (keyof typeof fromLive)[]) expect(reread[key], key).toEqual(fromLive[key]);
    expect(reread.sessions.length).toBe(2);
    expect(reread.endpoints.length).toBeGreaterThan(0);
    expect(app.problems).toEqual([]);
  }, 60_000);
});
