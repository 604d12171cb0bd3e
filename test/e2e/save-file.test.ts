// Saving an opened (uploaded) capture file from the browser mode's toolbar: "Save…" → All frames
// downloads a pcapng that tshark reads as the same frames (time, length) as the original, MSNP
// frames only keeps the 227 frames tshark finds on ports 1863/1864 (the capture's four MSNP
// connections), the displayed frames (as pcap, and narrowed by a range) are the frames tshark's
// own filter selects, and the JSON and CSV exports download too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

/** One line per frame: epoch time, wire length, captured length (tshark's reading, not ours). */
function tsharkFrames(path: string, filter?: string): string[] {
  const args = ['-r', path, '-T', 'fields', '-e', 'frame.time_epoch', '-e', 'frame.len', '-e', 'frame.cap_len', ...(filter ? ['-Y', filter] : [])];
  return execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n');
}

/** Clicks `open` then `choice`, and keeps the download that follows in `dir`. */
async function download(page: Page, dir: string, open: string, choice?: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(open).click();
  if (choice) await page.getByTestId(choice).click();
  const file = await downloading;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('saving an opened file', () => {
  let app: AnalyzerPage;
  const dir = mkdtempSync(join(tmpdir(), 'msnp-e2e-save-'));
  beforeAll(async () => {
    app = await openAnalyzer();
    await openCaptureFile(app.page, CAPTURES.pecanChat);
    await waitForLoaded(app.page, 293);
  });
  afterAll(() => app?.close());

  it('saves all frames as pcapng: the same frames as the original', async () => {
    const saved = await download(app.page, dir, 'capture-save', 'capture-save-all');
    expect(saved.endsWith('msnp12-pecan-escargot-login-presence-chat.pcapng')).toBe(true);
    const original = tsharkFrames(CAPTURES.pecanChat);
    expect(original).toHaveLength(293);
    expect(tsharkFrames(saved)).toEqual(original);
    await app.page.getByTestId('notice').filter({ hasText: 'Saved 293 frames: downloading' }).waitFor();
  });

  it('saves only the frames of MSNP connections', async () => {
    const saved = await download(app.page, dir, 'capture-save', 'capture-save-msnp');
    const msnp = tsharkFrames(CAPTURES.pecanChat, 'tcp.port == 1863 || tcp.port == 1864');
    expect(msnp).toHaveLength(227);
    expect(tsharkFrames(saved)).toEqual(msnp);
    await app.page.getByTestId('notice').filter({ hasText: 'Saved 227 MSNP frames: downloading' }).waitFor();
    await app.screenshot('saved-file-msnp');
  });

  it('exports the displayed frames as pcap, and a typed range, as tshark reads them', async () => {
    const filter = app.page.getByTestId('display-filter');
    await filter.fill('tcp.stream == 2');
    await filter.press('Enter');
    const shown = tsharkFrames(CAPTURES.pecanChat, 'tcp.stream == 2');
    await app.page.getByTestId('displayed-count').filter({ hasText: `Displayed ${shown.length} of 293` }).waitFor();
    await app.page.getByTestId('capture-save').click();
    await app.page.getByTestId('capture-save-format-pcap').click();
    const pcap = await download(app.page, dir, 'capture-save-displayed');
    expect(pcap.endsWith('msnp12-pecan-escargot-login-presence-chat-selected.pcap')).toBe(true);
    expect(readFileSync(pcap).subarray(0, 4).toString('hex')).toBe('d4c3b2a1');
    expect(tsharkFrames(pcap)).toEqual(shown);
    // Displayed and a range together: both must hold.
    await app.page.getByTestId('capture-save').click();
    await app.page.getByTestId('capture-save-range').fill('1-40, 280-');
    const both = await download(app.page, dir, 'capture-save-displayed');
    const expected = tsharkFrames(CAPTURES.pecanChat, 'tcp.stream == 2 && (frame.number <= 40 || frame.number >= 280)');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(shown.length);
    expect(tsharkFrames(both)).toEqual(expected);
    await filter.fill('');
    await filter.press('Enter');
  });

  it('downloads the JSON and CSV exports', async () => {
    const json = JSON.parse(readFileSync(await download(app.page, dir, 'export-json'), 'utf8')) as { frames: number };
    expect(json.frames).toBe(293);
    const csv = readFileSync(await download(app.page, dir, 'export-csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('session,frame,time,from,nick,text');
    expect(app.problems).toEqual([]);
  });
});
