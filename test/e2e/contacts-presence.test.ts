// The Contacts & presence tab on the MSNP12 capture: the contact list (SYN/LST: alice, bob and
// carol in "Friends") and the presence changes of the README's story — alice's personal message
// "Alice is testing MSNP", bob Away (AWY) then Busy with "Bob is busy now", then offline (FLN);
// a click on a change selects its frame.
import { describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { useOpenedCapture } from './browser-fixture';

describe('contacts and presence', () => {
  const analyzer = useOpenedCapture(CAPTURES.pecanChat, 293);

  it('lists contacts and presence changes, and a click selects the frame', async () => {
    const { page } = analyzer();
    await page.getByTestId('tab-contacts').click();
    const contacts = await page.getByTestId('contact-row').locator('.col-account').allTextContents();
    expect(contacts).toEqual(expect.arrayContaining(['alice@example.com', 'bob@example.com']));
    expect(await page.getByTestId('contact-row').filter({ hasText: 'alice@example.com' }).locator('.col-groups').textContent()).toBe('Friends');

    const presence = page.getByTestId('presence-row');
    await presence.filter({ hasText: 'Alice is testing MSNP' }).first().waitFor();
    expect(await presence.filter({ hasText: 'Bob is busy now' }).first().locator('.col-status').textContent()).toBe('Busy (BSY)');
    expect(await presence.filter({ hasText: 'Away (AWY)' }).count()).toBeGreaterThan(0);
    expect(await presence.filter({ hasText: 'Offline (FLN)' }).count()).toBeGreaterThan(0);
    // Each change once, with who saw it: bob's Away, his own CHG (frame 163) and alice's NLN (167).
    expect(await presence.filter({ hasText: 'Away (AWY)' }).count()).toBe(1);
    expect(await presence.filter({ hasText: 'Away (AWY)' }).locator('.col-seenBy').textContent()).toBe('bob@example.com, alice@example.com');

    const away = presence.filter({ hasText: 'Away (AWY)' }).first();
    const frame = await away.locator('.col-frame').textContent();
    await away.click();
    await page.locator(`[data-testid=packet-row][data-frame="${frame}"][aria-selected=true]`).waitFor();
    await analyzer().screenshot('13-contacts-presence');
    expect(analyzer().problems).toEqual([]);
  });
});
