// Wireshark-style navigation of the packet list on the MSNP12 capture (293 frames, tshark):
// ↑/↓/PgDn/Home/End move the selection and keep it in view, Ctrl+G goes to a packet, Ctrl+/
// focuses the display filter (Ctrl+F is Find Packet: navigation-moves.test.ts), a transaction link
// in the tree goes to the linked frame and back, a column header sorts, and the time column
// switches to UTC.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CAPTURES } from '../helpers/captures';
import { useOpenedCapture } from './browser-fixture';

/** The packet list has made its order and holds the rows in view. */
const settled = (page: Page) => page.locator('[data-testid=packet-list][aria-busy=false]').waitFor();

const selectedFrame = (page: Page) => page.locator('[data-testid=packet-row][aria-selected=true]').getAttribute('data-frame');

async function inView(page: Page, frame: string | null): Promise<boolean> {
  const row = await page.locator(`[data-testid=packet-row][data-frame="${frame}"]`).boundingBox();
  const list = await page.getByTestId('packet-list').boundingBox();
  return !!row && !!list && row.y >= list.y - 1 && row.y + row.height <= list.y + list.height + 1;
}

describe('packet list navigation', () => {
  const analyzer = useOpenedCapture(CAPTURES.pecanChat, 293);

  it('moves the selection with the keyboard and keeps it in view', async () => {
    const { page } = analyzer();
    await page.locator('[data-testid=packet-row][data-frame="1"]').click();
    await page.keyboard.press('ArrowDown');
    expect(await selectedFrame(page)).toBe('2');
    await page.keyboard.press('End');
    await page.locator('[data-testid=packet-row][data-frame="293"][aria-selected=true]').waitFor();
    expect(await inView(page, '293')).toBe(true);
    await page.keyboard.press('Home');
    await page.locator('[data-testid=packet-row][data-frame="1"][aria-selected=true]').waitFor();
    await page.keyboard.press('PageDown');
    const paged = Number(await selectedFrame(page));
    expect(paged).toBeGreaterThan(10);
    expect(await inView(page, String(paged))).toBe(true);
  });

  it('goes to a packet with Ctrl+G and focuses the filter with Ctrl+/', async () => {
    const { page } = analyzer();
    await page.keyboard.press('Control+g');
    await page.getByTestId('goto-input').fill('150');
    await page.getByTestId('goto-input').press('Enter');
    await page.locator('[data-testid=packet-row][data-frame="150"][aria-selected=true]').waitFor();
    expect(await inView(page, '150')).toBe(true);
    await page.keyboard.press('Control+/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('display-filter');
  });

  it('follows a transaction link in the tree to the response and back (double-click, Enter)', async () => {
    const { page } = analyzer();
    // Frame 211 is "MSG 3 A 185" from Alice; frame 214 the switchboard's "ACK 3" (tshark's payloads).
    await page.keyboard.press('Control+g');
    await page.getByTestId('goto-input').fill('211');
    await page.getByTestId('goto-input').press('Enter');
    await page.locator('[data-testid=packet-row][data-frame="211"][aria-selected=true]').waitFor();
    const tree = page.getByTestId('command-tree');
    await tree.getByRole('treeitem', { name: '[Response in frame 214: ACK]' }).dblclick();
    await page.locator('[data-testid=packet-row][data-frame="214"][aria-selected=true]').waitFor();
    const back = tree.getByRole('treeitem', { name: /^\[Reply to MSG 3 in frame 211, [\d.]+ ms\]$/ });
    await back.click();
    await tree.press('Enter');
    await page.locator('[data-testid=packet-row][data-frame="211"][aria-selected=true]').waitFor();
    expect(await inView(page, '211')).toBe(true);
  });

  it('sorts by a column and shows absolute UTC times', async () => {
    const { page } = analyzer();
    await page.getByRole('columnheader', { name: 'Length' }).getByRole('button').click();
    await page.getByRole('columnheader', { name: 'Length' }).and(page.locator('[aria-sort=ascending]')).waitFor();
    await settled(page);
    const lengths = (await page.locator('[data-testid=packet-row] .col-length').allTextContents()).map(Number);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    await page.getByRole('columnheader', { name: 'No.' }).getByRole('button').click();
    await page.getByRole('columnheader', { name: 'No.' }).and(page.locator('[aria-sort=ascending]')).waitFor();
    await settled(page);
    const frames = (await page.locator('[data-testid=packet-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-frame')))));
    expect(frames).toEqual(frames.map((_, i) => frames[0] + i));

    await page.getByTestId('packet-row').first().click();
    await page.keyboard.press('Home');
    await page.getByTestId('time-format').selectOption('absolute-utc');
    // tshark -t ud -c 1: 2026-11-23 12:04:19.303332 (UTC).
    expect(await page.locator('[data-testid=packet-row][data-frame="1"] .col-time').textContent()).toBe('2026-11-23 12:04:19.303332');
    await page.getByTestId('time-format').selectOption('relative');
    expect(await page.locator('[data-testid=packet-row][data-frame="1"] .col-time').textContent()).toBe('0.000000');
    await analyzer().screenshot('12-sorted-absolute');
    expect(analyzer().problems).toEqual([]);
  });
});
