// The window on a capture of two million frames (built by test/helpers/big-capture.ts, not
// committed): the real PPA chat at both ends, bulk TCP in between. The packet list lives in the
// back end and scrolls scaled past Chromium's element-height limit, so End reaches the last frame,
// Go to reaches frame 1,999,999, a display filter finds the chats at both ends, and a far row's
// tree and bytes are those of the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { CHAT_FRAMES, SECOND_CHAT_ACCOUNT_PREFIX, writeBigCapture } from '../helpers/big-capture';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, waitForLoaded, type AnalyzerPage } from './browser-fixture';

const FRAMES = 2_000_000;
const settled = (app: AnalyzerPage) => app.page.locator('[data-testid=packet-list][aria-busy=false]').waitFor();
const selected = (app: AnalyzerPage, frame: number) => app.page.locator(`[data-testid=packet-row][data-frame="${frame}"][aria-selected=true]`);

async function inView(app: AnalyzerPage, frame: number): Promise<boolean> {
  const row = await app.page.locator(`[data-testid=packet-row][data-frame="${frame}"]`).boundingBox();
  const list = await app.page.getByTestId('packet-list').boundingBox();
  return !!row && !!list && row.y >= list.y - 1 && row.y + row.height <= list.y + list.height + 1;
}

describe('a capture of two million frames', () => {
  let app: AnalyzerPage;
  let dir: string;
  let path: string;
  /** Frame numbers (1-based) of the PPA chat's frames whose TCP payload starts with "MSG ". */
  let msgInChat: number[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'msnp-big-'));
    path = join(dir, 'two-million.pcap');
    await writeBigCapture(path, FRAMES);
    msgInChat = [];
    let n = 0;
    for await (const f of readCaptureFile(CAPTURES.ppa2006, 0)) {
      n++;
      // Ethernet 14 + IPv4 header (IHL) + TCP header (data offset): the payload's first bytes, within
      // the IPv4 total length (three of the chat's ACKs carry stale bytes in their Ethernet padding).
      const ip = 14 + (f.data[14] & 0x0f) * 4;
      const payload = ip + (f.data[ip + 12] >> 4) * 4;
      const end = 14 + ((f.data[16] << 8) | f.data[17]);
      if (end - payload >= 4 && new TextDecoder().decode(f.data.subarray(payload, payload + 4)) === 'MSG ') msgInChat.push(n);
    }
    app = await openAnalyzer({ viewport: { width: 1400, height: 800 } });
    expect(await app.server.backend.request('file:open', { paths: [path] })).toEqual({ ok: true });
    await waitForLoaded(app.page, FRAMES);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('End selects the last frame and shows it; Home goes back to the first', async () => {
    await settled(app);
    await app.page.locator('[data-testid=packet-row][data-frame="1"]').click();
    await app.page.keyboard.press('End');
    await selected(app, FRAMES).waitFor();
    expect(await inView(app, FRAMES)).toBe(true);
    await app.screenshot('big-capture-end');
    await app.page.keyboard.press('ArrowUp');
    await selected(app, FRAMES - 1).waitFor();
    await app.page.keyboard.press('Home');
    await selected(app, 1).waitFor();
    expect(await inView(app, 1)).toBe(true);
  });

  it('goes to packet 1,999,999 with Ctrl+G, and its tree and bytes are the file’s', async () => {
    await app.page.getByTestId('packet-list').focus();
    await app.page.keyboard.press('Control+g');
    await app.page.getByTestId('goto-input').fill('1999999');
    await app.page.getByTestId('goto-input').press('Enter');
    await selected(app, 1_999_999).waitFor();
    expect(await inView(app, 1_999_999)).toBe(true);
    // Frame 1,999,999 is the second chat's frame 49: Brian's last MSG, "MSG 106 N 140" (tshark), on
    // the second chat's connection (client port 3332, account renamed).
    expect(msgInChat).toContain(CHAT_FRAMES - 1);
    await app.page.getByTestId('command-tree').filter({ hasText: 'MSG 106 N 140' }).waitFor();
    expect(await app.page.getByTestId('command-tree').textContent()).toContain(`${SECOND_CHAT_ACCOUNT_PREFIX}brian@hotmail.com`);
    // Its Ethernet and IP headers are the PPA file's frame 49 (only ports and accounts were changed).
    const ppa: Uint8Array[] = [];
    for await (const f of readCaptureFile(CAPTURES.ppa2006, 0)) ppa.push(new Uint8Array(f.data));
    const detail = await app.server.backend.request('frames:detail', { number: 1_999_999 });
    expect(Buffer.from(detail!.bytes.subarray(0, 34))).toEqual(Buffer.from(ppa[CHAT_FRAMES - 2].subarray(0, 34)));
    const hex = Buffer.from(ppa[CHAT_FRAMES - 2].subarray(0, 6)).toString('hex');
    expect(await app.page.getByTestId('bytes-pane').textContent()).toContain(hex);
  });

  it('a display filter finds the chats at both ends, and keeps the list scrollable to its end', async () => {
    const filter = app.page.getByTestId('display-filter');
    await filter.fill('msnp.cmd == MSG');
    await filter.press('Enter');
    const expected = 2 * msgInChat.length;
    await app.page.getByTestId('displayed-count').filter({ hasText: `Displayed ${expected} of 2,000,000` }).waitFor();
    await settled(app);
    const shownFrames = () => app.page.locator('[data-testid=packet-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-frame'))));
    const secondChat = msgInChat.map((n) => FRAMES - CHAT_FRAMES + n);
    const all = [...msgInChat, ...secondChat];
    // The selection (frame 1,999,999, an MSG) stays selected and in view, as in Wireshark.
    expect(await inView(app, 1_999_999)).toBe(true);
    const bottom = await shownFrames();
    expect(bottom.length).toBeGreaterThan(5);
    expect(bottom).toEqual(all.slice(all.length - bottom.length));
    // The second chat's frame 43 is Thomas's MSG relayed by the server (tshark: "MSG tesla_thomas@hotmail.com Thomas 182"), renamed.
    await app.page.locator(`[data-testid=packet-row][data-frame="${FRAMES - CHAT_FRAMES + 43}"]`).click();
    await app.page.getByTestId('command-tree').filter({ hasText: `${SECOND_CHAT_ACCOUNT_PREFIX}thomas@hotmail.com` }).waitFor();
    await app.page.keyboard.press('Home');
    await selected(app, msgInChat[0]).waitFor();
    await settled(app);
    const top = await shownFrames();
    expect(top).toEqual(all.slice(0, top.length));
    await app.screenshot('big-capture-filter');
    await filter.fill('');
    await filter.press('Enter');
    await app.page.getByTestId('displayed-count').filter({ hasText: '2,000,000 packets' }).waitFor();
    expect(app.problems).toEqual([]);
  });

  it('answers a row click while it loads, and Cancel keeps what was read', async () => {
    expect(await app.server.backend.request('file:open', { paths: [path] })).toEqual({ ok: true });
    await app.page.getByTestId('load-progress').waitFor();
    // During the load: the first chat's USR (frame 4, tshark: "USR 93 tesla_brian@hotmail.com …") opens in the tree.
    await app.page.locator('[data-testid=packet-row][data-frame="4"]').click();
    await app.page.getByTestId('command-tree').filter({ hasText: 'USR' }).waitFor();
    expect(await app.page.getByTestId('load-progress').count()).toBe(1);
    await app.page.getByTestId('load-progress').getByRole('button', { name: 'Cancel' }).click();
    const cancelled = app.page.getByTestId('load-cancelled');
    await cancelled.waitFor();
    const read = Number(/after ([\d,]+) frames/.exec((await cancelled.textContent()) ?? '')?.[1].replace(/,/g, ''));
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(FRAMES);
    await app.page.getByTestId('status-frames').filter({ hasText: `Frames: ${read.toLocaleString('en-US')}` }).waitFor();
    expect(await app.page.getByTestId('status-bar').textContent()).not.toMatch(/Damaged|Loaded in full/);
    await app.screenshot('big-capture-cancelled');
    expect(app.problems).toEqual([]);
  });
});
