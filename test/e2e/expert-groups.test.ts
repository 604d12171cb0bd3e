// The Expert tab groups notes like Wireshark's Expert Information. The 2005 Wireshark sample
// without every other client PNG (test/helpers/without-every-other-ping.ts: 19 holes, found from
// the bytes) opened together with the HTTP-gateway capture (two gateway sessions whose last
// request has no captured response): one warning group of 19 and one note group of 2, filterable
// by severity and text; expanding a group lists its frames, clicking one selects that frame.
// Its screenshot (test-results/screenshots/expert-groups.png) is the README's assets/screenshot-expert.png.
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { withoutEveryOtherPing } from '../helpers/without-every-other-ping';
import { openAnalyzer, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const GATEWAY_FRAMES = 477;

describe('the Expert tab, grouped', () => {
  let app: AnalyzerPage;
  let dir: string;
  let holes: Array<{ frame: number }>;
  beforeAll(async () => {
    const built = await withoutEveryOtherPing();
    dir = dirname(built.path);
    holes = built.holes;
    const gateway = join(dir, 'http-gateway.pcap');
    copyFileSync(CAPTURES.pecanHttpGateway, gateway);
    app = await openAnalyzer({ viewport: { width: 1400, height: 800 } });
    await app.page.getByTestId('file-input').setInputFiles([built.path, gateway]);
    // The 2005 capture comes first in time: its frame numbers stay as they were.
    await waitForLoaded(app.page, 344 + GATEWAY_FRAMES);
    await app.page.getByTestId('tab-expert').click();
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows one line per kind of note with its count', async () => {
    const groups = app.page.getByTestId('expert-group');
    await groups.first().waitFor();
    expect(await groups.count()).toBe(2);
    // Warnings before notes.
    expect(await groups.nth(0).textContent()).toContain('N bytes missing from the client (segment not captured); resynchronising');
    expect(await groups.nth(0).getByTestId('expert-count').textContent()).toBe(`×${holes.length}`);
    expect(await groups.nth(1).textContent()).toContain('HTTP gateway request without a captured response (SessionID ID)');
    expect(await groups.nth(1).getByTestId('expert-count').textContent()).toBe('×2');
    expect(await app.page.getByTestId('tab-expert').textContent()).toContain(String(holes.length + 2));
  });

  it('lists a group\'s frames when expanded, and clicking one selects its frame', async () => {
    const { page } = app;
    const warning = page.getByTestId('expert-group').filter({ hasText: 'bytes missing' });
    await warning.getByRole('button', { name: /bytes missing/ }).click();
    expect(await warning.getAttribute('aria-expanded')).toBe('true');
    const frames = warning.getByTestId('expert-frame');
    expect((await frames.allTextContents()).map(Number)).toEqual(holes.map((h) => h.frame));
    const target = holes[5].frame;
    await frames.filter({ hasText: new RegExp(`^${target}$`) }).click();
    const row = page.locator(`[data-testid=packet-row][data-frame="${target}"]`);
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(await frames.filter({ hasText: new RegExp(`^${target}$`) }).getAttribute('aria-current')).toBe('true');
    await page.getByTestId('command-tree').filter({ hasText: 'PNG' }).waitFor();
    await app.screenshot('expert-groups');
  });

  it('filters by severity and by text', async () => {
    const { page } = app;
    const groups = page.getByTestId('expert-group');
    await page.getByRole('combobox', { name: 'Severity' }).selectOption('note');
    await groups.filter({ hasText: 'bytes missing' }).waitFor({ state: 'detached' });
    expect(await groups.count()).toBe(1);
    await page.getByRole('combobox', { name: 'Severity' }).selectOption('all');
    await page.getByRole('searchbox', { name: 'Filter expert notes' }).fill('MISSING from');
    await groups.filter({ hasText: 'HTTP gateway' }).waitFor({ state: 'detached' });
    expect(await groups.count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Filter expert notes' }).fill('no such note');
    await page.getByText('No expert notes match the filter.').waitFor();
    expect(app.problems).toEqual([]);
  });
});
