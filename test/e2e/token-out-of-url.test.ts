// The access token does not stay in the address bar or the history: after the first load the
// URL is the bare page (its history entry replaced, not added to), and a reloaded page, let in by its cookie,
// still uploads and opens a dropped file (the token kept for the tab).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

describe('the access token and the address bar', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is swapped for the cookie and replaced in the URL and the history entry', async () => {
    const { page, server } = app;
    await page.getByTestId('drop-zone').waitFor();
    const bare = new URL(server.url);
    bare.search = '';
    await expect.poll(() => page.url()).toBe(bare.href);
    // about:blank (where a new page starts) and this page: the token's entry was replaced, not followed by another.
    expect(await page.evaluate(() => history.length)).toBe(2);
  });

  it('after a reload, the page still uploads and opens a file', async () => {
    const { page } = app;
    await page.reload();
    await page.getByTestId('drop-zone').waitFor();
    // assets/sample.pcap: 293 frames (tshark).
    await openCaptureFile(page, join(ROOT, 'assets', 'sample.pcap'));
    await waitForLoaded(page, 293);
    expect(app.problems).toEqual([]);
  });
});
