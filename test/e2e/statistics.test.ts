// Statistics in the browser mode, on the MSNP12 file-transfer capture: Statistics → Conversations
// lists every TCP conversation tshark's `-qz conv,tcp` finds, "Filter on this" applies
// `tcp.stream == N` through the display filter and the packet list shows the frames tshark's own
// filter selects; "Copy as CSV" puts the table's text on the clipboard; the MSNP commands view
// lists error codes with their meaning.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const tsharkCount = (filter: string) =>
  execFileSync('tshark', ['-r', CAPTURES.pecanFileTransfer, '-Y', filter, '-T', 'fields', '-e', 'frame.number'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').length;

const tsharkConversations = readFileSync(new URL('../fixtures/tshark/msnp12-pecan-escargot-file-transfer-p2p.conv.txt', import.meta.url), 'utf8')
  .split('\n').filter((l) => l.includes('<->'));

describe('Statistics', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.server.url).origin });
    await openCaptureFile(app.page, CAPTURES.pecanFileTransfer);
    await waitForLoaded(app.page, 332);
  });
  afterAll(() => app?.close());

  it('Conversations lists every TCP conversation; "Filter on this" shows that stream only', async () => {
    const { page } = app;
    await page.getByTestId('statistics-menu').click();
    await page.getByTestId('statistics-conversations').click();
    const rows = page.getByTestId('stats-dialog').getByTestId('stats-row');
    await rows.first().waitFor();
    expect(tsharkConversations).toHaveLength(8);
    expect(await rows.count()).toBe(tsharkConversations.length);
    await app.screenshot('statistics-conversations');
    // Row 7 is stream 6, the first switchboard (port 1864; tshark numbers streams the same way).
    const row = rows.nth(6);
    expect(await row.getByTestId('stats-cell').first().textContent()).toBe('6');
    expect(await row.getByTestId('stats-cell').nth(1).textContent()).toBe('MSNP SB');
    await row.getByTestId('stats-filter-on-this').click();
    await expect.poll(() => page.getByTestId('stats-dialog').count()).toBe(0);
    const shown = tsharkCount('tcp.stream == 6');
    await page.getByTestId('displayed-count').filter({ hasText: `Displayed ${shown} of 332` }).waitFor();
    expect(await page.getByTestId('display-filter').inputValue()).toBe('tcp.stream == 6');
  });

  it('Copy as CSV puts the table on the clipboard', async () => {
    const { page } = app;
    await page.getByTestId('statistics-menu').click();
    await page.getByTestId('statistics-hierarchy').click();
    const button = page.getByTestId('stats-dialog').getByTestId('stats-copy-csv').first();
    await button.click();
    await button.filter({ hasText: /^Copied \d+ rows$/ }).waitFor();
    const csv = await page.evaluate(() => navigator.clipboard.readText());
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Protocol,Frames,Frames (%),Bytes,Bytes (%)');
    // tshark -qz io,phs: eth frames:332 bytes:140675.
    expect(lines[1]).toBe('Ethernet,332,100,140675,100');
  });

  it('MSNP commands: counts per verb and role, and transaction latency per verb', async () => {
    const { page } = app;
    await page.getByTestId('stats-tab-commands').click();
    const tables = page.getByTestId('stats-dialog').getByTestId('stats-table');
    await tables.first().waitFor();
    expect(await tables.count()).toBe(3);
    // count-commands-tshark.py: 66 MSG in this capture.
    const rows = tables.first().getByTestId('stats-row');
    const verbs = await rows.locator('[data-testid=stats-cell]:first-child').allTextContents();
    expect(await rows.nth(verbs.indexOf('MSG')).getByTestId('stats-cell').nth(1).textContent()).toBe('66');
    expect(await tables.nth(2).getByTestId('stats-row').count()).toBeGreaterThan(0);
    await page.getByTestId('stats-close').click();
    expect(app.problems).toEqual([]);
  });
});
