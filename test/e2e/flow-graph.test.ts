// Statistics → Flow Graph in the browser mode on the MSNP12 file-transfer capture: opened from a
// packet row's context menu on bob's notification connection (tcp.stream 0: 36 MSNP commands,
// count-commands-tshark.py --sequence 0), clicking an arrow selects its frame in the packet list
// and the tree, the arrow keys move along the arrows, the RNG's link leads to the switchboard
// session, and the SVG export downloads a document that parses back (DOMParser in the page) with
// one arrow per command; a synthetic chat with markup and a bidi override in its text exports it
// as text (escaped, the override a visible marker), never as elements. Screenshots of the diagram on this capture
// and on the MSNP18 one go to assets/ for the README.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMime, conversationAt, frameContaining, payloadCommand, T0_US, writeFrames } from '../engine-synthetic/synthetic';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, openCaptureFile, ROOT, SCREENSHOTS_DIR, waitForLoaded, type AnalyzerPage } from './browser-fixture';

async function download(page: Page, dir: string, testId: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await downloading;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function keepScreenshot(app: AnalyzerPage, name: string): Promise<void> {
  await app.screenshot(name);
  mkdirSync(join(ROOT, 'assets'), { recursive: true });
  copyFileSync(join(SCREENSHOTS_DIR, `${name}.png`), join(ROOT, 'assets', `${name}.png`));
}

describe('flow graph', () => {
  let app: AnalyzerPage;
  const dir = mkdtempSync(join(tmpdir(), 'msnp-e2e-flow-'));
  beforeAll(async () => {
    app = await openAnalyzer({ viewport: { width: 1700, height: 950 } });
    await openCaptureFile(app.page, CAPTURES.pecanFileTransfer);
    await waitForLoaded(app.page, 332);
  });
  afterAll(() => app?.close());

  it('opens from a packet row, and clicking an arrow selects its frame', async () => {
    const { page } = app;
    await page.locator('[data-testid=packet-row][data-frame="4"]').click({ button: 'right', position: { x: 30, y: 8 } });
    await page.getByTestId('flow-graph-connection').click();
    const flow = page.getByTestId('flow-graph');
    await flow.getByTestId('flow-count').filter({ hasText: '36 arrows' }).waitFor();
    expect(await flow.getByTestId('flow-lane').allTextContents()).toEqual(['bob@example.comclient 127.0.0.1:44248', 'Notification server 127.0.0.1:1863notification']);
    // frame 11, 1863 → 44248: "VER 1 MSNP12" (the server's reply).
    await flow.locator('[data-testid=flow-arrow][data-frame="11"]').click();
    await page.locator('[data-testid=packet-row][data-frame="11"][aria-selected=true]').waitFor();
    await page.getByTestId('command-tree').getByText(/^Frame 11:/).first().waitFor();
    // Down moves to the next arrow: frame 13, the client's CVR.
    await page.keyboard.press('ArrowDown');
    await flow.locator('[data-testid=flow-arrow][data-frame="13"][aria-selected=true]').waitFor();
    await page.locator('[data-testid=packet-row][data-frame="13"][aria-selected=true]').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.locator('[data-testid=packet-row][data-frame="4"][aria-selected=true]').waitFor();
    expect(app.problems).toEqual([]);
  });

  it('follows the RNG to the switchboard session, where bob\'s ANS is', async () => {
    const { page } = app;
    const flow = page.getByTestId('flow-graph');
    // frame 179: "RNG 2b39de1c… 127.0.0.1:1864 CKI 05e51a3596d17b006657 alice@example.com Alice";
    // frame 184 (tcp.stream 7): "ANS 1 bob@example.com 05e51a3596d17b006657 2b39de1c…".
    const rng = flow.locator('[data-testid=flow-arrow][data-frame="179"]');
    await page.getByTestId('flow-diagram').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await rng.getByTestId('flow-link').click();
    await flow.getByText('Flow graph of switchboard session 1').waitFor();
    await flow.locator('[data-testid=flow-arrow][data-frame="184"][aria-selected=true]').waitFor();
    await page.locator('[data-testid=packet-row][data-frame="184"][aria-selected=true]').waitFor();
    expect(await flow.getByTestId('flow-lane').count()).toBe(3);
    await keepScreenshot(app, 'screenshot-flow-graph');
  });

  it('draws only the arrows in view: one per frame of the capture in Segments, the last one after scrolling', async () => {
    const { page } = app;
    const flow = page.getByTestId('flow-graph');
    await flow.getByTestId('flow-displayed').click();
    await flow.getByTestId('flow-unit-segment').click();
    // Every frame of the capture is displayed: 332 (tshark -r … | wc -l).
    await flow.getByTestId('flow-count').filter({ hasText: '332 arrows' }).waitFor();
    await flow.locator('[data-testid=flow-arrow]').first().waitFor();
    expect(await flow.locator('[data-testid=flow-arrow]').count()).toBeLessThan(60);
    await page.getByTestId('flow-diagram').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await flow.locator('[data-testid=flow-arrow][data-frame="332"]').waitFor();
    expect(await flow.locator('[data-testid=flow-arrow][data-frame="4"]').count()).toBe(0);
    await flow.getByTestId('flow-unit-command').click();
  });

  it('exports SVG that parses back with one arrow per command', async () => {
    const { page } = app;
    // Bob's switchboard connection, from its ANS row (frame 184, selected by the link): tcp.stream 7,
    // 41 commands (count-commands-tshark.py --sequence 7), the first in frames 184, 186 and 188.
    await page.locator('[data-testid=packet-row][data-frame="184"]').click({ button: 'right', position: { x: 30, y: 8 } });
    await page.getByTestId('flow-graph-connection').click();
    await page.getByTestId('flow-graph').getByTestId('flow-count').filter({ hasText: '41 arrows' }).waitFor();
    const svg = readFileSync(await download(page, dir, 'flow-export-svg'), 'utf8');
    expect(svg).not.toMatch(/<script|\son\w+=|href=/i);
    const parsed = await page.evaluate(parseSvg, svg);
    expect(parsed.error).toBe(0);
    expect(parsed.arrows).toBe(41);
    expect(parsed.frames.slice(0, 3)).toEqual(['184', '186', '188']);
    expect(parsed.lanes).toEqual(['Time (s)', 'bob@example.com', 'Switchboard 127.0.0.1:1864']);
  });

  it('exports a PNG drawn in the page', async () => {
    const path = await download(app.page, dir, 'flow-export-png');
    const png = readFileSync(path);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR width: the time column, two lanes and the links column (flow-layout.ts: 118 + 2 × 250 + 240).
    expect(png.readUInt32BE(16)).toBe(858);
    // IHDR height: the lane headers and 41 rows of 30 px from the first arrow, and a margin (46 + 41 × 30 + 12).
    expect(png.readUInt32BE(20)).toBe(1288);
    copyFileSync(path, join(SCREENSHOTS_DIR, 'flow-export.png'));
  });

  it('shows the MSNP18 capture\'s switchboard session', async () => {
    const { page } = app;
    await page.getByTestId('flow-close').click();
    await openCaptureFile(page, CAPTURES.msnp18Pidgin);
    await page.getByTestId('load-progress').waitFor({ state: 'detached' });
    await page.getByTestId('session-row').first().click({ button: 'right', position: { x: 30, y: 8 } });
    await page.getByTestId('flow-graph-session').click();
    const flow = page.getByTestId('flow-graph');
    await flow.getByText('Flow graph of switchboard session 1').waitFor();
    await flow.locator('[data-testid=flow-arrow]').first().waitFor();
    await keepScreenshot(app, 'screenshot-flow-graph-msnp18');
    expect(app.problems).toEqual([]);
  });

  it('opens from Statistics → Flow Graph on the displayed packets, and as a table', async () => {
    const { page } = app;
    await page.getByTestId('flow-close').click();
    await page.getByTestId('statistics-menu').click();
    await page.getByTestId('statistics-flow-graph').click();
    const flow = page.getByTestId('flow-graph');
    await flow.getByText('Flow graph of the displayed packets').waitFor();
    // 166 MSNP commands on the MSNP ports: the sum of count-commands-tshark.py's verb counts
    // (test/fixtures/tshark/msnp18-pidgin-escargot-login-presence-chat.commands.txt).
    await flow.getByTestId('flow-count').filter({ hasText: '166 arrows' }).waitFor();
    await flow.getByTestId('flow-show-table').click();
    const first = flow.getByTestId('flow-table-row').first();
    await first.click();
    const frame = await first.getAttribute('data-frame');
    await page.locator(`[data-testid=packet-row][data-frame="${frame}"][aria-selected=true]`).waitFor();
    expect((await first.textContent())?.includes('VER')).toBe(true);
    await flow.getByTestId('flow-show-diagram').click();
  });

  it('keeps captured markup and controls as text in the SVG', async () => {
    const { page } = app;
    await page.getByTestId('flow-close').click();
    const hostile = '<script>alert("x")</script> & \u202Eexe.txt';
    const frames = conversationAt(T0_US, {
      client: { ip: '192.168.1.10', port: 1500 },
      server: { ip: '207.46.108.110', port: 1863 },
      messages: [
        { from: 'client', payload: 'USR 1 alice@hotmail.com 4321.8765\r\n' },
        { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
        { from: 'client', payload: payloadCommand('MSG 2 N', chatMime(hostile)) },
      ],
    });
    await openCaptureFile(page, writeFrames(frames));
    await waitForLoaded(page, frames.length);
    const msg = frameContaining(frames, 'alert');
    await page.locator(`[data-testid=packet-row][data-frame="${msg}"]`).click({ button: 'right', position: { x: 30, y: 8 } });
    await page.getByTestId('flow-graph-connection').click();
    await page.getByTestId('flow-graph').getByTestId('flow-count').filter({ hasText: '3 arrows' }).waitFor();
    const svg = readFileSync(await download(page, dir, 'flow-export-svg'), 'utf8');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u202E');
    const parsed = await page.evaluate(parseSvg, svg);
    expect(parsed.error).toBe(0);
    expect(parsed.scripts).toBe(0);
    expect(parsed.arrows).toBe(3);
    // The whole summary is the row's title: the markup as text, the override as a visible marker.
    expect(parsed.titles[2]).toContain('<script>alert("x")</script> & ⟨U+202E⟩exe.txt');
    expect(app.problems).toEqual([]);
  });
});

/** Runs in the page: the exported SVG read back with the browser's own XML parser. */
function parseSvg(text: string) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const rows = [...doc.querySelectorAll('g.arrow-row')];
  return {
    error: doc.getElementsByTagName('parsererror').length,
    scripts: doc.getElementsByTagName('script').length,
    arrows: rows.length,
    frames: rows.map((g) => g.getAttribute('data-frame')),
    titles: rows.map((g) => g.querySelector('title')?.textContent ?? ''),
    lanes: [...doc.querySelectorAll('text.lane-label')].map((t) => t.textContent),
  };
}
