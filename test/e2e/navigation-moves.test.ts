// Wireshark's navigation moves in the browser mode, on the MSNP12 chat capture (293 frames) with
// every expected frame from tshark: Ctrl+↓/↑ from the command tree and a side table, Ctrl+. / Ctrl+,
// through one tcp.stream, Find Packet (Ctrl+F: string in bytes with wrap-around and "not found" in
// words, hex, regex, display filter, packet details), marks (Ctrl+M, Ctrl+Shift+N/B, the row
// style, frame.marked, a marked-only save, mark all / unmark all), a time reference (Ctrl+T,
// *REF*), the time formats against tshark -t dd / ad (in Asia/Tokyo for both) / e, remembered
// over a reload, and the links from a packet to its session's transcript and from a P2P endpoint
// to the connection that used it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE_WAN, legacyFrames, PORT } from '../engine-synthetic/legacy-scenario';
import { writeFrames } from '../engine-synthetic/synthetic';
import { CAPTURES } from '../helpers/captures';
import { tsharkFields, tsharkFrames } from '../helpers/tshark-frames';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const PATH = CAPTURES.pecanChat;
const FRAMES = 293;
const ZONE = 'Asia/Tokyo';

const row = (page: Page, frame: number) => page.locator(`[data-testid=packet-row][data-frame="${frame}"]`);
const selected = (page: Page, frame: number) => row(page, frame).and(page.locator('[aria-selected=true]')).waitFor();
const timeCell = (page: Page, frame: number) => row(page, frame).locator('.col-time').textContent();

async function goTo(page: Page, frame: number): Promise<void> {
  await page.keyboard.press('Control+g');
  await page.getByTestId('goto-input').fill(String(frame));
  await page.getByTestId('goto-input').press('Enter');
  await selected(page, frame);
}

async function applyFilter(page: Page, filter: string, shown: number): Promise<void> {
  await page.getByTestId('display-filter').fill(filter);
  await page.getByTestId('display-filter').press('Enter');
  await page.getByTestId('displayed-count').filter({ hasText: filter === '' ? `${FRAMES} packets` : `Displayed ${shown} of ${FRAMES}` }).waitFor();
}

