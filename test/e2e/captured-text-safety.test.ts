// Everything a capture contains is attacker-controlled and must be shown as text, never as markup:
// a switchboard chat whose nick and messages are HTML/script shows them literally, creates no
// element from them and runs nothing (no dialog, no page error).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMime, conversationAt, payloadCommand, T0_US, writeFrames } from '../engine-synthetic/synthetic';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(3)</script> & <b>bold</b> <a href="javascript:alert(4)">link</a>';
const NICK = '<img src=y onerror=alert(2)>';

const frames = conversationAt(T0_US, {
  client: { ip: '10.0.0.5', port: 1300 },
  server: { ip: '207.46.108.38', port: 1863 },
  messages: [
    { from: 'client', payload: 'USR 1 alice@hotmail.com 17262740.1050826919.32308\r\n' },
    { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
    { from: 'client', payload: 'CAL 2 bob@hotmail.com\r\n' },
    { from: 'server', payload: 'CAL 2 RINGING 11752013\r\n' },
    { from: 'server', payload: `JOI bob@hotmail.com ${encodeURIComponent(NICK)}\r\n` },
    { from: 'server', payload: payloadCommand(`MSG bob@hotmail.com ${encodeURIComponent(NICK)}`, chatMime(IMG)) },
    { from: 'client', payload: payloadCommand('MSG 3 N', chatMime(SCRIPT)) },
    { from: 'client', payload: 'OUT\r\n' },
  ],
});

describe('captured text is rendered as text', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows HTML in chat text and nicks literally and executes none of it', async () => {
    const { page } = app;
    await openCaptureFile(page, writeFrames(frames));
    await waitForLoaded(page, frames.length);
    await page.getByTestId('session-row').first().click();
    const texts = await page.getByTestId('transcript').locator('.tl-message .tl-text').allTextContents();
    expect(texts).toEqual([IMG, SCRIPT]);
    expect(await page.getByTestId('transcript').locator('.tl-nick').first().textContent()).toBe(NICK);

    // The packet list shows the text too, as text.
    await page.getByTestId('display-filter').fill('msnp.cmd == MSG');
    await page.getByTestId('display-filter').press('Enter');
    await page.getByTestId('displayed-count').filter({ hasText: 'Displayed 2 of' }).waitFor();

    expect(await page.locator('#root img, #root script, #root b, #root a, #root iframe').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[onerror], [href^="javascript:"]').length)).toBe(0);
    await page.waitForTimeout(200);
    await app.screenshot('10-captured-text-safety');
    expect(app.problems).toEqual([]);
  });
});
