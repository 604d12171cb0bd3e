// Bidi and other hidden characters in captured text are shown, not obeyed (issue 11 defect 7):
// on the hostile chat of spoofed-file-scenario.ts, `invoice<RLO>gpj.exe` reads
// `invoice⟨U+202E⟩gpj.exe` in Files with a spoofed-name warning (as does photo.jpg, an MZ
// executable), bob's nick with its unterminated override reads `Bob⟨U+202E⟩evil` in the
// transcript, the chat text's override is a marker in the packet list's Info, every such string
// sits in its own <bdi>, and no raw bidi control is left in the window's text.
import { describe, expect, it } from 'vitest';
import { spoofedFrames } from '../engine-synthetic/spoofed-file-scenario';
import { writeFrames } from '../engine-synthetic/synthetic';
import { useOpenedCapture } from './browser-fixture';

const RAW_HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

describe('bidi controls in captured text', () => {
  const analyzer = useOpenedCapture(writeFrames(spoofedFrames), spoofedFrames.length);
  const windowText = () => analyzer().page.evaluate(() => document.getElementById('root')!.textContent ?? '');

  it('shows spoofed file names with a visible override and a warning', async () => {
    const { page } = analyzer();
    await page.getByTestId('tab-files').click();
    const rows = page.getByTestId('file-row');
    await rows.first().waitFor();
    const invoice = rows.filter({ hasText: 'invoice⟨U+202E⟩gpj.exe' });
    expect(await invoice.locator('.col-name').textContent()).toBe('⚠ invoice⟨U+202E⟩gpj.exe');
    expect(await invoice.locator('.col-nameWarning').textContent()).toBe(
      'Spoofed file name: the name holds a bidi control (⟨U+202E⟩) that makes it show a false extension: invoice⟨U+202E⟩gpj.exe',
    );
    expect(await invoice.locator('.col-name bdi .hidden-char').textContent()).toBe('⟨U+202E⟩');
    const photo = rows.filter({ hasText: 'photo.jpg' });
    expect(await photo.locator('.col-nameWarning').textContent()).toBe('Spoofed file name: the content is a Windows executable (MZ) but the name ends in .jpg');
    expect(await photo.getAttribute('class')).toContain('spoofed-name');
    expect(await rows.filter({ hasText: 'invoiceexe.jpg' }).count()).toBe(0);
    expect(await windowText()).not.toMatch(RAW_HIDDEN);
    await analyzer().screenshot('11-spoofed-file-names');
  });

  it('keeps an unterminated override in a nick from reversing the transcript line', async () => {
    const { page } = analyzer();
    await page.getByTestId('tab-sessions').click();
    await page.getByTestId('session-row').first().click();
    const transcript = page.getByTestId('transcript');
    const line = transcript.locator('.tl-message').first();
    await line.waitFor();
    expect(await line.locator('.tl-nick').textContent()).toBe('Bob⟨U+202E⟩evil');
    expect(await line.locator('.tl-text').textContent()).toBe('see the ⟨U+202E⟩invoice');
    expect(await line.evaluate((el) => [el.querySelector('.tl-nick')!.tagName, el.querySelector('.tl-text')!.tagName])).toEqual(['BDI', 'BDI']);
    // The invitations name the file in the transcript too.
    expect(await transcript.textContent()).toContain('invoice⟨U+202E⟩gpj.exe');
    expect(await windowText()).not.toMatch(RAW_HIDDEN);
  });

  it('shows the override in the packet list, the expert info and the session picker', async () => {
    const { page } = analyzer();
    expect(await page.getByRole('combobox', { name: 'Session' }).locator('option').nth(1).textContent()).toContain('Bob⟨U+202E⟩evil <bob@hotmail.com>');
    await page.getByTestId('display-filter').fill('msnp.cmd == MSG');
    await page.getByTestId('display-filter').press('Enter');
    await page.getByTestId('packet-row').first().waitFor();
    const infos = await page.locator('[data-testid=packet-row] .col-info').allTextContents();
    expect(infos.some((info) => info.includes('⟨U+202E⟩'))).toBe(true);
    await page.getByTestId('tab-expert').click();
    const expert = page.getByRole('tree', { name: 'Expert' });
    await expert.getByText('Spoofed file name: the content is a Windows executable (MZ) but the name ends in .jpg').waitFor();
    expect(await windowText()).not.toMatch(RAW_HIDDEN);
    expect(analyzer().problems).toEqual([]);
  });
});
