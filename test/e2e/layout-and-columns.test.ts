// Columns, remembered layout, narrow windows and the dark theme, in the browser mode on the MSNP12
// login/chat capture (293 frames, with window scaling on its connections): a column hidden from
// the header menu, moved by drag and from the keyboard, resized; Apply as Column on a tree node
// (tcp.window_size, the scaled window, and frame.len) shows in every row the value tshark's
// `-T fields -e …` prints for that frame; a reload keeps the arrangement, View → Reset layout
// restores it; the side panel collapses (button, Ctrl+Shift+H) and detaches below the packets; at
// 1024×700 no toolbar or filter-bar control overlaps another or is clipped (element boxes), at
// 1400 px the bytes pane's text column shows without sideways scrolling; the dark theme follows
// prefers-color-scheme and the View menu overrides it; a saved filter button applies its filter
// (as many frames as tshark -Y shows) and is remembered.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, openCaptureFile, SCREENSHOTS_DIR, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const PATH = CAPTURES.pecanChat;
const FRAMES = 293;

function tshark(args: string[]): string {
  return execFileSync('tshark', ['-r', PATH, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** tshark's value of each field per frame number (one run: tshark is slow to start on a loaded machine). */
let fieldTable: Map<number, { window: string; len: string }> | undefined;
function tsharkFields(): Map<number, { window: string; len: string }> {
  fieldTable ??= new Map(tshark(['-T', 'fields', '-e', 'frame.number', '-e', 'tcp.window_size', '-e', 'frame.len']).trim().split('\n').map((line) => {
    const [number, window, len] = line.split('\t');
    return [Number(number), { window, len }];
  }));
  return fieldTable;
}

const packetList = (page: Page): Locator => page.getByRole('grid', { name: 'Packet list' });
const headerIds = (page: Page): Promise<string[]> =>
  packetList(page).locator('[role=columnheader]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column-id') ?? ''));
const row = (page: Page, frame: number): Locator => page.locator(`[data-testid=packet-row][data-frame="${frame}"]`);
const rowCellIds = (page: Page, frame: number): Promise<string[]> =>
  row(page, frame).locator('[role=gridcell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column') ?? ''));
const headerWidth = async (page: Page, id: string): Promise<number> => (await page.getByTestId(`column-header-${id}`).boundingBox())!.width;

/** Every shown row's frame number and its text in column `id`. */
function columnCells(page: Page, id: string): Promise<Array<{ frame: number; text: string }>> {
  return page.locator('[data-testid=packet-row]').evaluateAll((rows, column) => rows.map((r) => ({
    frame: Number(r.getAttribute('data-frame')),
    text: r.querySelector(`[data-column="${column}"]`)?.textContent ?? '<missing>',
  })), id);
}

async function headerMenu(page: Page, id: string, item: string): Promise<void> {
  await page.getByTestId(`column-header-${id}`).click({ button: 'right' });
  await page.getByTestId(item).click();
}

async function applyAsColumn(page: Page, frame: number, protocolNode: string | RegExp, node: string): Promise<void> {
  await row(page, frame).click();
  const tree = page.getByTestId('command-tree');
  const parent = tree.getByRole('treeitem').filter({ hasText: protocolNode });
  if ((await parent.getAttribute('aria-expanded')) === 'false') {
    await parent.click();
    await page.keyboard.press('ArrowRight');
  }
  await tree.getByRole('treeitem').filter({ hasText: node }).first().click({ button: 'right' });
  await page.getByTestId('apply-as-column').click();
}

const DEFAULT_COLUMNS = ['number', 'time', 'source', 'destination', 'protocol', 'length', 'info'];

interface Box { x: number; y: number; width: number; height: number; right: number; bottom: number; clipped: boolean; name: string }

/** The visible controls (buttons, inputs, selects) inside `selector`, with their boxes and whether their own content overflows them. */
function controlBoxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluate((root) => [...root.querySelectorAll('button, input, select')].flatMap((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || el.closest('[role=menu]')) return [];
    const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
    return [{ x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom, clipped: el.tagName !== 'INPUT' && el.scrollWidth > el.clientWidth + 1, name }];
  }));
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.right - 0.5 && b.x < a.right - 0.5 && a.y < b.bottom - 0.5 && b.y < a.bottom - 0.5;

function expectLaidOut(boxes: Box[], width: number, atLeast: number): void {
  expect(boxes.length).toBeGreaterThanOrEqual(atLeast);
  for (const b of boxes) {
    expect({ name: b.name, inside: b.x >= 0 && b.right <= width + 0.5, clipped: b.clipped }).toEqual({ name: b.name, inside: true, clipped: false });
  }
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let k = i + 1; k < boxes.length; k++) if (overlaps(boxes[i], boxes[k])) pairs.push(`${boxes[i].name} × ${boxes[k].name}`);
  expect(pairs).toEqual([]);
}

const background = (page: Page, selector: string): Promise<string> => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);

