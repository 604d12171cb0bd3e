// MSNSLP through the tracker (P2P v1 in switchboard MSGs): a file transfer offered, accepted,
// negotiated for a direct connection (WLM 2009 reversed fields), its data placed by offset.
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { P2pTracker } from '../../src/main/engine/p2p/p2p-tracker';
import { bytes, ctx, fileContext, p2pMessage, p2pV1, pattern, slpHeaders, slpText } from './p2p-builders';

const FT = '{5D3E02AB-6190-11D3-BBBB-00C04F795683}';
const CALL = '{8147455F-1BE9-9E6D-1C6E-4BEA8B3E9C46}';
const SID = 846930890;
const alice = (frame: number, over = {}) => ctx({ frame, ...over });
const bob = (frame: number) => ctx({ from: 'bob@example.com', to: ['alice@example.com'], frame, connection: 2 });

function slpMsg(text: Uint8Array, identifier: number, dest = 'bob@example.com') {
  return p2pMessage(p2pV1(text, { identifier }), dest);
}

const inviteText = (name: string, size: number) =>
  slpText('INVITE MSNMSGR:bob@example.com MSNSLP/1.0', slpHeaders('alice@example.com', 'bob@example.com', CALL), [`EUF-GUID: ${FT}`, `SessionID: ${SID}`, 'AppID: 2', `Context: ${fileContext(name, size)}`], 'application/x-msnmsgr-sessionreqbody');

