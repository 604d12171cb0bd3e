// Drag-and-drop anywhere on the window: the overlay shows while dragging, a capture dropped from
// the desktop is uploaded and analysed, other files are refused with a message. The legacy
// invitation capture (test/engine-synthetic/legacy-scenario.ts: alice offers 203.0.113.5:6891
// for readme.txt and bob then connects there over MSNFTP) fills the P2P endpoints table; the
// real file-transfer capture fills the Files table (names and SHA-1 from its README).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE_WAN, FILE_NAME, legacyFrames, PORT } from '../engine-synthetic/legacy-scenario';
import { writeFrames } from '../engine-synthetic/synthetic';
import { CAPTURES } from '../helpers/captures';
import { openAnalyzer, waitForLoaded, type AnalyzerPage } from './browser-fixture';
import { dragFilesOver, dropDragged, dropFiles, fileFrom } from './drop-files';

describe('drag-and-drop, P2P endpoints and files', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a file that is not a capture, with a message', async () => {
    const { page } = app;
    await dropFiles(page, [{ name: 'notes.txt', bytes: new TextEncoder().encode('not a capture') }]);
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Not a capture file: “notes.txt”');
    expect(await page.getByTestId('drop-zone').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('shows the offered endpoints of a dropped capture, and selects the frame of a clicked one', async () => {
    const { page } = app;
    const path = writeFrames(legacyFrames);
    await dragFilesOver(page, [fileFrom(path, 'legacy-invitations.pcap')]);
    await page.getByTestId('drop-overlay').waitFor();
    await app.screenshot('07-drag-overlay');
    await dropDragged(page);
    await waitForLoaded(page, legacyFrames.length);
    await page.getByTestId('tab-endpoints').click();
    const offered = page.getByTestId('endpoint-row').filter({ hasText: `${ALICE_WAN}:${PORT}` });
    await offered.waitFor();
    const text = await offered.textContent();
    expect(text).toContain(FILE_NAME);
    expect(text).toContain('file-transfer');
    expect(await offered.locator('.col-observed').textContent()).toBe('yes');
    const frame = await offered.locator('.col-frame').textContent();
    await offered.click();
    const row = page.locator(`[data-testid=packet-row][data-frame="${frame}"]`);
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await app.screenshot('08-p2p-endpoints');
  });

  it('lists the files of the real file-transfer capture with their SHA-1', async () => {
    const { page } = app;
    await dropFiles(page, [fileFrom(CAPTURES.pecanFileTransfer)]);
    await waitForLoaded(page, 332);
    await page.getByTestId('tab-files').click();
    const rows = page.getByTestId('file-row');
    await rows.first().waitFor();
    const hello = rows.filter({ hasText: 'hello.txt' });
    expect(await hello.locator('.col-sha1').textContent()).toBe('128a92f3b4c39a4f715d4e67cdea53043dda58ef');
    expect(await hello.locator('.col-size').textContent()).toBe('145 B');
    const photo = rows.filter({ hasText: 'photo_blob.bin' });
    expect(await photo.locator('.col-sha1').textContent()).toBe('e933a1e595562397e87fab7f9118e7eaf6674b53');
    expect(await photo.locator('.col-complete').textContent()).toBe('yes');
    // Bob's final ACKs (frames 218 and 302, see test/golden/transfer-fates.test.ts) confirm both.
    expect(await photo.locator('.col-confirmed').textContent()).toBe('ACK, frame 302');
    const transfers = page.getByTestId('transfer-row');
    expect(await transfers.count()).toBe(2);
    expect(await transfers.filter({ hasText: 'hello.txt' }).locator('.col-fate').textContent()).toBe('confirmed (ACK)');
    expect(await transfers.filter({ hasText: 'hello.txt' }).locator('.col-accepted').textContent()).toBe('bob@example.com (200 OK)');
    await app.screenshot('09-files');
    expect(app.problems).toEqual([]);
  });
});