describe('columns, remembered layout, narrow windows and themes', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer({ viewport: { width: 1400, height: 900 } });
    await openCaptureFile(app.page, PATH);
    await waitForLoaded(app.page, FRAMES);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('hides a column from the header menu, moves one by drag and one from the keyboard, resizes one', async () => {
    const { page } = app;
    expect(await headerIds(page)).toEqual(DEFAULT_COLUMNS);
    await headerMenu(page, 'protocol', 'column-hide');
    expect(await headerIds(page)).toEqual(['number', 'time', 'source', 'destination', 'length', 'info']);
    expect(await rowCellIds(page, 1)).toEqual(['number', 'time', 'source', 'destination', 'length', 'info']);

    // Drag Source onto No.: it takes No.'s place.
    const from = (await page.getByTestId('column-header-source').boundingBox())!;
    const to = (await page.getByTestId('column-header-number').boundingBox())!;
    await page.mouse.move(from.x + 20, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 20, to.y + to.height / 2, { steps: 6 });
    await page.mouse.up();
    expect(await headerIds(page)).toEqual(['source', 'number', 'time', 'destination', 'length', 'info']);
    expect(await rowCellIds(page, 1)).toEqual(['source', 'number', 'time', 'destination', 'length', 'info']);
    // A drag is not a click: no sort by Source.
    expect(await page.getByTestId('column-header-source').getAttribute('aria-sort')).toBe('none');

    // From the keyboard: Shift+F10 on the focused Length header, Move Left.
    await page.getByTestId('column-header-length').locator('button').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('column-move-left').click();
    expect(await headerIds(page)).toEqual(['source', 'number', 'time', 'length', 'destination', 'info']);

    // Drag the Destination column's right edge 60 px wider.
    const before = await headerWidth(page, 'destination');
    const edge = (await page.getByTestId('column-resizer-destination').boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(Math.round(await headerWidth(page, 'destination'))).toBe(Math.round(before + 60));
  });

  it('Apply as Column on tree nodes shows tshark\'s tcp.window_size and frame.len in every row', async () => {
    const { page } = app;
    await applyAsColumn(page, 20, 'Transmission Control Protocol', '[Calculated window size:');
    await applyAsColumn(page, 20, 'Frame 20:', 'Frame Length:');
    const ids = await headerIds(page);
    expect(ids.slice(-2)).toEqual(['field:tcp.window_size', 'field:frame.len']);
    expect(await page.getByTestId('column-header-field:tcp.window_size').textContent()).toBe('Calculated window size');

    const expected = tsharkFields();
    const check = async (): Promise<number> => {
      await page.locator('[data-testid=packet-list][aria-busy=false]').waitFor();
      const windows = await columnCells(page, 'field:tcp.window_size');
      const lengths = await columnCells(page, 'field:frame.len');
      expect(windows.length).toBeGreaterThan(20);
      for (const w of windows) expect({ frame: w.frame, text: w.text }).toEqual({ frame: w.frame, text: expected.get(w.frame)!.window });
      for (const l of lengths) expect({ frame: l.frame, text: l.text }).toEqual({ frame: l.frame, text: expected.get(l.frame)!.len });
      return windows.length;
    };
    await check();
    // Window scaling makes the two differ on this capture: the column is the scaled window.
    expect([...expected.values()].some((f) => f.window !== '' && Number(f.window) > 65535)).toBe(true);
    // Further down the list: the page asked for carries the columns too.
    await page.getByTestId('packet-list').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await row(page, FRAMES).waitFor();
    await check();
  });

  it('a reload keeps columns, widths and the side panel; Reset layout restores them', async () => {
    const { page } = app;
    const arranged = await headerIds(page);
    const width = await headerWidth(page, 'destination');
    await page.getByTestId('side-panel-collapse').click();
    await page.getByTestId('side-panel').waitFor({ state: 'detached' });
    await page.getByTestId('side-panel-expand').waitFor();
    await page.keyboard.press('Control+Shift+H');
    await page.getByTestId('side-panel').waitFor();
    await page.getByTestId('side-panel-collapse').click();

    await page.reload();
    await waitForLoaded(page, FRAMES);
    expect(await headerIds(page)).toEqual(arranged);
    expect(await headerWidth(page, 'destination')).toBeCloseTo(width, 0);
    expect(await page.getByTestId('side-panel').count()).toBe(0);
    await page.getByTestId('side-panel-expand').click();
    await page.getByTestId('side-panel').waitFor();
    await row(page, 1).waitFor();
    expect((await columnCells(page, 'field:frame.len'))[0]).toEqual({ frame: 1, text: tsharkFields().get(1)!.len });

    // Detached into the lower pane: below the packets, across the workspace.
    await page.getByTestId('side-panel-placement').click();
    const side = (await page.getByTestId('side-panel').boundingBox())!;
    const packets = (await page.getByRole('region', { name: 'Packets' }).boundingBox())!;
    const workspace = (await page.getByTestId('workspace').boundingBox())!;
    expect(side.y).toBeGreaterThan(packets.y + packets.height);
    expect(side.width).toBeGreaterThan(workspace.width - 20);

    await page.getByTestId('view-menu').click();
    await page.getByTestId('view-reset-layout').click();
    expect(await headerIds(page)).toEqual(DEFAULT_COLUMNS);
    expect(await headerWidth(page, 'destination')).toBeCloseTo(150, 0);
    const besides = (await page.getByTestId('side-panel').boundingBox())!;
    expect(besides.x).toBeGreaterThan(packets.x + 400);
    await page.reload();
    await waitForLoaded(page, FRAMES);
    expect(await headerIds(page)).toEqual(DEFAULT_COLUMNS);
  });

  it('at 1400 px the bytes pane shows its text column without sideways scrolling, and the tabs stay on one row', async () => {
    const { page } = app;
    await row(page, 20).click();
    const pane = page.locator('.bytes-pane');
    await pane.locator('.text-byte').first().waitFor();
    const fit = await pane.evaluate((el) => {
      const last = [...el.querySelectorAll('.bytes-line')][0].querySelector('.bytes-text')!.getBoundingClientRect();
      return { scroll: el.scrollWidth <= el.clientWidth, inside: last.right <= el.getBoundingClientRect().right };
    });
    expect(fit).toEqual({ scroll: true, inside: true });
    const tops = await page.getByRole('tablist', { name: 'Analysis views' }).getByRole('tab').evaluateAll((tabs) => new Set(tabs.map((t) => t.getBoundingClientRect().top)).size);
    expect(tops).toBe(1);
    // Nothing clipped at 1400 px (the time format's "Absolute" among them).
    expectLaidOut(await controlBoxes(page, '.toolbar'), 1400, 10);
  });

  it('at 1024×700 no toolbar or filter-bar control overlaps another or is clipped (light and dark)', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByTestId('view-menu').click();
    await page.getByTestId('view-reset-layout').click();
    await row(page, 14).click();
    expectLaidOut(await controlBoxes(page, '.toolbar'), 1024, 10);
    expectLaidOut(await controlBoxes(page, '.filter-bar'), 1024, 3);
    const toolbar = (await page.locator('.toolbar').boundingBox())!;
    for (const b of await controlBoxes(page, '.toolbar')) expect(b.bottom).toBeLessThanOrEqual(toolbar.y + toolbar.height + 0.5);
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'layout-1024-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'layout-1024-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('the dark theme follows prefers-color-scheme; View → Light / Dark override it and are remembered', async () => {
    const { page } = app;
    const light = { body: await background(page, 'body'), chat: await background(page, '.packet-row.kind-msnp') };
    expect(light.body).toBe('rgb(240, 240, 240)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page, 'body')).toBe('rgb(30, 31, 34)');
    expect(await background(page, '.packet-row.kind-msnp')).not.toBe(light.chat);
    expect(await page.locator('.pane').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(38, 40, 43)');

    await page.getByTestId('view-menu').click();
    await page.getByTestId('view-theme-light').click();
    expect(await background(page, 'body')).toBe(light.body);
    await page.reload();
    await waitForLoaded(page, FRAMES);
    expect(await background(page, 'body')).toBe(light.body);
    await page.getByTestId('view-menu').click();
    await page.getByTestId('view-theme-system').click();
    expect(await background(page, 'body')).toBe('rgb(30, 31, 34)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page, 'body')).toBe(light.body);
  });

  it('a saved filter button applies its filter (tshark -Y count), is edited and removed from its menu, and is remembered', async () => {
    const { page } = app;
    const expression = 'tcp.len > 0 && tcp.flags.push == 1';
    const count = tshark(['-Y', expression]).trim().split('\n').length;
    expect(count).toBeGreaterThan(10);
    await page.getByTestId('display-filter').fill(expression);
    await page.getByTestId('filter-button-add').click();
    const form = page.getByTestId('filter-button-form');
    expect(await form.getByTestId('filter-button-expression').inputValue()).toBe(expression);
    await form.getByTestId('filter-button-label').fill('Pushed data');
    await form.getByTestId('filter-button-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('display-filter').fill('');
    await page.getByTestId('display-filter').press('Enter');
    await page.getByTestId('displayed-count').filter({ hasText: `${FRAMES} packets` }).waitFor();

    await page.reload();
    await waitForLoaded(page, FRAMES);
    const button = page.getByTestId('filter-button').filter({ hasText: 'Pushed data' });
    await button.click();
    await page.getByTestId('displayed-count').filter({ hasText: `Displayed ${count} of ${FRAMES}` }).waitFor();
    expect(await page.getByTestId('display-filter').inputValue()).toBe(expression);

    await button.click({ button: 'right' });
    await page.getByTestId('filter-button-edit').click();
    await form.getByTestId('filter-button-label').fill('Push');
    await form.getByTestId('filter-button-save').click();
    await page.getByTestId('filter-button').filter({ hasText: 'Push' }).click({ button: 'right' });
    await page.getByTestId('filter-button-remove').click();
    expect(await page.getByTestId('filter-button').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
