// Statistics → Session Timeline in the browser mode, on the MSNP12 file-transfer capture: the
// session row, a click on a chat tick selects the first frame carrying that text (tshark), a click
// on the session bar selects the session's first frame (tshark's first frame on port 1864), and
// brushing 2–4.6 s applies `frame.time_relative >= a && frame.time_relative <= b`, the packet list
// then showing as many frames as tshark's filter selects. Screenshots of both shared captures.
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { join } from 'node:path';
import { openAnalyzer, openCaptureFile, SCREENSHOTS_DIR, waitForLoaded, type AnalyzerPage } from './browser-fixture';

function tshark(path: string, filter: string): { frame: number; seconds: number }[] {
  const out = execFileSync('tshark', ['-r', path, '-Y', filter, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.time_relative'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').filter(Boolean).map((l) => ({ frame: Number(l.split('\t')[0]), seconds: Number(l.split('\t')[1]) }));
}

/** capinfos: the capture lasts 14.600623 s; the chart's x axis runs 0 … that, unzoomed. */
const DURATION = 14.600623;
/** Rows by conversation: the session, alice's presence, bob's presence. */
const ROWS = 3;

async function openTimeline(page: Page): Promise<{ x(seconds: number): number; y(row: number, fraction: number): number }> {
  await page.getByTestId('statistics-menu').click();
  await page.getByTestId('statistics-timeline').click();
  await page.getByTestId('timeline-chart').locator('canvas').waitFor();
  const over = (await page.getByTestId('timeline-chart').locator('.u-over').boundingBox())!;
  return {
    x: (seconds) => over.x + (over.width * seconds) / DURATION,
    y: (row, fraction) => over.y + (over.height / ROWS) * (row + fraction),
  };
}

const selected = (page: Page, frame: number) => page.locator(`[data-testid=packet-row][data-frame="${frame}"][aria-selected=true]`).waitFor();

describe('Session timeline', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer({ viewport: { width: 1600, height: 1000 } });
    await openCaptureFile(app.page, CAPTURES.pecanFileTransfer);
    await waitForLoaded(app.page, 332);
  });
  afterAll(() => app?.close());

  it('a click on a chat tick selects the first frame carrying its text', async () => {
    const { page } = app;
    const at = await openTimeline(page);
    await page.getByTestId('timeline').getByTestId('stats-row').first().waitFor();
    await page.getByTestId('timeline').screenshot({ path: join(SCREENSHOTS_DIR, 'timeline-file-transfer.png') });
    const line = tshark(CAPTURES.pecanFileTransfer, 'tcp contains "Got both files, thanks!"')[0];
    await page.mouse.move(at.x(line.seconds), at.y(0, 0.3));
    await page.getByTestId('timeline-tooltip').filter({ hasText: 'Got both files, thanks!' }).waitFor();
    await page.mouse.click(at.x(line.seconds), at.y(0, 0.3));
    await expect.poll(() => page.getByTestId('stats-dialog').count()).toBe(0);
    await selected(page, line.frame);
  });

  it("a click on the session bar selects the session's first frame", async () => {
    const { page } = app;
    const at = await openTimeline(page);
    const sb = tshark(CAPTURES.pecanFileTransfer, 'tcp.port == 1864');
    // Between the two chat lines (tshark: 2.56 s and 8.57 s), more than a second from either.
    const lines = ['I am sending you two files now.', 'Got both files, thanks!'].map((text) => tshark(CAPTURES.pecanFileTransfer, `tcp contains "${text}"`)[0].seconds);
    const t = 5.5;
    expect(t - lines[0]).toBeGreaterThan(1);
    expect(lines[1] - t).toBeGreaterThan(1);
    await page.mouse.click(at.x(t), at.y(0, 0.3));
    await expect.poll(() => page.getByTestId('stats-dialog').count()).toBe(0);
    await selected(page, sb[0].frame);
  });

  it('brushing a time range filters the packet list to it', async () => {
    const { page } = app;
    const at = await openTimeline(page);
    await page.mouse.move(at.x(2), at.y(1, 0.5));
    await page.mouse.down();
    await page.mouse.move(at.x(3), at.y(1, 0.5));
    await page.mouse.move(at.x(4.6), at.y(1, 0.5));
    await page.mouse.up();
    await page.getByTestId('timeline-brushed').filter({ hasText: 'Packet list filtered to this range' }).waitFor();
    const filter = await page.getByTestId('display-filter').inputValue();
    const m = /^frame\.time_relative >= (\d+\.\d{6}) && frame\.time_relative <= (\d+\.\d{6})$/.exec(filter);
    expect(m, filter).not.toBeNull();
    // Within a pixel of where the mouse went (the chart is about 1,200 px wide for 14.6 s).
    expect(Math.abs(Number(m![1]) - 2)).toBeLessThan(0.03);
    expect(Math.abs(Number(m![2]) - 4.6)).toBeLessThan(0.03);
    const shown = tshark(CAPTURES.pecanFileTransfer, filter).length;
    await page.getByTestId('timeline-brushed').filter({ hasText: `${shown} packets` }).waitFor();
    await page.getByTestId('stats-close').click();
    await page.getByTestId('displayed-count').filter({ hasText: `Displayed ${shown} of 332` }).waitFor();
    expect(app.problems).toEqual([]);
  });
});

describe('Session timeline of the MSNP18 capture', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer({ viewport: { width: 1600, height: 1000 } });
    await openCaptureFile(app.page, CAPTURES.msnp18Pidgin);
    await waitForLoaded(app.page, 454);
  });
  afterAll(() => app?.close());

  it("shows bob's presence changes in the table and the chart", async () => {
    const { page } = app;
    await page.getByTestId('statistics-menu').click();
    await page.getByTestId('statistics-timeline').click();
    await page.getByTestId('timeline-chart').locator('canvas').waitFor();
    const presence = page.getByTestId('timeline').getByTestId('stats-row').filter({ hasText: 'Presence: bob@example.com' });
    // Bytes: frame 258 "CHG 15 AWY …", 279 "CHG 17 NLN …", 386 "CHG 19 BSY …", 435 "FLN 1:bob@example.com 0:0".
    const whats = await presence.evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[5].textContent));
    expect(whats).toEqual(['bob@example.com: NLN', 'bob@example.com: AWY', 'bob@example.com: NLN', 'bob@example.com: BSY', 'bob@example.com: FLN']);
    await page.getByTestId('timeline').screenshot({ path: join(SCREENSHOTS_DIR, 'timeline-msnp18.png') });
    await page.getByTestId('timeline-grouping').selectOption('account');
    await page.getByTestId('timeline').getByTestId('stats-row').filter({ hasText: /^bob@example\.com/ }).first().waitFor();
    // The I/O graph of the same capture, for the README (auto interval: 100 ms over its 30.3 s).
    await page.getByTestId('stats-tab-io-graph').click();
    await page.getByTestId('io-graph').locator('.stats-note').filter({ hasText: 'intervals of 100 ms' }).waitFor();
    await page.getByTestId('stats-dialog').screenshot({ path: join(SCREENSHOTS_DIR, 'io-graph-msnp18.png') });
    expect(app.problems).toEqual([]);
  });
});
