// Open a real capture through the file chooser: the packet list fills (frame count checked with
// tshark: 293 frames), a click shows the command tree and the bytes, selecting a tree node
// highlights its bytes, and the display filter narrows the list or reports a bad expression.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

describe('opening and inspecting a capture', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts on the start screen with a drop zone and an Open button', async () => {
    const { page } = app;
    await page.getByTestId('drop-zone').waitFor();
    expect(await page.getByTestId('drop-zone').textContent()).toContain('Drop a .pcap, .pcapng, .cap or .gz capture here');
    expect(await page.getByTestId('open-file').isEnabled()).toBe(true);
    await app.screenshot('01-start-screen');
  });

  it('opens the bundled sample from the start screen (assets/sample.pcap, 293 frames), then closes it', async () => {
    const { page } = app;
    await page.getByTestId('open-sample').click();
    await waitForLoaded(page, 293);
    expect(await page.getByTestId('status-bar').textContent()).toContain('sample.pcap');
    await page.getByTestId('close-capture').click();
    await page.getByTestId('drop-zone').waitFor();
  });

  it('fills the packet list and shows tree and bytes of a clicked frame', async () => {
    const { page } = app;
    await openCaptureFile(page, CAPTURES.pecanChat);
    await waitForLoaded(page, 293);
    expect(await page.getByTestId('packet-row').count()).toBeGreaterThan(20);
    expect(await page.getByTestId('packet-row').first().getAttribute('data-frame')).toBe('1');

    // Frame 211 carries alice's first chat message (tshark: frame contains "Hi Bob! This is message 1").
    await page.getByTestId('display-filter').fill('frame.number == 211');
    await page.getByTestId('display-filter').press('Enter');
    await page.getByTestId('displayed-count').filter({ hasText: 'Displayed 1 of 293' }).waitFor();
    const row = page.locator('[data-testid=packet-row][data-frame="211"]');
    await row.click();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    const tree = page.getByTestId('command-tree');
    await tree.getByRole('treeitem').first().waitFor();
    expect(await tree.textContent()).toContain('MSG');
    const hexText = await page.getByTestId('bytes-pane').locator('.text-byte').allTextContents();
    expect(hexText.join('')).toContain('Hi Bob! This is message 1 from Alice.');

    // Selecting the TCP payload node highlights its bytes (tshark: tcp.len 198 in a 264-byte frame).
    await tree.getByRole('treeitem').filter({ hasText: 'TCP payload' }).click();
    await page.getByTestId('bytes-pane').locator('.text-byte.hl').first().waitFor();
    const highlighted = await page.getByTestId('bytes-pane').locator('.text-byte.hl').allTextContents();
    expect(highlighted).toHaveLength(198);
    expect(highlighted.join('').startsWith('MSG 3 A 185')).toBe(true);
    await app.screenshot('02-frame-detail');
    await page.getByRole('button', { name: 'Clear the display filter' }).click();
    await page.getByTestId('displayed-count').filter({ hasText: '293 packets' }).waitFor();
  });

  it('narrows the list with msnp.cmd == MSG and reports a bad filter', async () => {
    const { page } = app;
    const filter = page.getByTestId('display-filter');
    await filter.fill('msnp.cmd == MSG');
    expect(await filter.evaluate((el) => el.parentElement?.className)).toContain('valid');
    await filter.press('Enter');
    await page.getByTestId('displayed-count').filter({ hasText: /Displayed \d+ of 293/ }).waitFor();
    const counter = await page.getByTestId('displayed-count').textContent();
    const shown = Number(/Displayed (\d+)/.exec(counter ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(293);
    const infos = await page.locator('[data-testid=packet-row] .col-info').allTextContents();
    expect(infos.length).toBeGreaterThan(0);
    for (const info of infos) expect(info).toContain('MSG');
    await app.screenshot('03-filter-msg');

    await filter.fill('msnp.cmd ==');
    await page.getByTestId('filter-error').waitFor();
    expect(await page.getByTestId('filter-error').textContent()).toMatch(/expected value/i);
    expect(await filter.evaluate((el) => el.parentElement?.className)).toContain('invalid');
    await filter.press('Enter');
    // The list keeps the last valid filter.
    expect(await page.getByTestId('displayed-count').textContent()).toBe(counter);
    await app.screenshot('04-filter-invalid');
    expect(app.problems).toEqual([]);
  });
});
