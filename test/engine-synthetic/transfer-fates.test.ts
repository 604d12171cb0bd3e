// Every invitation has a fate (issue 10), on the stalled-direct scenario (its header says what
// happens, in wire order): a legacy invitation bob rejects, an MSNSLP transfer accepted on the
// switchboard whose data stalls on the direct connection after 3,600 of 50,000 bytes, and two
// MSNSLP INVITEs sent over the direct connection itself — one declined (603), one accepted, sent
// whole and confirmed by bob's v2 ACK. Also the two earlier direct scenarios: a v1 transfer bob
// ACKs (confirmed) and a v2 one without any ACK or BYE (completed, not confirmed).
import { describe, expect, it } from 'vitest';
import { csvReport } from '../../src/main/report/csv-report';
import { jsonReport } from '../../src/main/report/json-report';
import { textReport } from '../../src/main/report/text-report';
import { analyzeFrames, frameContaining, isoUs } from './synthetic';
import * as stalled from './stalled-direct-scenario';
import * as v1 from './direct-v1-scenario';
import * as v2 from './direct-v2-scenario';

const result = await analyzeFrames(stalled.frames);
const byName = (name: string) => result.transfers.find((t) => t.name === name);
const frameOf = (text: string, from = 1) => frameContaining(stalled.frames, text, from);
const timeOf = (frame: number) => isoUs(stalled.frames[frame - 1].tsUs);

describe('fates on the stalled direct connection', () => {
  it('lists one transfer per invitation, in wire order', () => {
    expect(result.transfers.map((t) => [t.name, t.source, t.via, t.fate])).toEqual([
      ['old-style.zip', 'msmsgsinvite', 'switchboard', 'declined'],
      [stalled.VIDEO.name, 'msnslp', 'switchboard', 'stalled'],
      [stalled.SECOND.name, 'msnslp', 'direct', 'declined'],
      [stalled.THIRD.name, 'msnslp', 'direct', 'confirmed'],
    ]);
  });

  it('says who declined and why', () => {
    const cancel = frameOf('Cancel-Code: REJECT');
    expect(byName('old-style.zip')).toMatchObject({ from: stalled.ALICE, to: stalled.BOB, id: stalled.LEGACY_COOKIE, declined: { by: stalled.BOB, frame: cancel, time: timeOf(cancel), reason: 'REJECT' }, accepted: null, received: 0 });
    const decline = frameOf('603 Decline');
    expect(byName(stalled.SECOND.name)).toMatchObject({ sessionId: stalled.SECOND.session, id: stalled.SECOND.callId, declined: { by: stalled.BOB, frame: decline, reason: '603 Decline' }, received: 0, complete: false, dataVia: null });
  });

  it('lists the stalled transfer with the bytes that arrived and when the last did', () => {
    const video = byName(stalled.VIDEO.name)!;
    const lastFrame = stalled.frames.length; // the last video packet is the capture's last frame
    expect(video).toMatchObject({
      size: stalled.VIDEO.size,
      accepted: { by: stalled.BOB, reason: '200 OK' },
      received: stalled.VIDEO_SENT,
      complete: false,
      confirmed: null,
      dataVia: 'direct',
      lastDataFrame: lastFrame,
      lastDataTime: timeOf(lastFrame),
    });
    expect(result.files[video.file!]).toMatchObject({ name: stalled.VIDEO.name, received: stalled.VIDEO_SENT, complete: false });
  });

  it('confirms the file bob acknowledged with the v2 ACK of its last packet', () => {
    const third = byName(stalled.THIRD.name)!;
    expect(third).toMatchObject({ received: stalled.THIRD.size, complete: true, accepted: { by: stalled.BOB }, confirmed: { by: stalled.BOB, how: 'ACK' } });
    expect(result.files[third.file!].confirmed).toEqual(third.confirmed);
  });
});

describe('fates of the earlier direct scenarios', () => {
  it('P2P v1: complete and confirmed by bob\'s ACK of the whole file', async () => {
    const r = await analyzeFrames(v1.frames);
    // Bob's ACK is the last data-carrying frame: only the FIN exchange (3 frames) follows it.
    const ack = r.frames - 3;
    expect(r.transfers).toHaveLength(1);
    expect(r.transfers[0]).toMatchObject({ name: v1.FILE_NAME, fate: 'confirmed', complete: true, received: v1.FILE.length, confirmed: { by: v1.BOB, how: 'ACK', frame: ack } });
    expect(r.files[0].complete).toBe(true);
  });

  it('P2P v2 without an ACK or BYE: every byte seen, not confirmed', async () => {
    const r = await analyzeFrames(v2.frames);
    expect(r.transfers[0]).toMatchObject({ name: v2.FILE_NAME, fate: 'completed', complete: true, confirmed: null });
    expect(r.files[0].confirmed ?? null).toBeNull();
  });
});

describe('the fates in the reports', () => {
  it('JSON carries the transfers and the files\' confirmation', () => {
    const json = JSON.parse(jsonReport(result));
    expect(json.transfers.map((t: { fate: string }) => t.fate)).toEqual(['declined', 'stalled', 'declined', 'confirmed']);
    // Files in the order their data began: third.bin (sent first, confirmed), then the stalled video.
    expect(json.files.map((f: { name: string; confirmed: unknown }) => [f.name, f.confirmed !== null && f.confirmed !== undefined])).toEqual([[stalled.THIRD.name, true], [stalled.VIDEO.name, false]]);
  });

  it('CSV has one `transfer` row per invitation saying what became of it', () => {
    const rows = csvReport(result).trim().split('\r\n').filter((r) => r.startsWith('transfer,'));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain(`stalled, ${stalled.VIDEO_SENT} of ${stalled.VIDEO.size} bytes`);
    expect(rows[2]).toContain(`declined by ${stalled.BOB} (603 Decline)`);
    expect(rows[3]).toContain(`completed and confirmed by ${stalled.BOB} (ACK`);
  });

  it('the text report lists the transfers and the peer connection with its endpoint', () => {
    const text = textReport(result);
    expect(text).toContain('== Transfers');
    expect(text).toMatch(new RegExp(`peer +${stalled.ALICE_IP}:50200 → ${stalled.BOB_LAN}:${stalled.DC_PORT} +P2P v2 +${stalled.ALICE} → ${stalled.BOB} \\(by nonce\\)`));
    expect(text).toContain(`endpoint ${stalled.BOB_LAN}:${stalled.DC_PORT} (frame ${frameOf('IPv4Internal-Addrs')}, matched by nonce+address)`);
  });
});
