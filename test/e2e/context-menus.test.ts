// Context menus in the browser mode on the 2005 Wireshark sample (364 frames, tshark): a packet
// row's Apply as Filter shows as many frames as tshark's fields say match (tcp.stream, ip.src,
// tcp.len as tshark reads them), the menu works from the
// keyboard (Shift+F10, the ContextMenu key, arrows, Escape) and Prepare leaves the filter unapplied,
// the bytes pane copies Wireshark's hex dump (tshark -x's dump, with the GUI's three spaces after the
// offset) and a plain copy of selected bytes as spaced hex, a tree node copies its line (Ctrl+C) or
// its field as a filter, and a session row filters on its session. The clipboard is read back
// through the page.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { SCREENSHOTS_DIR, useOpenedCapture } from './browser-fixture';

const PATH = CAPTURES.wireshark2005;
const FRAMES = 364;

function tshark(args: string[]): string {
  return execFileSync('tshark', ['-r', PATH, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** tshark's reading of every frame (one run: tshark is slow to start on a loaded machine). */
interface TsharkFrame { number: number; stream: number; src: string; len: number; seq: string }
let frames: TsharkFrame[] | undefined;
function tsharkFrames(): TsharkFrame[] {
  frames ??= tshark(['-T', 'fields', '-e', 'frame.number', '-e', 'tcp.stream', '-e', 'ip.src', '-e', 'tcp.len', '-e', 'tcp.seq']).trim().split('\n').map((line) => {
    const [number, stream, src, len, seq] = line.split('\t');
    return { number: Number(number), stream: Number(stream), src, len: Number(len), seq };
  });
  return frames;
}
const tsharkFrame = (n: number): TsharkFrame => tsharkFrames().find((f) => f.number === n)!;
const tsharkCount = (test: (f: TsharkFrame) => boolean): number => tsharkFrames().filter(test).length;
/** tshark's hex dump of one frame (`-x`), one line per 16 bytes. */
const tsharkDump = (frame: number): string[] => tshark(['-Y', `frame.number == ${frame}`, '-x']).split('\n').filter((l) => /^[0-9a-f]{4} {2}/.test(l));

const clipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
const filterText = (page: Page): Promise<string> => page.getByTestId('display-filter').inputValue();
const row = (page: Page, frame: number) => page.locator(`[data-testid=packet-row][data-frame="${frame}"]`);
const focusedTestId = (page: Page): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

async function waitForDisplayed(page: Page, shown: number): Promise<void> {
  await page.getByTestId('displayed-count').filter({ hasText: `Displayed ${shown} of ${FRAMES}` }).waitFor();
}

async function clearFilter(page: Page): Promise<void> {
  await page.getByTestId('display-filter').fill('');
  await page.getByTestId('display-filter').press('Enter');
  await page.getByTestId('displayed-count').filter({ hasText: `${FRAMES} packets` }).waitFor();
}

describe('context menus', () => {
  const app = useOpenedCapture(PATH, FRAMES);

  it('right-click a row → Apply as Filter → Connection: as many frames as tshark shows', async () => {
    const { page } = app();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app().server.url });
    const stream = tsharkFrame(4).stream;
    expect(stream).toBe(1);
    await row(page, 4).click({ button: 'right' });
    const menu = page.getByTestId('context-menu');
    await menu.waitFor();
    expect(await menu.getAttribute('role')).toBe('menu');
    expect(await row(page, 4).getAttribute('aria-selected')).toBe('true');
    await menu.getByTestId('apply-filter').hover();
    await page.getByTestId('apply-filter-0').hover();
    await page.getByTestId('apply-filter-0-selected').waitFor();
    // The README's picture (assets/screenshot-context-menu.png) is copied from this one.
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'context-menu.png'), clip: { x: 0, y: 0, width: 1180, height: 400 } });
    await page.getByTestId('apply-filter-0-selected').click();
    await expect.poll(() => filterText(page)).toBe(`tcp.stream == ${stream}`);
    await waitForDisplayed(page, tsharkCount((f) => f.stream === stream));
    expect(await menu.count()).toBe(0);
  });

  it('opens from the keyboard, moves with arrows, closes with Escape; Prepare leaves the filter unapplied', async () => {
    const { page } = app();
    await clearFilter(page);
    await row(page, 5).click();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('context-menu').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Apply as Filter▸');
    await page.keyboard.press('Escape');
    await page.getByTestId('context-menu').waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('packet-list');

    // Typed, not applied: …and Selected combines with what the bar holds.
    await page.getByTestId('display-filter').fill('tcp.len > 10');
    await row(page, 5).click();
    await page.keyboard.press('ContextMenu');
    await page.getByTestId('context-menu').waitFor();
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'Enter']) await page.keyboard.press(key);
    const source = tsharkFrame(5).src;
    expect(source).toBe('207.46.107.149');
    const expression = `(tcp.len > 10) && (ip.src == ${source})`;
    expect(await filterText(page)).toBe(expression);
    expect(await focusedTestId(page)).toBe('display-filter');
    expect(await page.getByTestId('displayed-count').textContent()).toBe(`${FRAMES} packets`);
    await page.keyboard.press('Enter');
    const expected = tsharkCount((f) => f.len > 10 && f.src === source);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(tsharkCount((f) => f.src === source));
    await waitForDisplayed(page, expected);
  });

  it('copies the bytes as a hex dump, and a plain copy of selected bytes as spaced hex', async () => {
    const { page } = app();
    await clearFilter(page);
    await row(page, 14).click();
    const pane = page.getByTestId('bytes-pane');
    await pane.locator('.hex-byte').first().waitFor();
    await pane.click({ button: 'right', position: { x: 300, y: 30 } });
    await page.getByTestId('copy-hex-dump').click();
    // Wireshark's copy puts three spaces after the offset where tshark -x puts two.
    const dump = tsharkDump(14);
    const expected = dump.map((l) => `${l.slice(0, 4)}   ${l.slice(6)}`);
    expect(expected).toHaveLength(27); // 427 bytes
    expect((await clipboard(page)).split('\n')).toEqual([...expected, '']);

    // Select from the hex of byte 0x36 ('M' of "MSG 88 N 359") to that of 0x41, across a line break.
    await page.evaluate(() => {
      const at = (offset: number) => document.querySelector(`[data-testid=bytes-pane] .hex-byte[data-offset="${offset}"]`)!.firstChild!;
      const range = document.createRange();
      range.setStart(at(0x36), 0);
      range.setEnd(at(0x41), 2);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await pane.focus();
    await page.keyboard.press('Control+C');
    const bytes = dump.flatMap((l) => l.slice(6, 6 + 47).trim().split(' '));
    expect(await clipboard(page)).toBe(bytes.slice(0x36, 0x42).join(' '));
    expect(await clipboard(page)).toBe('4d 53 47 20 38 38 20 4e 20 33 35 39');

    // From the keyboard: the second item copies the whole frame (no field selected) as spaced hex.
    await pane.focus();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('context-menu').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('context-menu').waitFor({ state: 'detached' });
    await expect.poll(() => clipboard(page)).toBe(bytes.join(' '));
    expect(await focusedTestId(page)).toBe('bytes-pane');
  });

  it('tree nodes: Ctrl+C copies the line, the status bar names the field, Copy as filter and Apply work', async () => {
    const { page } = app();
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await row(page, 14).click();
    const tree = page.getByTestId('command-tree');
    await tree.getByRole('treeitem').filter({ hasText: 'Command: MSG' }).click();
    await page.getByTestId('status-field').filter({ hasText: 'msnp.cmd' }).waitFor();
    await page.keyboard.press('Control+C');
    await expect.poll(() => clipboard(page)).toBe('Command: MSG');

    await tree.getByRole('treeitem').filter({ hasText: 'Internet Protocol Version 4' }).click();
    await page.keyboard.press('ArrowRight');
    const sourceNode = tree.getByRole('treeitem').filter({ hasText: 'Source Address:' });
    await sourceNode.click({ button: 'right' });
    await page.getByTestId('copy-filter').click();
    const source = tsharkFrame(14).src;
    expect(await clipboard(page)).toBe(`ip.src == ${source}`);
    expect(await page.getByTestId('status-field').textContent()).toBe('Field: ip.src (4 bytes)');

    await tree.getByRole('treeitem').filter({ hasText: 'Internet Protocol Version 4' }).click({ button: 'right' });
    await page.getByTestId('copy-visible').click();
    const copied = (await clipboard(page)).split('\n');
    expect(copied[0]).toMatch(/^Internet Protocol Version 4, Src: 192\.168\.1\.14, Dst: /);
    expect(copied[1]).toBe('    Version: 4');
    expect(copied).toContain(`    Source Address: ${source}`);

    // The stream index and relative sequence number come from the back end's packet table.
    await tree.getByRole('treeitem').filter({ hasText: 'Transmission Control Protocol' }).click();
    await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem').filter({ hasText: '[Stream index:' }).click({ button: 'right' });
    await page.getByTestId('copy-filter').click();
    expect(await clipboard(page)).toBe(`tcp.stream == ${tsharkFrame(14).stream}`);
    await tree.getByRole('treeitem').filter({ hasText: '(relative sequence number)' }).click({ button: 'right' });
    await page.getByTestId('copy-value').click();
    expect(await clipboard(page)).toBe(tsharkFrame(14).seq);

    await sourceNode.click({ button: 'right' });
    await page.getByTestId('apply-filter').click();
    await page.getByTestId('apply-filter-not-selected').click();
    expect(await filterText(page)).toBe(`!(ip.src == ${source})`);
    await waitForDisplayed(page, tsharkCount((f) => f.src !== source));
  });

  it('a session row filters on its session', async () => {
    const { page } = app();
    await clearFilter(page);
    await page.getByTestId('tab-sessions').click();
    const session = page.getByTestId('session-row').first();
    const id = (await session.locator('[role=gridcell]').first().textContent())!.trim();
    // Copy the participants cell, then the row (its cells as shown, tab-separated).
    const cells = await session.locator('[role=gridcell]').allTextContents();
    await session.locator('[data-column=participants]').click({ button: 'right' });
    await page.getByTestId('copy-cell').click();
    expect(await clipboard(page)).toBe(cells[1]);
    expect(cells[1]).toMatch(/@/);
    await session.click({ button: 'right' });
    await page.getByTestId('copy-row').click();
    expect(await clipboard(page)).toBe(cells.join('\t'));
    await session.click({ button: 'right' });
    await page.getByTestId('filter-on-0').click();
    expect(await filterText(page)).toBe(`msnp.session == ${id}`);
    await page.getByTestId('displayed-count').filter({ hasText: /^Displayed [1-9]\d* of 364$/ }).waitFor();
    expect(app().problems).toEqual([]);
  });
});
