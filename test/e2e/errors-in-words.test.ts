// Errors in words (issue 8): a file that is not a capture, even one named .pcap, says so by its
// name and stays on the start screen, with no temporary or upload path in the message; a damaged
// upload is named without its upload path either; an error banner closes with its button or
// Escape, never covers the toolbar or the side-panel tabs, and does not outlive the next capture
// opened. (A cancelled load saying "cancelled after N frames", not "Damaged … Loaded in full", is
// tested on the two-million-frame capture in big-capture.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';
import { dropFiles, fileFrom } from './drop-files';

const NOT_A_CAPTURE = { name: 'notes.pcap', mimeType: 'application/vnd.tcpdump.pcap', buffer: Buffer.from('Meeting notes, not a capture.\n') };
const SAMPLE_FRAMES = 364;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('errors in words', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says a text file named notes.pcap is not a capture, by its name only, and stays on the start screen', async () => {
    const { page } = app;
    await page.getByTestId('file-input').setInputFiles(NOT_A_CAPTURE);
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    const text = (await notice.locator('.notice-text').textContent()) ?? '';
    expect(text).toContain('notes.pcap');
    expect(text).toContain('not a pcap or pcapng capture');
    expect(text).not.toMatch(/[/\\]|tmp|upload/i);
    expect(await page.getByTestId('drop-zone').isVisible()).toBe(true);
    expect(await page.getByTestId('status-frames').count()).toBe(0);
    // Escape closes it.
    await page.keyboard.press('Escape');
    await notice.waitFor({ state: 'detached' });
  });

  it('says the same when it is dropped, and the close button closes it', async () => {
    const { page } = app;
    await dropFiles(page, [{ name: NOT_A_CAPTURE.name, bytes: NOT_A_CAPTURE.buffer }]);
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    const text = (await notice.locator('.notice-text').textContent()) ?? '';
    expect(text).toContain('notes.pcap: not a pcap or pcapng capture');
    expect(text).not.toMatch(/[/\\]|tmp|upload/i);
    expect(await page.getByTestId('drop-zone').isVisible()).toBe(true);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
  });

  it('names an uploaded capture cut inside its header by its name only', async () => {
    const { page } = app;
    // A pcap magic and 6 of the 24 bytes of its file header: damage, reported for the upload.
    const cut = Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0]);
    await page.getByTestId('file-input').setInputFiles({ name: 'cut.pcap', mimeType: 'application/octet-stream', buffer: cut });
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    const text = (await notice.locator('.notice-text').textContent()) ?? '';
    expect(text).toBe('cut.pcap: truncated pcap file header at offset 0: needs 24 bytes, 10 left (frames before it were analysed)');
    await page.keyboard.press('Escape');
    await notice.waitFor({ state: 'detached' });
  });

  it('keeps the side-panel tabs and the toolbar clickable while a banner shows', async () => {
    const { page } = app;
    await openCaptureFile(page, CAPTURES.wireshark2005);
    await waitForLoaded(page, SAMPLE_FRAMES);
    await dropFiles(page, [{ name: NOT_A_CAPTURE.name, bytes: NOT_A_CAPTURE.buffer }]);
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    // The capture stays open behind the refusal.
    await page.getByTestId('status-frames').filter({ hasText: `Frames: ${SAMPLE_FRAMES}` }).waitFor();
    const banner = (await notice.boundingBox())!;
    for (const control of [page.getByRole('tablist', { name: 'Analysis views' }), page.locator('.toolbar'), page.getByTestId('display-filter')]) {
      expect(overlaps(banner, (await control.boundingBox())!)).toBe(false);
    }
    for (const tab of ['contacts', 'expert', 'sessions']) {
      // A click the banner intercepted would never reach the tab (Playwright checks the hit target).
      await page.getByTestId(`tab-${tab}`).click({ timeout: 5000 });
      expect(await page.getByTestId(`tab-${tab}`).getAttribute('aria-selected')).toBe('true');
    }
    expect(await notice.isVisible()).toBe(true);
    await app.screenshot('error-banner-beside-tabs');
  });

  it('clears an old error banner when the next capture opens', async () => {
    const { page } = app;
    const notice = page.getByTestId('notice');
    expect(await notice.isVisible()).toBe(true);
    await dropFiles(page, [fileFrom(CAPTURES.ppa2006)]);
    await waitForLoaded(page, 50);
    expect(await notice.count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
