// Follow TCP Stream in the browser mode on the MSNP12 capture: from a packet-list row (toolbar
// button and Ctrl+Alt+Shift+T) the dialog shows stream 0's conversation as tshark's
// `-z follow,tcp,ascii,0` does (VER, CVR, USR…, client and server coloured apart), its MSNP
// commands, the hex dump, one direction only, and the two filter buttons narrow the packet list
// to tcp.stream == 0 (81 frames, tshark) or everything else (293 − 81 = 212). A synthetic
// switchboard with a lost segment, a retransmitted one and a right-to-left override in a message
// shows the hole as such, the message once, and the override as a visible marker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMime, conversationAt, frameContaining, payloadCommand, T0_US, writeFrames } from '../engine-synthetic/synthetic';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, openCaptureFile, waitForLoaded, type AnalyzerPage } from './browser-fixture';

describe('Follow TCP stream', () => {
  // One browser for both captures (the synthetic one is opened by the last test).
  let app: AnalyzerPage | undefined;
  const analyzer = () => app!;
  beforeAll(async () => {
    app = await openAnalyzer();
    await openCaptureFile(app.page, CAPTURES.pecanChat);
    await waitForLoaded(app.page, 293);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens from a row and shows the conversation in each mode', async () => {
    const { page } = analyzer();
    await page.locator('[data-testid=packet-row][data-frame="4"]').click();
    await page.getByTestId('follow-tcp-stream').click();
    const dialog = page.getByTestId('follow-stream');
    await dialog.getByText('Follow TCP stream 0').waitFor();
    const body = dialog.getByTestId('follow-text');
    await body.locator('.follow-block').first().waitFor();
    // tshark -z follow,tcp,ascii,0: the client's VER, the server's VER, then the client's CVR.
    const blocks = body.locator('.follow-block');
    expect(await blocks.nth(0).textContent()).toBe('VER 1 MSNP12\n');
    expect(await blocks.nth(0).getAttribute('class')).toContain('follow-client');
    expect(await blocks.nth(1).textContent()).toBe('VER 1 MSNP12\n');
    expect(await blocks.nth(1).getAttribute('class')).toContain('follow-server');
    expect(await blocks.nth(2).textContent()).toBe('CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS alice@example.com\n');
    expect(await dialog.locator('.follow-endpoints').textContent()).toBe('127.0.0.1:33904 → 127.0.0.1:1863');
    // The login ticket is masked as in the bytes pane.
    expect(await body.textContent()).toMatch(/USR 4 TWN S \*{100,}/);
    await analyzer().screenshot('follow-stream-ascii');

    await dialog.getByTestId('follow-mode-hexdump').click();
    expect(await blocks.nth(0).textContent()).toBe('00000000  56 45 52 20 31 20 4d 53  4e 50 31 32 0d 0a        VER 1 MSNP12..');
    await dialog.getByTestId('follow-mode-msnp').click();
    expect(await blocks.nth(0).textContent()).toBe('VER 1 MSNP12');
    await dialog.getByTestId('follow-direction').selectOption('1');
    expect(await body.locator('.follow-client').count()).toBe(0);
    expect(await blocks.nth(0).textContent()).toBe('VER 1 MSNP12');
    expect(await blocks.nth(1).textContent()).toBe('CVR 2 6.0.0602 6.0.0602 6.0.0602 https://escargot.log1p.xyz https://escargot.log1p.xyz');
    await dialog.getByText('Close').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('filters the packet list to the stream or without it', async () => {
    const { page } = analyzer();
    await page.locator('[data-testid=packet-row][data-frame="4"]').click();
    await page.keyboard.press('Control+Alt+Shift+T');
    await page.getByTestId('follow-stream').getByTestId('follow-only').click();
    await page.getByTestId('displayed-count').filter({ hasText: 'Displayed 81 of 293' }).waitFor();
    expect(await page.getByTestId('display-filter').inputValue()).toBe('tcp.stream == 0');
    await page.locator('[data-testid=packet-row][data-frame="4"]').click();
    await page.getByTestId('follow-tcp-stream').click();
    await page.getByTestId('follow-stream').getByTestId('follow-filter-out').click();
    await page.getByTestId('displayed-count').filter({ hasText: 'Displayed 212 of 293' }).waitFor();
    expect(await page.getByTestId('display-filter').inputValue()).toBe('!(tcp.stream == 0)');
    expect(analyzer().problems).toEqual([]);
  });

  it('over a hole and a retransmission shows the missing bytes, the message once and hidden characters as markers', async () => {
    const { page } = analyzer();
    const frames = holeAndRetransmission();
    await openCaptureFile(page, writeFrames(frames));
    await waitForLoaded(page, frames.length);
    // The previous test left `!(tcp.stream == 0)` applied (it carries over to the next capture).
    await page.getByTestId('display-filter').fill('');
    await page.getByTestId('display-filter').press('Enter');
    await page.getByTestId('displayed-count').filter({ hasText: `${frames.length} packets` }).waitFor();
    await page.locator('[data-testid=packet-row][data-frame="1"]').click();
    await page.keyboard.press('Control+Alt+Shift+T');
    const body = page.getByTestId('follow-stream').getByTestId('follow-text');
    await body.locator('.follow-block').first().waitFor();
    expect(await body.getByTestId('follow-gap').allTextContents()).toEqual(['[23 bytes missing]']);
    // ASCII: the override's three UTF-8 bytes as dots; the retransmitted MSG once.
    const ascii = (await body.textContent())!;
    expect(ascii.split('invoice...gpj.exe')).toHaveLength(2);
    expect(ascii).not.toContain('CAL 2 bob');
    await page.getByTestId('follow-mode-utf8').click();
    const utf8 = (await body.textContent())!;
    expect(utf8.split('invoice⟨U+202E⟩gpj.exe')).toHaveLength(2);
    expect(utf8).not.toContain('\u202e');
    expect(await page.getByTestId('follow-counts').textContent()).toContain('23 bytes missing');
    expect(analyzer().problems).toEqual([]);
  });
});

/** A switchboard whose `CAL` segment (23 bytes) was not captured and whose MSG was captured twice. */
function holeAndRetransmission() {
  const frames = conversationAt(T0_US, {
    client: { ip: '192.168.7.20', port: 2210 },
    server: { ip: '64.4.12.190', port: 1863 },
    messages: [
      { from: 'client', payload: 'CAL 2 bob@hotmail.com\r\n' },
      { from: 'client', payload: payloadCommand('MSG 3 N', chatMime('invoice\u202egpj.exe')) },
      { from: 'server', payload: 'ACK 3\r\n' },
    ],
  });
  const msg = frameContaining(frames, 'MSG 3 N');
  frames.splice(msg, 0, frames[msg - 1]);
  frames.splice(frameContaining(frames, 'CAL 2 bob') - 1, 1);
  return frames;
}

