// Statistics → I/O Graph in the browser mode, on the MSNP12 file-transfer capture: the chart draws
// the back end's buckets, per 1 s the table equals tshark's `-qz io,stat,1` (stored fixture),
// clicking the point of the 6–7 s interval selects the first frame tshark finds in it, and a line's
// filter is applied on Enter. Also Statistics → Endpoints' "Filter on this" for an MSNP account.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { join } from 'node:path';
import { openAnalyzer, openCaptureFile, SCREENSHOTS_DIR, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const tsharkFrames = (filter: string) =>
  execFileSync('tshark', ['-r', CAPTURES.pecanFileTransfer, '-Y', filter, '-T', 'fields', '-e', 'frame.number'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').filter(Boolean).map(Number);

/** tshark -qz io,stat,1 of this capture, first column (every frame): frames per second. */
const tsharkPerSecond = readFileSync(new URL('../fixtures/tshark/msnp12-pecan-escargot-file-transfer-p2p.io-1s.txt', import.meta.url), 'utf8')
  .split('\n').filter((l) => /^\|\s*\d+ <>/.test(l)).map((l) => Number(l.split('|')[2].trim()));

describe('I/O graph', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer({ viewport: { width: 1600, height: 1000 } });
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
    await openCaptureFile(app.page, CAPTURES.pecanFileTransfer);
    await waitForLoaded(app.page, 332);
  });
  afterAll(() => app?.close());

  it('per 1 s, the table is tshark -qz io,stat,1 and a click on a point selects the first frame of its interval', async () => {
    const { page } = app;
    await page.getByTestId('statistics-menu').click();
    await page.getByTestId('statistics-io-graph').click();
    await page.getByTestId('io-chart').locator('canvas').waitFor();
    await page.getByTestId('io-interval').selectOption(String(1_000_000));
    await page.getByTestId('io-graph').locator('.stats-note').filter({ hasText: '15 intervals of 1 s' }).waitFor();
    // The textual form: one row per interval with counts; its first value column is all packets.
    const rows = page.getByTestId('io-graph').getByTestId('stats-row');
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const expected = tsharkPerSecond.map((frames, second) => ({ second, frames })).filter((r) => r.frames > 0);
    expect(table.map((r) => [Number(r[0]), Number(r[1].replace(/,/g, ''))])).toEqual(expected.map((r) => [r.second, r.frames]));
    await page.getByTestId('stats-dialog').screenshot({ path: join(SCREENSHOTS_DIR, 'io-graph-file-transfer.png') });
    // Copy as CSV: the same rows, the interval start and all packets first.
    await page.getByTestId('io-graph').getByTestId('stats-copy-csv').click();
    await page.getByTestId('io-graph').getByTestId('stats-copy-csv').filter({ hasText: /^Copied/ }).waitFor();
    const csv = (await page.evaluate(() => navigator.clipboard.readText())).trim().split('\r\n').map((l) => l.split(','));
    expect(csv[0].slice(0, 2)).toEqual(['Interval start (s)', 'Packets']);
    expect(csv.slice(1).map((r) => [Number(r[0]), Number(r[1])])).toEqual(expected.map((r) => [r.second, r.frames]));

    // The point of interval 6 (6–7 s, 80 frames): x from the data range 0…14 s, y from the count
    // axis, 0 … 1.08 × the largest count (168 frames in the first second).
    expect(tsharkPerSecond[6]).toBe(80);
    const over = await page.getByTestId('io-chart').locator('.u-over').boundingBox();
    const x = over!.x + (over!.width * 6) / 14;
    const y = over!.y + over!.height * (1 - 80 / (168 * 1.08));
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
    await expect.poll(() => page.getByTestId('stats-dialog').count()).toBe(0);
    const first = tsharkFrames('frame.time_relative >= 6 && frame.time_relative < 7')[0];
    await page.locator(`[data-testid=packet-row][data-frame="${first}"][aria-selected=true]`).waitFor();
  });

  it("a line's filter applies on Enter; the settings stay when the dialog opens again", async () => {
    const { page } = app;
    await page.getByTestId('statistics-menu').click();
    await page.getByTestId('statistics-io-graph').click();
    await page.getByTestId('io-graph').locator('.stats-note').filter({ hasText: '15 intervals of 1 s' }).waitFor();
    const filter = page.getByTestId('io-line-filter').first();
    await filter.fill('tcp.port == 1863');
    await filter.press('Enter');
    const header = page.getByTestId('io-graph').getByTestId('stats-table').locator('th').nth(1);
    await header.filter({ hasText: 'Packets (tcp.port == 1863)' }).waitFor();
    // tshark -qz io,stat,1,"tcp.port == 1863": 102 frames in the first second.
    const firstRow = page.getByTestId('io-graph').getByTestId('stats-row').first().getByTestId('stats-cell');
    await expect.poll(() => firstRow.nth(1).textContent()).toBe(String(tsharkFrames('tcp.port == 1863 && frame.time_relative < 1').length));
    await filter.fill('tcp.port ==');
    await expect.poll(() => filter.getAttribute('class')).toContain('invalid');
    await page.getByTestId('stats-close').click();
  });

  it('Endpoints: an MSNP account row filters on msnp.account', async () => {
    const { page } = app;
    await page.getByTestId('statistics-menu').click();
    await page.getByTestId('statistics-endpoints').click();
    const accounts = page.getByTestId('stats-dialog').locator('section[aria-label="MSNP accounts"]');
    await accounts.getByTestId('stats-row').first().waitFor();
    const ip = page.getByTestId('stats-dialog').locator('section[aria-label="IP endpoints"]').getByTestId('stats-row');
    // tshark -qz endpoints,ip: 127.0.0.1, 664 packets (332 frames, each sent and received by it).
    expect(await ip.first().getByTestId('stats-cell').allTextContents()).toEqual(['127.0.0.1', '664', '281,350', '332', '140,675', '332', '140,675']);
    const alice = accounts.getByTestId('stats-row').filter({ hasText: 'alice@example.com' });
    await alice.getByTestId('stats-filter-on-this').click();
    await expect.poll(() => page.getByTestId('display-filter').inputValue()).toBe('msnp.account == "alice@example.com"');
    await page.getByTestId('displayed-count').filter({ hasText: /Displayed \d+ of 332/ }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
