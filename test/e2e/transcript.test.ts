// Click a session, read its chat: the transcript of the MSNP12 capture shows the five messages of
// the README's story in order (Chinese and accented text intact), typing and nudges inline, and a
// click on a line selects its frame in the packet list (tshark: "Last message from Alice" is in
// frames 258 and 260, sent then relayed).
import { describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { useOpenedCapture } from './browser-fixture';

const STORY = [
  'Hi Bob! This is message 1 from Alice.',
  'Hello Alice, Bob here (message 2).',
  '你好，鲍勃！今天天气很好。',
  '是的，我们去公园吧 🙂 Ça va? Grüße!',
  'Last message from Alice. Bye!',
];

describe('sessions and transcript', () => {
  const analyzer = useOpenedCapture(CAPTURES.pecanChat, 293);

  it('opens the transcript of a clicked session with the messages in order', async () => {
    const { page } = analyzer();
    await page.getByTestId('session-row').first().click();
    expect(await page.getByTestId('tab-transcript').getAttribute('aria-selected')).toBe('true');
    const transcript = page.getByTestId('transcript');
    await transcript.getByTestId('transcript-line').first().waitFor();
    const texts = await transcript.locator('.tl-message .tl-text').allTextContents();
    expect(texts).toEqual(STORY);
    const senders = await transcript.locator('.tl-message .tl-account').allTextContents();
    expect(senders).toEqual(['alice@example.com', 'bob@example.com', 'alice@example.com', 'bob@example.com', 'alice@example.com']);
    // Typing notifications and nudges are inline (README: three typing, two nudges, each seen on the wire twice).
    expect(await transcript.locator('.tl-typing').count()).toBeGreaterThanOrEqual(3);
    expect(await transcript.locator('.tl-nudge').count()).toBeGreaterThanOrEqual(2);
    await analyzer().screenshot('05-transcript');
  });

  it('selects the frame of a clicked transcript line and scrolls it into view', async () => {
    const { page } = analyzer();
    const line = page.getByTestId('transcript-line').filter({ hasText: 'Last message from Alice. Bye!' });
    const frame = await line.getAttribute('data-frame');
    expect(['258', '260']).toContain(frame);
    await line.click();
    const row = page.locator(`[data-testid=packet-row][data-frame="${frame}"]`);
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(await row.isVisible()).toBe(true);
    const box = await row.boundingBox();
    const list = await page.getByTestId('packet-list').boundingBox();
    expect(box && list && box.y >= list.y && box.y + box.height <= list.y + list.height).toBe(true);
    await page.getByTestId('command-tree').getByRole('treeitem').first().waitFor();
    expect(await page.getByTestId('command-tree').textContent()).toContain(`Frame ${frame}`);
    await analyzer().screenshot('06-transcript-line-selects-frame');
    expect(analyzer().problems).toEqual([]);
  });
});
