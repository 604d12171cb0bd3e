// Live capture from the toolbar on the real back end: pick lo, narrow the capture filter to the
// test's own loopback port, start, watch the MSNP lines the test sends appear in the packet list
// with live counters in the status bar, stop, and keep what was captured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackServer, sendMessages } from '../capture-live/live-test-kit';
import { chooseLoopback, openLiveAnalyzer, type LiveAnalyzerPage } from './live-replay-kit';

const MESSAGES = ['VER 1 MSNP12 CVR0\r\n', 'CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 7.5.0324 msmsgs alice@example.com\r\n', 'USR 3 TWN I alice@example.com\r\n', 'OUT\r\n'];

describe('live capture from the toolbar', () => {
  let app: LiveAnalyzerPage;
  beforeAll(async () => {
    app = await openLiveAnalyzer();
  });
  afterAll(() => app?.close());

  it('captures, shows packets as they arrive, and stops', async () => {
    const { page } = app;
    const server = await loopbackServer();
    try {
      await chooseLoopback(page);
      expect(await page.getByTestId('capture-filter').inputValue()).toBe('tcp port 1863 or tcp port 1864 or tcp portrange 6891-6900 or tcp port 80');
      await page.getByTestId('capture-filter').fill(`tcp port ${server.port}`);
      await page.getByTestId('capture-start').click();
      await page.getByTestId('capture-stop').waitFor();

      await sendMessages(server.port, MESSAGES);
      // Handshake, four data segments with their ACKs, FIN exchange: at least 9 packets.
      await page.locator('[data-testid=packet-row][data-frame="9"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('packet-row').filter({ hasText: 'VER 1 MSNP12' }).first().waitFor();
      // The four commands sent; the counter follows live snapshots (every 150 ms), not the end of the capture.
      await page.getByTestId('status-commands').filter({ hasText: 'MSNP commands: 4' }).waitFor({ timeout: 2000 });
      // The capture side reports no libpcap drop statistics: unknown, not 0.
      expect(await page.getByTestId('live-counters').textContent()).toMatch(/^captured: \d+ · dropped: unknown · elapsed: \d\d:\d\d:\d\d · [\d,]+ frames\/s$/);
      expect(await page.getByTestId('status-bar').textContent()).toContain('● Capturing: lo');
      await app.screenshot('11-live-capture');

      await page.getByTestId('capture-stop').click();
      await page.getByTestId('capture-start').waitFor();
      const frames = Number((await page.getByTestId('status-frames').textContent())?.replace(/\D/g, ''));
      expect(frames).toBeGreaterThanOrEqual(9);
      expect(await page.getByTestId('packet-row').count()).toBe(frames);
      expect(app.problems).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
