// Pieces the live-capture browser tests share: the analyzer with real live capture, choosing lo,
// a run of free loopback ports for the replayer's listening sockets, and an in-process replay
// (src/main/replay) of a capture at full speed.
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { LiveCapture } from '../../src/main/capture/live-capture';
import { buildReplayPlan } from '../../src/main/replay/replay-plan';
import { runReplay, type ReplaySummary } from '../../src/main/replay/replay-runner';
import { assertCapturePrivileges } from '../capture-live/live-test-kit';
import { openAnalyzer, type AnalyzerPage } from './browser-fixture';

/** `count` consecutive free ports below Linux's ephemeral range, so no client port falls in it. */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 10000);
    const servers = [];
    try {
      for (let i = 0; i < count; i++) {
        const s = createServer();
        await new Promise<void>((resolve, reject) => s.once('error', reject).listen(base + i, '127.0.0.1', resolve));
        servers.push(s);
      }
      return base;
    } catch {
      // taken: try elsewhere
    } finally {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    }
  }
  throw new Error('no free port range');
}

/** Replays `capture` over loopback with no pauses; its server port 1863 becomes `basePort`. */
export async function replayFast(capture: string, basePort: number): Promise<ReplaySummary> {
  return runReplay(await buildReplayPlan(capture), { host: '127.0.0.1', basePort, speed: 1, fast: true });
}

export type LiveAnalyzerPage = AnalyzerPage & { live: LiveCapture };

/** The analyzer with real live capture (needs capture privileges: fails, never skips, without them). */
export async function openLiveAnalyzer(): Promise<LiveAnalyzerPage> {
  assertCapturePrivileges();
  const live = new LiveCapture();
  const app = await openAnalyzer({ backend: { liveCapture: live } });
  return {
    ...app,
    live,
    async close() {
      await app.close();
      await live.dispose();
    },
  };
}

/** Picks the loopback interface in one of the interface pickers once the list has arrived. */
export async function chooseLoopback(page: Page, testId = 'interface-select'): Promise<void> {
  const picker = page.getByTestId(testId);
  await picker.locator('option[value="lo"]').waitFor({ state: 'attached' });
  await picker.selectOption('lo');
}
