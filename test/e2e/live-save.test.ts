// Saving during a live capture from the toolbar: capture on lo (the test's replay port plus a
// plain, non-MSNP connection), replay the PPA switchboard chat with the replayer and, while still
// capturing, save "MSNP frames only". The browser downloads the file; tshark finds no frame of the
// other connection in it, and the engine reads it back to the transcript of the original capture.
// Meanwhile the status bar says "dropped: unknown" (the capture side has no libpcap drop counts)
// and the MSNP command counter follows the live traffic.
// Needs capture privileges (root here and in CI): without them it fails, it does not skip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import type { AnalysisResult } from '../../src/shared/model';
import { loopbackServer, sendMessages } from '../capture-live/live-test-kit';
import { CAPTURES } from '../helpers/captures';
import { chooseLoopback, freePortRange, openLiveAnalyzer, replayFast, type LiveAnalyzerPage } from './live-replay-kit';

const transcript = (r: AnalysisResult) => r.sessions.map((s) => s.messages.map((m) => ({ from: m.from, text: m.text })));

describe('saving during a live capture', () => {
  let app: LiveAnalyzerPage;
  beforeAll(async () => {
    app = await openLiveAnalyzer();
  });
  afterAll(() => app?.close());

  it('downloads the MSNP frames, which read back to the same transcript', async () => {
    const { page } = app;
    const base = await freePortRange(1);
    const other = await loopbackServer();
    try {
      await chooseLoopback(page);
      await page.getByTestId('capture-filter').fill(`tcp port ${base} or tcp port ${other.port}`);
      await page.getByTestId('capture-start').click();
      await page.getByTestId('capture-stop').waitFor();

      expect((await replayFast(CAPTURES.ppa2006, base)).connections).toBe(1);
      await sendMessages(other.port, ['hello, this is not MSNP\r\n']);

      await page.getByTestId('tab-sessions').click();
      await page.getByTestId('session-row').first().click();
      await page.getByTestId('tab-transcript').click();
      // The chat's last message (tshark -qz follow,tcp,ascii,0 on the original capture).
      await page.getByTestId('transcript').filter({ hasText: 'sounds good to me' }).waitFor();
      await page.getByTestId('status-commands').filter({ hasNotText: /MSNP commands: 0$/ }).waitFor();
      expect(await page.getByTestId('live-counters').textContent()).toMatch(/^captured: \d+ · dropped: unknown · elapsed: \d\d:\d\d:\d\d · [\d,]+ frames\/s$/);

      await page.getByTestId('capture-save').click();
      await page.getByTestId('capture-save-msnp').waitFor();
      await app.screenshot('live-save-menu');
      const downloading = page.waitForEvent('download');
      await page.getByTestId('capture-save-msnp').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('lo_live_-msnp.pcapng');
      const saved = join(mkdtempSync(join(tmpdir(), 'msnp-e2e-live-save-')), download.suggestedFilename());
      await download.saveAs(saved);
      await page.getByTestId('notice').filter({ hasText: 'downloading lo_live_-msnp.pcapng' }).waitFor();
      // Saved during the capture: it is still running.
      expect(await page.getByTestId('capture-stop').isVisible()).toBe(true);
      await app.screenshot('live-saved');

      const ports = execFileSync('tshark', ['-r', saved, '-T', 'fields', '-e', 'tcp.srcport', '-e', 'tcp.dstport'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim().split('\n').map((line) => line.split('\t').map(Number));
      expect(ports.length).toBeGreaterThan(20);
      expect(ports.every((p) => p.includes(base) && !p.includes(other.port))).toBe(true);

      const reread = (await analyzeCaptureFiles([saved])).result;
      const original = (await analyzeCaptureFiles([CAPTURES.ppa2006])).result;
      expect(transcript(reread)).toEqual(transcript(original));
      // tshark's follow of the original: "USR 93 tesla_brian@hotmail.com …", then "MSG 96 N 132 … Hey Brian".
      expect(transcript(reread)[0][0]).toEqual({ from: 'tesla_brian@hotmail.com', text: 'Hey Brian' });

      await page.getByTestId('capture-stop').click();
      await page.getByTestId('capture-start').waitFor();
      expect(app.problems).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);
});
