// A direct connection that stalls, between two MSNP18 (WLM 2009, P2P v2) clients — the case issue
// 10 describes, built from the protocol description (PROTOCOL.md "Legacy invitations", "P2P /
// MSNSLP"; libpurple msn/p2p.c for the v2 ACK: acknowledged number = sequence + message size).
// What happens, in wire order:
//   switchboard: alice invites bob to "old-style.zip" with a legacy text/x-msmsgsinvite (cookie
//     4242); bob CANCELs it with Cancel-Code REJECT (declined by bob).
//   switchboard: alice's MSNSLP INVITE for "big-video.avi" (50,000 bytes, session 51001); bob
//     200 OK; transport negotiation (Nonce N; bob listens at 192.168.1.20:6891).
//   direct connection alice → 192.168.1.20:6891: foo, both nonce handshakes, then two more MSNSLP
//     INVITEs sent over the direct connection itself: "second.txt" (100 bytes, session 51002),
//     which bob declines with 603 Decline, and "third.bin" (2,000 bytes, session 51003), which bob
//     accepts; alice sends third.bin whole (two packets) and bob ACKs its last packet (confirmed).
//   Then alice sends three 1,200-byte packets of big-video.avi (3,600 of 50,000 bytes) and nothing
//     more: the capture ends without FIN (stalled).
import { conversationAt, inviteMime, payloadCommand, T0_US, timeline } from './synthetic';
import { directPacket, FILE_TRANSFER_EUF_GUID, fileContext, FOO, guidBytes, p2pMime, slp, v2Packet, type SlpOptions } from './p2p-builders';

export const ALICE = 'alice@live.com';
export const BOB = 'bob@live.com';
const ALICE_EP = `${ALICE};{42B97F22-15C1-2133-28B8-864229612F7E}`;
const BOB_EP = `${BOB};{960748A6-B9D0-312A-4569-B15F5BE85736}`;
export const ALICE_IP = '192.168.1.10';
export const BOB_LAN = '192.168.1.20';
export const DC_PORT = 6891;
export const NONCE = '{5A1B2C3D-4E5F-4071-8293-A4B5C6D7E8F9}';
export const LEGACY_COOKIE = '4242';
export const VIDEO = { name: 'big-video.avi', size: 50_000, session: 51001, callId: '{A0000001-0000-4000-8000-000000000001}' };
export const SECOND = { name: 'second.txt', size: 100, session: 51002, callId: '{A0000002-0000-4000-8000-000000000002}' };
export const THIRD = { name: 'third.bin', size: 2000, session: 51003, callId: '{A0000003-0000-4000-8000-000000000003}' };
const TRANSPORT_CALL = '{A0000009-0000-4000-8000-000000000009}';
export const CHUNK = 1200;
export const VIDEO_SENT = 3 * CHUNK;
/** Start of the direct connection; each message 1 ms after the last. */
export const DIRECT_START_US = T0_US + 3_000_000;

const FT_GUID = '{5D3E02AB-6190-11D3-BBBB-00C04F795683}';
const base = (from: string, to: string, callId: string, branch: string, cseq: number): Omit<SlpOptions, 'contentType' | 'body'> => ({ from, to, callId, branch, cseq });
const branchOf = (n: number) => `{B000000${n}-0000-4000-8000-00000000000${n}}`;

function invite(f: { name: string; size: number; session: number; callId: string }, n: number): Uint8Array {
  return slp(`INVITE MSNMSGR:${BOB_EP} MSNSLP/1.0`, {
    ...base(ALICE_EP, BOB_EP, f.callId, branchOf(n), 0),
    contentType: 'application/x-msnmsgr-sessionreqbody',
    body: [['EUF-GUID', FILE_TRANSFER_EUF_GUID], ['SessionID', String(f.session)], ['AppID', '2'], ['Context', fileContext(f.name, f.size)]],
  });
}
function answer(f: { callId: string; session: number }, n: number, status: '200 OK' | '603 Decline'): Uint8Array {
  return slp(`MSNSLP/1.0 ${status}`, { ...base(BOB_EP, ALICE_EP, f.callId, branchOf(n), 1), contentType: 'application/x-msnmsgr-sessionreqbody', body: [['SessionID', String(f.session)]] });
}
const transReq = slp(`INVITE MSNMSGR:${BOB_EP} MSNSLP/1.0`, {
  ...base(ALICE_EP, BOB_EP, TRANSPORT_CALL, branchOf(8), 0),
  contentType: 'application/x-msnmsgr-transreqbody',
  body: [['Bridges', 'TCPv1'], ['NetID', '0'], ['Conn-Type', 'Direct-Connect'], ['Nonce', NONCE], ['SessionID', String(VIDEO.session)]],
});
const transResp = slp('MSNSLP/1.0 200 OK', {
  ...base(BOB_EP, ALICE_EP, TRANSPORT_CALL, branchOf(8), 1),
  contentType: 'application/x-msnmsgr-transrespbody',
  body: [['Bridge', 'TCPv1'], ['Listening', 'true'], ['Nonce', NONCE], ['IPv4Internal-Addrs', BOB_LAN], ['IPv4Internal-Port', String(DC_PORT)], ['SessionID', String(VIDEO.session)]],
});

