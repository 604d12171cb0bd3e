// Offline messages in the window: the Sessions tab of the synthetic capture of
// test/engine-synthetic/offline-scenario.ts lists them in their own section (from, to, text,
// how they were seen), one whose text is only fetched later shows that text, a click selects the
// frame; the filter msnp.text contains "offline" shows the UUM that says it.
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, offlineFrames, STORED, TO_BOB } from '../engine-synthetic/offline-scenario';
import { frameContaining, writeFrames } from '../engine-synthetic/synthetic';
import { useOpenedCapture } from './browser-fixture';

const path = writeFrames(offlineFrames);

describe('offline messages', () => {
  const analyzer = useOpenedCapture(path, offlineFrames.length);

  it('lists them under Sessions, and a click selects the frame', async () => {
    const { page } = analyzer();
    await page.getByTestId('tab-sessions').click();
    const rows = page.getByTestId('offline-message-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    const toBob = rows.filter({ hasText: TO_BOB });
    expect(await toBob.locator('.col-from').textContent()).toBe(ALICE);
    expect(await toBob.locator('.col-to').textContent()).toBe(BOB);
    expect(await toBob.locator('.col-source').textContent()).toBe('UUM (sent)');
    expect(await rows.filter({ hasText: 'OIM announced' }).locator('.col-text').textContent()).toBe(STORED);
    const frame = await toBob.locator('.col-frame').textContent();
    expect(frame).toBe(String(frameContaining(offlineFrames, 'UUM 7 ')));
    await toBob.click();
    await page.locator(`[data-testid=packet-row][data-frame="${frame}"][aria-selected=true]`).waitFor();
    await analyzer().screenshot('20-offline-messages');
    expect(analyzer().problems).toEqual([]);
  });

  it('msnp.text contains "offline" shows the UUM frame', async () => {
    const { page } = analyzer();
    const filter = page.getByTestId('display-filter');
    await filter.fill('msnp.text contains "offline"');
    await filter.press('Enter');
    await page.getByTestId('displayed-count').filter({ hasText: `Displayed 1 of ${offlineFrames.length}` }).waitFor();
    expect(await page.locator('[data-testid=packet-row]').getAttribute('data-frame')).toBe(String(frameContaining(offlineFrames, 'UUM 7 ')));
  });
});