describe('navigation moves', () => {
  let app: AnalyzerPage;
  const downloads = mkdtempSync(join(tmpdir(), 'msnp-e2e-nav-'));
  beforeAll(async () => {
    app = await openAnalyzer({ timezoneId: ZONE });
    await openCaptureFile(app.page, PATH);
    await waitForLoaded(app.page, FRAMES);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('Ctrl+↓ / Ctrl+↑ move to the next and previous packet from the tree and from a side table', async () => {
    const { page } = app;
    await goTo(page, 10);
    await page.getByTestId('command-tree').getByRole('treeitem').first().click();
    await page.keyboard.press('Control+ArrowDown');
    await selected(page, 11);
    await page.getByTestId('tab-sessions').click();
    await page.getByTestId('session-row').first().click();
    await page.keyboard.press('Control+ArrowUp');
    await selected(page, 10);
  });

  it('Ctrl+. / Ctrl+, walk the frames of one TCP conversation as tshark -Y tcp.stream == 3 lists them', async () => {
    const { page } = app;
    const stream = tsharkFrames(PATH, 'tcp.stream == 3');
    await goTo(page, stream[0]);
    for (const frame of stream.slice(1, 12)) {
      await page.keyboard.press('Control+.');
      await selected(page, frame);
    }
    for (const frame of stream.slice(0, 11).reverse()) {
      await page.keyboard.press('Control+,');
      await selected(page, frame);
    }
  });

  it('Find Packet (Ctrl+F): a string in the bytes, wrapping around, and "not found" in words', async () => {
    const { page } = app;
    const byes = tsharkFrames(PATH, 'frame contains "Bye"');
    expect(byes).toEqual([258, 260]);
    await goTo(page, 1);
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-input');
    await page.getByTestId('find-mode').selectOption('string');
    await page.getByTestId('find-scope').selectOption('bytes');
    await page.getByTestId('find-case').check();
    await page.getByTestId('find-input').fill('Bye');
    await page.getByTestId('find-input').press('Enter');
    await selected(page, byes[0]);
    await page.getByTestId('find-input').press('Enter');
    await selected(page, byes[1]);
    await page.getByTestId('find-input').press('Enter');
    await selected(page, byes[0]);
    await page.getByTestId('find-message').filter({ hasText: 'continued from the other end' }).waitFor();
    await page.getByTestId('find-input').press('Shift+Enter');
    await selected(page, byes[1]);
    await app.screenshot('find-packet');
    await page.getByTestId('find-input').fill('no such text anywhere');
    await page.getByTestId('find-input').press('Enter');
    await page.getByTestId('find-message').filter({ hasText: `No packet matches "no such text anywhere" (searched ${FRAMES} packets).` }).waitFor();
  });

  it('Find Packet by hex value, regular expression, display filter and in the packet details', async () => {
    const { page } = app;
    /** Finds from frame 1 and expects the first frame after it that tshark's filter selects. */
    const findFromStart = async (mode: string, text: string, tsharkFilter: string, scope?: string): Promise<void> => {
      await goTo(page, 1);
      await page.getByTestId('find-mode').selectOption(mode);
      if (scope) await page.getByTestId('find-scope').selectOption(scope);
      await page.getByTestId('find-input').fill(text);
      await page.getByTestId('find-next').click();
      await selected(page, tsharkFrames(PATH, `frame.number > 1 && (${tsharkFilter})`)[0]);
    };
    await page.keyboard.press('Control+f');
    await findFromStart('hex', '4d 53 47 20', 'frame contains 4d:53:47:20');
    await findFromStart('regex', 'USR \\d+ TWN I', 'frame matches "USR [0-9]+ TWN I"', 'bytes');
    await findFromStart('filter', 'tcp.flags.syn == 1 && tcp.flags.ack == 1', 'tcp.flags.syn == 1 && tcp.flags.ack == 1');
    await findFromStart('string', 'Alice is testing MSNP', 'frame contains "Alice is testing MSNP"', 'details');
    await page.getByTestId('find-input').press('Escape');
    await page.getByTestId('find-bar').waitFor({ state: 'detached' });
  });

  it('marks packets (Ctrl+M), walks them (Ctrl+Shift+N / B), filters on frame.marked and saves only them', async () => {
    const { page } = app;
    for (const frame of [5, 200]) {
      await goTo(page, frame);
      await page.keyboard.press('Control+m');
      await row(page, frame).and(page.locator('[data-marked=true]')).waitFor();
    }
    await page.getByTestId('status-marked').filter({ hasText: 'Marked: 2' }).waitFor();
    await goTo(page, 1);
    await page.keyboard.press('Control+Shift+N');
    await selected(page, 5);
    await page.keyboard.press('Control+Shift+N');
    await selected(page, 200);
    await page.keyboard.press('Control+Shift+N');
    await selected(page, 5);
    await page.keyboard.press('Control+Shift+B');
    await selected(page, 200);
    await page.keyboard.press('Control+ArrowDown');
    await selected(page, 201);
    await app.screenshot('marked-packets');

    await applyFilter(page, 'frame.marked == 1', 2);
    expect(await page.getByTestId('packet-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-frame')))).toEqual(['5', '200']);
    await applyFilter(page, '', FRAMES);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('capture-save').click();
    await page.getByTestId('capture-save-marked').click();
    const file = await downloading;
    const saved = join(downloads, file.suggestedFilename());
    await file.saveAs(saved);
    const epoch = (path: string, filter?: string) => tsharkFields(path, [...(filter ? ['-Y', filter] : []), '-T', 'fields', '-e', 'frame.time_epoch', '-e', 'frame.len']);
    expect(epoch(saved)).toEqual(epoch(PATH, 'frame.number == 5 || frame.number == 200'));

    await page.getByTestId('navigation-menu').click();
    await page.getByTestId('nav-mark-displayed').click();
    await page.getByTestId('status-marked').filter({ hasText: `Marked: ${FRAMES}` }).waitFor();
    await page.getByTestId('navigation-menu').click();
    await page.getByTestId('nav-unmark-all').click();
    await page.getByTestId('status-marked').waitFor({ state: 'detached' });
    expect(await row(page, 200).getAttribute('data-marked')).toBeNull();
  });

  it('sets a time reference (Ctrl+T): *REF*, and relative times count from it', async () => {
    const { page } = app;
    const epoch = tsharkFields(PATH, ['-T', 'fields', '-e', 'frame.time_epoch']).map(Number);
    await goTo(page, 100);
    await page.keyboard.press('Control+t');
    await row(page, 100).locator('.col-time').filter({ hasText: '*REF*' }).waitFor();
    expect(Number(await timeCell(page, 101))).toBeCloseTo(epoch[100] - epoch[99], 6);
    expect(await timeCell(page, 99)).toBe(tsharkFields(PATH, ['-t', 'r', '-Y', 'frame.number == 99', '-T', 'fields', '-e', '_ws.col.Time'])[0]);
    await page.keyboard.press('Control+Alt+t');
    expect(Number(await row(page, 100).locator('.col-time').filter({ hasNotText: '*REF*' }).textContent())).toBeCloseTo(epoch[99] - epoch[0], 6);
  });

  it('shows the time formats as tshark -t dd / ad / e does, and remembers the choice over a reload', async () => {
    const { page } = app;
    const time = (format: string, filter: string, env: NodeJS.ProcessEnv = process.env) =>
      execFileSync('tshark', ['-r', PATH, '-t', format, '-Y', filter, '-T', 'fields', '-e', '_ws.col.Time'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n');
    await applyFilter(page, 'tcp.port == 1864', tsharkFrames(PATH, 'tcp.port == 1864').length);
    const first = Number(await page.getByTestId('packet-row').first().getAttribute('data-frame'));
    await page.getByTestId('time-format').selectOption('delta-displayed');
    const shown = await page.getByTestId('packet-row').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-frame')), r.querySelector('.col-time')?.textContent]));
    const frames = tsharkFrames(PATH, 'tcp.port == 1864');
    const expected = new Map(time('dd', 'tcp.port == 1864').map((text, i) => [frames[i], text]));
    expect(shown.length).toBeGreaterThan(5);
    for (const [frame, text] of shown) expect([frame, text]).toEqual([frame, expected.get(frame as number)]);
    await page.getByTestId('time-format').selectOption('absolute-local');
    expect(await timeCell(page, first)).toBe(time('ad', `frame.number == ${first}`, { ...process.env, TZ: ZONE })[0]);
    await page.getByTestId('time-format').selectOption('epoch');
    await page.getByTestId('time-precision').selectOption('ms');
    expect(await timeCell(page, first)).toBe(time('e', `frame.number == ${first}`)[0].slice(0, -3));
    await applyFilter(page, '', FRAMES);

    await page.reload();
    await openCaptureFile(page, PATH);
    await waitForLoaded(page, FRAMES);
    expect(await page.getByTestId('time-format').inputValue()).toBe('epoch');
    expect(await page.getByTestId('time-precision').inputValue()).toBe('ms');
    expect(await timeCell(page, 1)).toBe(time('e', 'frame.number == 1')[0].slice(0, -3));
    await page.getByTestId('time-format').selectOption('relative');
    await page.getByTestId('time-precision').selectOption('auto');
  });

  it('goes from a chat packet to its session\'s transcript', async () => {
    const { page } = app;
    // Frame 211 carries alice's first message (tshark: frame contains "Hi Bob!" → 211, 212).
    expect(tsharkFrames(PATH, 'frame contains "Hi Bob!"')[0]).toBe(211);
    await goTo(page, 211);
    await row(page, 211).click({ button: 'right' });
    await page.getByTestId('context-menu').locator('[data-testid^=open-session-]').first().click();
    await page.getByTestId('transcript').getByText('Hi Bob! This is message 1 from Alice.').first().waitFor();
    expect(await page.getByTestId('tab-transcript').getAttribute('aria-selected')).toBe('true');
    expect(app.problems).toEqual([]);
  });

  it('goes from a P2P endpoint to the first frame of the connection that used it', async () => {
    const { page } = app;
    const path = writeFrames(legacyFrames);
    await openCaptureFile(page, path);
    await waitForLoaded(page, legacyFrames.length);
    await page.getByTestId('tab-endpoints').click();
    const offered = page.getByTestId('endpoint-row').filter({ hasText: `${ALICE_WAN}:${PORT}` });
    const offerFrame = Number(await offered.locator('.col-frame').textContent());
    await offered.click({ button: 'right' });
    await page.getByTestId('endpoint-connection').click();
    const used = tsharkFrames(path, `ip.addr == ${ALICE_WAN} && tcp.port == ${PORT} && frame.number > ${offerFrame}`)[0];
    expect(used).toBeGreaterThan(offerFrame);
    await selected(page, used);
    await offered.click({ button: 'right' });
    await page.getByTestId('endpoint-filter').click();
    const all = tsharkFrames(path, `ip.addr == ${ALICE_WAN} && tcp.port == ${PORT}`).length;
    await page.getByTestId('displayed-count').filter({ hasText: `Displayed ${all} of ${legacyFrames.length}` }).waitFor();
    expect(app.problems).toEqual([]);
  });
});
