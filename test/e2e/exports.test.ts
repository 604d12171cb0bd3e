// The export dialogs in the browser mode, with the downloaded files read back: File → Export Packet
// Dissections (CSV rows against tshark's fields, JSON of the displayed frames against tshark's
// filter), Export Objects → MSN files on a synthetic capture (a real PNG shown inline as pixels,
// text shown as text, an SVG never drawn; Save and Save all give the sent bytes, the zip read by
// unzip) and a hostile transcript exported as HTML, opened in the browser: nothing runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { parseCsv } from '../helpers/parse-csv';
import { writeFrames } from '../engine-synthetic/synthetic';
import { exportFrames, HOSTILE_NICK, PNG_BYTES, SENT_FILES, sha1 } from '../engine-synthetic/export-scenario';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const dir = mkdtempSync(join(tmpdir(), 'msnp-e2e-exports-'));

/** Clicks `testId` and keeps the download it starts. */
async function download(page: Page, testId: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await downloading;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

const tshark = (path: string, args: string[]): string => execFileSync('tshark', ['-r', path, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

describe('File → Export Packet Dissections', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
    await openCaptureFile(app.page, CAPTURES.wireshark2005);
    await waitForLoaded(app.page, 364);
  });
  afterAll(() => app?.close());

  it('downloads the packet list as CSV whose No., Time, Source, Destination and Length are tshark\'s', async () => {
    const { page } = app;
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-dissections').click();
    await page.getByTestId('dissections-format-csv').check();
    await page.getByTestId('dissections-all').check();
    const path = await download(page, 'dissections-export');
    expect(path.endsWith('msnms-2005-wireshark-sample-dissections.csv')).toBe(true);
    const rows = parseCsv(readFileSync(path, 'utf8'));
    const theirs = parseCsv(tshark(CAPTURES.wireshark2005, ['-T', 'fields', '-E', 'separator=,', '-E', 'quote=d', '-e', 'frame.number', '-e', 'frame.time_relative', '-e', 'ip.src', '-e', 'ip.dst', '-e', 'frame.len']))
      .map(([no, time, src, dst, len]) => [no, Number(time).toFixed(6), src, dst, len]);
    expect(theirs).toHaveLength(364);
    expect(rows.slice(1).map(([no, time, src, dst, , len]) => [no, time, src, dst, len])).toEqual(theirs);
    await page.getByTestId('notice').filter({ hasText: 'Exported 364 packets: downloading' }).waitFor();
  });

  it('downloads the displayed packets, narrowed by a range, as JSON with tshark\'s frames and ports', async () => {
    const { page } = app;
    const filter = page.getByTestId('display-filter');
    await filter.fill('tcp.stream == 1');
    await filter.press('Enter');
    const expected = tshark(CAPTURES.wireshark2005, ['-Y', 'tcp.stream == 1 && frame.number >= 20', '-T', 'fields', '-e', 'frame.number', '-e', 'tcp.srcport', '-e', 'tcp.dstport']).trim().split('\n').map((l) => l.split('\t').map(Number));
    await page.getByTestId('displayed-count').filter({ hasText: 'Displayed' }).waitFor();
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-dissections').click();
    expect(await page.getByTestId('dissections-displayed').isChecked()).toBe(true);
    await page.getByTestId('dissections-format-json').check();
    await page.getByTestId('dissections-range').fill('20-');
    const path = await download(page, 'dissections-export');
    expect(path.endsWith('-dissections-selected.json')).toBe(true);
    const frames = JSON.parse(readFileSync(path, 'utf8')) as { frame: number; fields: Record<string, number[]> }[];
    expect(expected.length).toBeGreaterThan(1);
    expect(frames.map((f) => [f.frame, f.fields['tcp.srcport'][0], f.fields['tcp.dstport'][0]])).toEqual(expected);
    await filter.fill('');
    await filter.press('Enter');
    expect(app.problems).toEqual([]);
  });
});

