// An MSNP18 (P2P v2) file transfer through the switchboard, built from byte layouts checked in
// p2p-header-v2.test.ts: the INVITE split over two chunks (TF first + data remaining), then data
// chunks placed by "data remaining" (offset = size − remaining − length), relayed copies included.
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { P2pTracker } from '../../src/main/engine/p2p/p2p-tracker';
import { ctx, fileContext, p2pMessage, p2pV2, pattern, slpHeaders, slpText } from './p2p-builders';

const ALICE_EP = 'alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E}';
const BOB_EP = 'bob@example.com;{960748A6-B9D0-312A-4569-B15F5BE85736}';
const SID = 12345;

describe('P2P v2 (WLM 2009) through the switchboard', () => {
  it('joins the INVITE, places the data by data remaining, dedupes the relayed copies', () => {
    const expert = new ExpertLog();
    const t = new P2pTracker(expert);
    const invite = slpText(`INVITE MSNMSGR:${BOB_EP} MSNSLP/1.0`, slpHeaders(ALICE_EP, BOB_EP, '{V2CALL}'), ['EUF-GUID: {5D3E02AB-6190-11D3-BBBB-00C04F795683}', `SessionID: ${SID}`, 'AppID: 2', `Context: ${fileContext('photo.jpg', 3000)}`], 'application/x-msnmsgr-sessionreqbody');
    const msg = (body: Uint8Array) => p2pMessage(body, BOB_EP, ALICE_EP);
    const cut = 700;
    expect(t.onP2pMessage(ctx({ frame: 10 }), msg(p2pV2(invite.subarray(0, cut), { opCode: 3, sequence: 100, tf: 1, dataRemaining: invite.length - cut })))).toBeNull();
    const event = t.onP2pMessage(ctx({ frame: 11 }), msg(p2pV2(invite.subarray(cut), { sequence: 100 + cut, tf: 0, dataRemaining: 0 })));
    expect(event).toEqual({ kind: 'invitation', detail: `invites to file transfer "photo.jpg" (3000 bytes) (MSNSLP session ${SID})` });

    const data = pattern(3000, 13, 5); // SHA-1 08320f73… (python hashlib)
    const chunk = (offset: number, length: number, frame: number, connection = 1) =>
      t.onP2pMessage(ctx({ frame, connection }), msg(p2pV2(data.subarray(offset, offset + length), { sequence: 5000 + offset, tf: offset === 0 ? 7 : 6, packageNumber: 1, sessionId: SID, dataRemaining: 3000 - offset - length, footer: 2 })));
    expect(chunk(0, 1200, 20)).toBeNull();
    expect(chunk(0, 1200, 21, 2)).toBeNull(); // relayed copy
    expect(chunk(2400, 600, 22)).toBeNull(); // out of order
    expect(chunk(1200, 1200, 23)!.detail).toBe('file transfer "photo.jpg" complete (3000 bytes, SHA-1 08320f73a82dd8c744974906ff794d65f9522cac)');
    expect(t.files()[0]).toMatchObject({ name: 'photo.jpg', size: 3000, received: 3000, complete: true, from: 'alice@example.com', to: 'bob@example.com', via: 'switchboard' });
    // An ACK (no data header) is nothing to rebuild.
    expect(t.onP2pMessage(ctx({ frame: 30 }), msg(p2pV2(new Uint8Array(0), { sequence: 9 })))).toBeNull();
    expect(expert.all()).toEqual([]);
  });

  it('skips the 4-byte data preparation of an MSN object and names the picture from the msnobj', () => {
    const t = new P2pTracker(new ExpertLog());
    const msnobj = '<msnobj Creator="bob@example.com" Size="5" Type="3" Location="TFR2C2.tmp" Friendly="AAA=" SHA1D="trC8SlFx2sWQxZMIBAWSEnXc8oQ="/>\0';
    // Friendly "AAA=" is one UTF-16 NUL: no name, so the Location is used.
    const invite = slpText(`INVITE MSNMSGR:${BOB_EP} MSNSLP/1.0`, slpHeaders(ALICE_EP, BOB_EP, '{DP}'), ['EUF-GUID: {A4268EEC-FEC5-49E5-95C3-F126696BDBF6}', 'SessionID: 99', 'AppID: 12', `Context: ${Buffer.from(msnobj).toString('base64')}`], 'application/x-msnmsgr-sessionreqbody');
    // Display-picture requests are routine: no transcript line.
    expect(t.onP2pMessage(ctx({ frame: 1 }), p2pMessage(p2pV2(invite, { tf: 1, dataRemaining: 0 }), BOB_EP, ALICE_EP))).toBeNull();
    const bobCtx = ctx({ frame: 2, from: 'bob@example.com', to: ['alice@example.com'] });
    t.onP2pMessage(bobCtx, p2pMessage(p2pV2(new Uint8Array(4), { tf: 5, sessionId: 99, dataRemaining: 0, footer: 12 }), ALICE_EP, BOB_EP));
    expect(t.files()).toEqual([]);
    t.onP2pMessage(bobCtx, p2pMessage(p2pV2(new TextEncoder().encode('GIF89'), { tf: 5, sessionId: 99, dataRemaining: 0, footer: 12 }), ALICE_EP, BOB_EP));
    expect(t.files()[0]).toMatchObject({ kind: 'display-picture', name: 'TFR2C2.tmp', size: 5, complete: true, from: 'bob@example.com', to: 'alice@example.com' });
  });

  it('data of an unknown session is placed only when its first chunk says the size', () => {
    const expert = new ExpertLog();
    const t = new P2pTracker(expert);
    const later = p2pMessage(p2pV2(new Uint8Array(10), { tf: 6, sessionId: 5, dataRemaining: 10 }), BOB_EP, ALICE_EP);
    expect(t.onP2pMessage(ctx({ frame: 3 }), later)).toBeNull();
    expect(t.files()).toEqual([]);
    expect(expert.all()[0].message).toBe('P2P v2 data for session 5 before its size is known: not placed');
  });
});