const seq = { alice: 1000, bob: 9000 };
/** One v2 packet carrying a whole SLP message (TF 1, session 0). */
function slpPacket(text: Uint8Array, fromAlice: boolean): Uint8Array {
  const who = fromAlice ? 'alice' : 'bob';
  const packet = v2Packet({ sequence: seq[who], data: { tf: 1, packageNumber: 1, sessionId: 0, payload: text } });
  seq[who] += text.length;
  return packet;
}
const sbAlice = (trid: number, text: Uint8Array) => ({ from: 'client' as const, payload: payloadCommand(`MSG ${trid} D`, p2pMime(BOB_EP, slpPacket(text, true), 0, ALICE_EP)) });
const sbBob = (text: Uint8Array) => ({ from: 'server' as const, payload: payloadCommand(`MSG ${BOB} Bob`, p2pMime(ALICE_EP, slpPacket(text, false), 0, BOB_EP)) });

const switchboard = conversationAt(T0_US, {
  client: { ip: ALICE_IP, port: 50100 },
  server: { ip: '65.54.171.30', port: 1863 },
  messages: [
    { from: 'client', payload: `USR 1 ${ALICE_EP} 96371547.12345678.2890\r\n` },
    { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
    { from: 'client', payload: `CAL 2 ${BOB}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 20380901\r\n' },
    { from: 'server', payload: `JOI ${BOB} Bob 2789003324:48\r\n` },
    { from: 'client', payload: payloadCommand('MSG 3 N', inviteMime([['Application-Name', 'File Transfer'], ['Application-GUID', FT_GUID], ['Invitation-Command', 'INVITE'], ['Invitation-Cookie', LEGACY_COOKIE], ['Application-File', 'old-style.zip'], ['Application-FileSize', '1234']])) },
    { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, inviteMime([['Invitation-Command', 'CANCEL'], ['Invitation-Cookie', LEGACY_COOKIE], ['Cancel-Code', 'REJECT']])) },
    sbAlice(4, invite(VIDEO, 1)),
    sbBob(answer(VIDEO, 1, '200 OK')),
    sbAlice(5, transReq),
    sbBob(transResp),
  ],
  fin: false,
});

/** File data of `f` in v2 packets (TF 6), from `from` to `to` in its bytes. */
function dataPackets(f: { size: number; session: number }, from: number, to: number, sequence: number): Array<{ packet: Uint8Array; sequence: number }> {
  const out: Array<{ packet: Uint8Array; sequence: number }> = [];
  for (let pos = from; pos < to; pos += CHUNK) {
    const payload = Uint8Array.from({ length: Math.min(CHUNK, to - pos) }, (_, i) => (pos + i) & 0xff);
    out.push({ sequence, packet: v2Packet({ sequence, data: { tf: 6, packageNumber: 2, sessionId: f.session, remaining: f.size - pos - payload.length, payload } }) });
    sequence += payload.length;
  }
  return out;
}

const third = dataPackets(THIRD, 0, THIRD.size, 70_000);
const lastThird = third[third.length - 1];
/** v2 message size of the last third.bin packet: data header (8 + 12-byte TLV 1 padded = 20) + data. */
const lastThirdSize = 20 + (THIRD.size - CHUNK);
const ackValue = new Uint8Array(4);
new DataView(ackValue.buffer).setUint32(0, lastThird.sequence + lastThirdSize, false);
export const THIRD_ACK = lastThird.sequence + lastThirdSize;

const direct = conversationAt(DIRECT_START_US, {
  client: { ip: ALICE_IP, port: 50200 },
  server: { ip: BOB_LAN, port: DC_PORT },
  messages: [
    { from: 'client', payload: FOO },
    { from: 'client', payload: directPacket(guidBytes(NONCE)) },
    { from: 'server', payload: directPacket(guidBytes(NONCE)) },
    { from: 'client', payload: directPacket(slpPacket(invite(SECOND, 2), true)) },
    { from: 'server', payload: directPacket(slpPacket(answer(SECOND, 2, '603 Decline'), false)) },
    { from: 'client', payload: directPacket(slpPacket(invite(THIRD, 3), true)) },
    { from: 'server', payload: directPacket(slpPacket(answer(THIRD, 3, '200 OK'), false)) },
    ...third.map((p) => ({ from: 'client' as const, payload: directPacket(p.packet) })),
    // Bob acknowledges third.bin's last packet (TLV 2: its sequence number + message size).
    { from: 'server', payload: directPacket(v2Packet({ opCode: 0, sequence: 9999, tlvs: [[2, ackValue]] })) },
    ...dataPackets(VIDEO, 0, VIDEO_SENT, 90_000).map((p) => ({ from: 'client' as const, payload: directPacket(p.packet) })),
  ],
  fin: false,
});

export const frames = timeline(switchboard, direct);
