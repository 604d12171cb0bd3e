// Follow TCP Stream in the browser mode on the MSNP12 capture: from a packet-list row (toolbar
// button and Ctrl+Alt+Shift+T) the dialog shows stream 0's conversation as tshark's
// `-z follow,tcp,ascii,0` does (VER, CVR, USR…, client and server coloured apart), its MSNP
// commands, the hex dump, one direction only, and the two filter buttons narrow the packet list
// to tcp.stream == 0 (81 frames, tshark) or everything else (293 − 81 = 212).
import { describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { useOpenedCapture } from './browser-fixture';

describe('Follow TCP stream', () => {
  const analyzer = useOpenedCapture(CAPTURES.pecanChat, 293);

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
});