describe('Export Objects → MSN files and transcript export (synthetic hostile capture)', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
    await openCaptureFile(app.page, writeFrames(exportFrames));
    await waitForLoaded(app.page, exportFrames.length);
  });
  afterAll(() => app?.close());

  it('lists the recovered files and shows the PNG inline as the image it is', async () => {
    const { page } = app;
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-objects').click();
    const dialog = page.getByTestId('objects-dialog');
    const rows = dialog.getByTestId('object-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    // The spoofed name shows its override as a marker, flagged ⚠.
    expect(await rows.nth(3).locator('.object-name').textContent()).toBe('⚠ holiday⟨U+202E⟩gnp.exe');
    expect(await rows.nth(0).textContent()).toContain(sha1(PNG_BYTES));
    expect(await rows.nth(0).textContent()).toContain('alice@hotmail.com');
    const image = dialog.getByTestId('object-image');
    await image.waitFor();
    // Decoded by the browser as pixels: the PNG's own size, from a blob: URL of type image/png.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`)).toBe('240x160');
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await dialog.getByTestId('object-image-info').filter({ hasText: 'image/png · 240 × 160 px' }).waitFor();
    // The README's picture (assets/screenshot-export-objects.png) is copied from this one.
    await app.screenshot('export-objects');
  });

  it('shows the text file as text (markup not rendered, the override as a marker) and the SVG never as an image', async () => {
    const { page } = app;
    const dialog = page.getByTestId('objects-dialog');
    // From the keyboard: the selected row has the focus, ↓ moves to the next file.
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByTestId('object-row').nth(1).getAttribute('aria-selected')).toBe('true');
    const text = dialog.getByTestId('object-text');
    await text.waitFor();
    expect(await text.textContent()).toBe('Meeting notes <b>not bold</b>\nline two ⟨U+202E⟩evil\n');
    expect(await text.locator('b').count()).toBe(0);
    await dialog.getByTestId('object-row').nth(2).click();
    await dialog.getByTestId('object-text').filter({ hasText: '<script>alert(3)</script>' }).waitFor();
    expect(await page.locator('svg script, .object-viewer img').count()).toBe(0);
    // The executable: not previewed, its spoofed name explained.
    await dialog.getByTestId('object-row').nth(3).click();
    await dialog.getByTestId('object-none').filter({ hasText: 'neither text nor a PNG, JPEG, GIF or BMP image' }).waitFor();
    expect(await dialog.getByTestId('object-warning').textContent()).toContain('Spoofed file name: the name holds a bidi control (⟨U+202E⟩)');
  });

  it('saves one file and all of them (zip) with the bytes that were sent', async () => {
    const { page } = app;
    const dialog = page.getByTestId('objects-dialog');
    await dialog.getByTestId('object-row').nth(0).click();
    const one = await download(page, 'objects-save');
    expect(one).toMatch(/\d+-sunset\.png$/);
    expect(sha1(readFileSync(one))).toBe(sha1(PNG_BYTES));
    const zip = await download(page, 'objects-save-all');
    expect(zip.endsWith('-files.zip')).toBe(true);
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
    expect(names.map((n) => n.replace(/^\d+-/, ''))).toEqual(['sunset.png', 'notes.txt', 'badge.svg', 'holiday_gnp.exe']);
    expect(names.map((n) => sha1(execFileSync('unzip', ['-p', zip, n])))).toEqual(SENT_FILES.map(sha1));
    await page.getByTestId('export-dialog-close').click();
  });

  it('saves a file and opens it in Export Objects from the Files tab\'s row menu', async () => {
    const { page } = app;
    await page.getByTestId('tab-files').click();
    const row = page.getByTestId('file-row').nth(1);
    await row.click({ button: 'right' });
    const saved = await download(page, 'file-save');
    expect(saved).toMatch(/\d+-notes\.txt$/);
    expect(sha1(readFileSync(saved))).toBe(sha1(SENT_FILES[1]));
    await row.click({ button: 'right' });
    await page.getByTestId('file-view').click();
    const dialog = page.getByTestId('objects-dialog');
    expect(await dialog.getByTestId('object-row').nth(1).getAttribute('aria-selected')).toBe('true');
    await dialog.getByTestId('object-text').filter({ hasText: 'Meeting notes' }).waitFor();
    await page.getByTestId('export-dialog-close').click();
    await page.getByTestId('tab-sessions').click();
  });

  it('exports the hostile transcript as HTML that, opened in the browser, runs nothing and shows the nick as text', async () => {
    const { page } = app;
    await page.getByTestId('session-row').first().click();
    await page.getByTestId('transcript-export').click();
    const html = await download(page, 'transcript-export-html');
    expect(html.endsWith('-session-1.html')).toBe(true);
    const context = await page.context().browser()!.newContext();
    const viewer = await context.newPage();
    const ran: string[] = [];
    viewer.on('dialog', (d) => { ran.push(d.message()); void d.dismiss(); });
    viewer.on('request', (r) => { if (!r.url().startsWith('file:')) ran.push(r.url()); });
    await viewer.goto(pathToFileURL(html).href);
    expect(await viewer.locator('script, img, iframe, object, svg').count()).toBe(0);
    const cell = viewer.locator('tr.message td.who').first();
    expect(await cell.textContent()).toBe('<img src=x onerror=alert(1)>⟨U+202E⟩evil <bob@hotmail.com>');
    expect(await viewer.locator('body').textContent()).not.toContain(HOSTILE_NICK);
    // The page's own policy is in force: a script put into it afterwards is refused too.
    await viewer.addScriptTag({ content: 'window.__ran = true;' }).catch(() => undefined);
    expect(await viewer.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
    expect(ran).toEqual([]);
    await context.close();

    await page.getByTestId('transcript-export').click();
    const json = JSON.parse(readFileSync(await download(page, 'transcript-export-json'), 'utf8')) as { lines: { kind: string; from: string; nick: string; text: string }[] };
    expect(json.lines.filter((l) => l.kind === 'message').map((l) => l.text)).toEqual(['<script>alert("pwned")</script> hi', 'open the \u202Etxt.exe file', 'first line\r\nsecond line']);
    expect(app.problems).toEqual([]);
  });
});
