// A direct P2P connection and the fates of the invitations around it, in the window (issue 10),
// on the stalled-direct scenario (test/engine-synthetic/stalled-direct-scenario.ts says what
// happens): Sessions → Connections lists the direct connection with role peer, its two accounts,
// P2P version, the endpoint matched by nonce and address and its traffic (11 frames, 9014 bytes
// from alice; 5 frames, 1147 bytes back — tshark -qz conv,tcp, checked in
// peer-connections-tshark.test.ts); Files → Transfers lists all four invitations, the video as
// stalled after 3,600 bytes, and clicking its row selects the INVITE's frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BOB_LAN, DC_PORT, frames, VIDEO } from '../engine-synthetic/stalled-direct-scenario';
import { writeFrames } from '../engine-synthetic/synthetic';
import { openAnalyzer, waitForLoaded, type AnalyzerPage } from './browser-fixture';
import { dropFiles, fileFrom } from './drop-files';

describe('a direct connection that stalls, in the window', () => {
  let app: AnalyzerPage;
  beforeAll(async () => {
    app = await openAnalyzer();
    await dropFiles(app.page, [fileFrom(writeFrames(frames), 'stalled-direct.pcap')]);
    await waitForLoaded(app.page, frames.length);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the direct connection as a peer connection', async () => {
    const { page } = app;
    await page.getByTestId('tab-sessions').click();
    const peer = page.getByTestId('connection-row').filter({ hasText: 'peer' });
    await peer.waitFor();
    expect(await peer.locator('.col-version').textContent()).toBe('P2P v2');
    expect(await peer.locator('.col-account').textContent()).toBe(`${ALICE} → ${BOB}`);
    expect(await peer.locator('.col-peer').textContent()).toBe(`${BOB_LAN}:${DC_PORT} by nonce+address · →11 (8.8 KiB) ←5 (1.1 KiB)`);
    await app.screenshot('peer-connection');
  });

  it('lists every invitation with its fate, the stalled one with the bytes that arrived', async () => {
    const { page } = app;
    await page.getByTestId('tab-files').click();
    const rows = page.getByTestId('transfer-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    const video = rows.filter({ hasText: VIDEO.name });
    expect(await video.locator('.col-fate').textContent()).toBe('stalled at 3.5 KiB');
    expect(await video.locator('.col-received').textContent()).toBe('3.5 KiB of 48.8 KiB');
    expect(await rows.filter({ hasText: 'second.txt' }).locator('.col-refused').textContent()).toBe(`${BOB} (603 Decline)`);
    expect(await rows.filter({ hasText: 'third.bin' }).locator('.col-fate').textContent()).toBe('confirmed (ACK)');
    // The video's INVITE is frame 11: the switchboard's handshake (3), USR, USR OK, CAL, RINGING, JOI,
    // the legacy INVITE and its CANCEL (6 + 2), then this MSG.
    expect(await video.locator('.col-frame').textContent()).toBe('11');
    await video.click();
    const row = page.locator('[data-testid=packet-row][data-frame="11"]');
    await row.waitFor();
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await app.screenshot('transfer-fates');
    expect(app.problems).toEqual([]);
  });
});