describe('MSNSLP sessions in the tracker', () => {
  it('offer, accept, decline and cancel become transcript lines', () => {
    const t = new P2pTracker(new ExpertLog());
    expect(t.onP2pMessage(alice(10), slpMsg(inviteText('report.pdf', 5000), 100))).toEqual({ kind: 'invitation', detail: `invites to file transfer "report.pdf" (5000 bytes) (MSNSLP session ${SID})` });
    const ok = slpText('MSNSLP/1.0 200 OK', slpHeaders('bob@example.com', 'alice@example.com', CALL, 1), [`SessionID: ${SID}`], 'application/x-msnmsgr-sessionreqbody');
    expect(t.onP2pMessage(bob(11), slpMsg(ok, 200, 'alice@example.com'))).toEqual({ kind: 'invitation', detail: 'accepts file transfer "report.pdf"' });
    // The same 200 OK relayed to the other client says nothing new.
    expect(t.onP2pMessage(ctx({ connection: 1, from: 'bob@example.com', frame: 12 }), slpMsg(ok, 200, 'alice@example.com'))).toBeNull();

    const t2 = new P2pTracker(new ExpertLog());
    t2.onP2pMessage(alice(10), slpMsg(inviteText('a.txt', 3), 100));
    const decline = slpText('MSNSLP/1.0 603 Decline', slpHeaders('bob@example.com', 'alice@example.com', CALL, 1), [`SessionID: ${SID}`], 'application/x-msnmsgr-sessionreqbody');
    expect(t2.onP2pMessage(bob(11), slpMsg(decline, 200, 'alice@example.com'))!.detail).toBe('declines file transfer "a.txt"');

    const t3 = new P2pTracker(new ExpertLog());
    t3.onP2pMessage(alice(10), slpMsg(inviteText('a.txt', 3), 100));
    const bye = slpText('BYE MSNMSGR:bob@example.com MSNSLP/1.0', slpHeaders('alice@example.com', 'bob@example.com', CALL, 0), [], 'application/x-msnmsgr-sessionclosebody');
    expect(t3.onP2pMessage(alice(11), slpMsg(bye, 101))!.detail).toBe('cancels file transfer "a.txt"');
  });

  it('a reversed WLM 2009 transreqbody and a transrespbody offer endpoints', () => {
    const t = new P2pTracker(new ExpertLog());
    t.onP2pMessage(alice(10), slpMsg(inviteText('report.pdf', 5000), 100));
    // Reversed: IPv4Internal-Addrs "127.0.0.1 192.168.1.10", IPv4Internal-Port / IPv4External-Port
    // 3185, IPv4External-Addrs 203.0.113.5 (reversal checked with Python's s[::-1]).
    const req = slpText(
      'INVITE MSNMSGR:bob@example.com MSNSLP/1.0',
      slpHeaders('alice@example.com', 'bob@example.com', CALL, 0),
      ['Bridges: TRUDPv1 TCPv1', 'NetID: 2042264281', 'Conn-Type: IP-Restrict-NAT', 'UPnPNat: false', 'ICF: false', 'Nonce: {6E4F4CBB-44F6-4C6A-9B26-0E3C34B72A88}', 'srddA-lanretnI4vPI: 01.1.861.291 1.0.0.721', 'troP-lanretnI4vPI: 5813', 'srddA-lanretxE4vPI: 5.311.0.302', 'troP-lanretxE4vPI: 5813'],
      'application/x-msnmsgr-transreqbody',
    );
    expect(t.onP2pMessage(alice(20), slpMsg(req, 101))!.detail).toBe('offers a direct connection (TCP) at 203.0.113.5:3185, 127.0.0.1:3185, 192.168.1.10:3185');
    const resp = slpText(
      'MSNSLP/1.0 200 OK',
      slpHeaders('bob@example.com', 'alice@example.com', CALL, 1),
      ['Bridge: TCPv1', 'Listening: true', 'Nonce: {6E4F4CBB-44F6-4C6A-9B26-0E3C34B72A88}', 'IPv4Internal-Addrs: 10.0.0.7', 'IPv4Internal-Port: 1025 1026', 'IPv6-Addrs: 2001:db8::7', 'IPv6-Port: 1027'],
      'application/x-msnmsgr-transrespbody',
    );
    expect(t.onP2pMessage(bob(21), slpMsg(resp, 201, 'alice@example.com'))!.detail).toBe('offers a direct connection (TCP) at 10.0.0.7:1025, 10.0.0.7:1026, [2001:db8::7]:1027');
    const eps = t.endpoints();
    expect(eps.map((e) => [e.address, e.port, e.scope, e.offeredBy, e.offeredTo, e.kind, e.source, e.cookie])).toEqual([
      ['203.0.113.5', 3185, 'external', 'alice@example.com', 'bob@example.com', 'file-transfer', 'msnslp', CALL],
      ['127.0.0.1', 3185, 'internal', 'alice@example.com', 'bob@example.com', 'file-transfer', 'msnslp', CALL],
      ['192.168.1.10', 3185, 'internal', 'alice@example.com', 'bob@example.com', 'file-transfer', 'msnslp', CALL],
      ['10.0.0.7', 1025, 'internal', 'bob@example.com', 'alice@example.com', 'file-transfer', 'msnslp', CALL],
      ['10.0.0.7', 1026, 'internal', 'bob@example.com', 'alice@example.com', 'file-transfer', 'msnslp', CALL],
      ['2001:db8::7', 1027, 'external', 'bob@example.com', 'alice@example.com', 'file-transfer', 'msnslp', CALL],
    ]);
    expect(eps.every((e) => e.transport === 'tcp' && e.file?.name === 'report.pdf')).toBe(true);
    // bob's 200 OK accepted alice's addresses; his own are on offer.
    expect(eps.map((e) => e.status)).toEqual(['accepted', 'accepted', 'accepted', 'offered', 'offered', 'offered']);
    t.noteConnection('10.0.0.7', 1026, 'tcp', 30);
    expect(t.endpoints().filter((e) => e.observed).map((e) => e.port)).toEqual([1026]);
  });

  it('a transport answered 603 is declined; "Listening: false" is not a place to connect to', () => {
    const t = new P2pTracker(new ExpertLog());
    const req = slpText('INVITE MSNMSGR:bob@example.com MSNSLP/1.0', slpHeaders('alice@example.com', 'bob@example.com', '{T}', 0), ['Bridges: TRUDPv1', 'Listening: false', 'IPv4External-Addrs: 203.0.113.5', 'IPv4External-Port: 4000'], 'application/x-msnmsgr-transreqbody');
    expect(t.onP2pMessage(alice(20), slpMsg(req, 101))!.detail).toBe('offers a direct connection (UDP, not listening) at 203.0.113.5:4000');
    expect(t.endpoints()[0]).toMatchObject({ transport: 'udp', status: 'not listening', kind: 'unknown' });
    t.onP2pMessage(bob(21), slpMsg(slpText('MSNSLP/1.0 603 Decline', slpHeaders('bob@example.com', 'alice@example.com', '{T}', 1), [], 'application/x-msnmsgr-transrespbody'), 201, 'alice@example.com'));
    expect(t.endpoints()[0].status).toBe('declined');
  });

  it('rebuilds the data from out-of-order, repeated chunks and says so once', () => {
    const t = new P2pTracker(new ExpertLog());
    t.onP2pMessage(alice(10), slpMsg(inviteText('report.pdf', 5000), 100));
    const data = pattern(5000, 7, 3); // SHA-1 6c0a586b… (python hashlib)
    const chunk = (offset: number, length: number) => p2pMessage(p2pV1(data.subarray(offset, offset + length), { sessionId: SID, identifier: 300, offset, totalSize: 5000, flags: 0x1000030, footer: 2 }));
    const order: Array<[number, number]> = [[1202, 1202], [0, 1202], [1202, 1202], [2404, 1202], [3606, 1202], [4808, 192]];
    const events = order.map(([o, l], i) => t.onP2pMessage(alice(20 + i), chunk(o, l)));
    expect(events.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(events[5]).toEqual({ kind: 'file', detail: 'file transfer "report.pdf" complete (5000 bytes, SHA-1 6c0a586b2761ee383bb0e7639c4ed091538442ea)' });
    expect(t.files()).toEqual([
      // lastFrame: the chunk that completed it, the sixth (frame 20 + 5); the repeat in frame 22 adds nothing.
      { frame: 10, kind: 'file-transfer', name: 'report.pdf', size: 5000, sha1: '6c0a586b2761ee383bb0e7639c4ed091538442ea', from: 'alice@example.com', to: 'bob@example.com', complete: true, received: 5000, via: 'switchboard', session: 1, lastFrame: 25 },
    ]);
    // The relayed copy of a chunk after completion changes nothing.
    expect(t.onP2pMessage(bob(40), chunk(0, 1202))).toBeNull();
    expect(t.files()[0].received).toBe(5000);
  });

  it('an SLP message split over several v1 chunks is joined first', () => {
    const t = new P2pTracker(new ExpertLog());
    const text = inviteText('big.bin', 1);
    const part = (offset: number, end: number) => p2pMessage(p2pV1(text.subarray(offset, end), { identifier: 900, offset, totalSize: text.length }));
    expect(t.onP2pMessage(alice(10), part(0, 500))).toBeNull();
    expect(t.onP2pMessage(alice(11), part(500, text.length))!.detail).toBe(`invites to file transfer "big.bin" (1 bytes) (MSNSLP session ${SID})`);
  });

  it('data without an INVITE is still rebuilt, named by session and footer', () => {
    const t = new P2pTracker(new ExpertLog());
    t.onP2pMessage(alice(5), p2pMessage(p2pV1(bytes('abc'), { sessionId: 77, identifier: 5, totalSize: 3, flags: 0x20, footer: 12 })));
    expect(t.files()[0]).toMatchObject({ kind: 'display-picture', name: 'p2p-session-77', size: 3, complete: true, sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d' });
  });
});
