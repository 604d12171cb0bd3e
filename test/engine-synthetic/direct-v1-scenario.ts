// MSNSLP file transfer over a direct connection, P2P version 1 (MSN 7.x, MSNP12): on the
// switchboard alice sends an INVITE with a sessionreqbody (file-transfer EUF-GUID, Context with
// name and size), bob answers 200 OK; alice offers transports (transreqbody), bob answers with a
// transrespbody listing his external and internal addresses. Alice then connects to one of them:
// `foo\0`, nonce handshakes, the file in P2P v1 data chunks (length-prefixed, no footer), bob's
// ACK. Expected: the offered endpoints (one observed) and the file with the SHA-1 of its bytes.
// The scenario, shared by the tests that read it.
import { createHash } from 'node:crypto';
import { conversationAt, payloadCommand, T0_US, timeline } from './synthetic';
import { directPacket, FILE_TRANSFER_EUF_GUID, fileContext, FOO, p2pMime, slp, v1Chunks, v1Header, v1Message, v1NonceHandshake, type SlpOptions } from './p2p-builders';

export const ALICE = 'alice@hotmail.com';
export const BOB = 'bob@hotmail.com';
export const ALICE_IP = '192.168.1.10';
export const BOB_LAN = ['192.168.1.20', '10.0.0.20'];
export const BOB_WAN = '198.51.100.7';
export const DC_PORT = 6891;
export const NONCE = '{8C1D1B4C-2E0F-4A6B-9D3E-5F7A1B2C3D4E}';
export const SESSION = 94044;
export const CALL_ID = '{9D79AE57-1BD5-444B-B14E-3FC9BB2B5D58}';
export const FILE_NAME = 'holiday-photo.jpg';
export const FILE = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
export const SHA1 = createHash('sha1').update(FILE).digest('hex');

const slpBase = (from: string, to: string, branch: string, cseq: number): Omit<SlpOptions, 'contentType' | 'body'> => ({ from, to, branch, cseq, callId: CALL_ID });

const invite = slp(`INVITE MSNMSGR:${BOB} MSNSLP/1.0`, {
  ...slpBase(ALICE, BOB, '{33517CE4-02FC-4428-B6F4-39927229B722}', 0),
  contentType: 'application/x-msnmsgr-sessionreqbody',
  body: [['EUF-GUID', FILE_TRANSFER_EUF_GUID], ['SessionID', String(SESSION)], ['AppID', '2'], ['Context', fileContext(FILE_NAME, FILE.length)]],
});
const inviteOk = slp('MSNSLP/1.0 200 OK', {
  ...slpBase(BOB, ALICE, '{33517CE4-02FC-4428-B6F4-39927229B722}', 1),
  contentType: 'application/x-msnmsgr-sessionreqbody',
  body: [['SessionID', String(SESSION)]],
});
const transReq = slp(`INVITE MSNMSGR:${BOB} MSNSLP/1.0`, {
  ...slpBase(ALICE, BOB, '{A1B2C3D4-1111-2222-3333-444455556666}', 0),
  contentType: 'application/x-msnmsgr-transreqbody',
  body: [['Bridges', 'TCPv1'], ['NetID', '-1062731510'], ['Conn-Type', 'Direct-Connect'], ['UPnPNat', 'false'], ['ICF', 'false'], ['Nonce', NONCE]],
});
const transResp = slp('MSNSLP/1.0 200 OK', {
  ...slpBase(BOB, ALICE, '{A1B2C3D4-1111-2222-3333-444455556666}', 1),
  contentType: 'application/x-msnmsgr-transrespbody',
  body: [
    ['Bridge', 'TCPv1'],
    ['Listening', 'true'],
    ['Nonce', NONCE],
    ['IPv4External-Addrs', BOB_WAN],
    ['IPv4External-Port', String(DC_PORT)],
    ['IPv4Internal-Addrs', BOB_LAN.join(' ')],
    ['IPv4Internal-Port', String(DC_PORT)],
  ],
});

const aliceSlp = (trid: number, id: number, text: Uint8Array) => ({ from: 'client' as const, payload: payloadCommand(`MSG ${trid} D`, p2pMime(BOB, v1Message(0, id, text), 0)) });
const bobSlp = (id: number, text: Uint8Array) => ({ from: 'server' as const, payload: payloadCommand(`MSG ${BOB} Bob`, p2pMime(ALICE, v1Message(0, id, text), 0)) });

const switchboard = conversationAt(T0_US, {
  client: { ip: ALICE_IP, port: 1500 },
  server: { ip: '207.46.108.110', port: 1863 },
  messages: [
    { from: 'client', payload: `USR 1 ${ALICE} 4321.8765\r\n` },
    { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
    { from: 'client', payload: `CAL 2 ${BOB}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 424242\r\n' },
    { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
    aliceSlp(3, 100, invite),
    bobSlp(200, inviteOk),
    aliceSlp(4, 101, transReq),
    bobSlp(201, transResp),
  ],
  fin: false,
});

export const FILE_FLAGS = 0x01000030;
const chunks = v1Chunks(SESSION, 102, FILE, 1352, FILE_FLAGS);
const direct = conversationAt(T0_US + 2_000_000, {
  client: { ip: ALICE_IP, port: 1600 },
  server: { ip: BOB_LAN[0], port: DC_PORT },
  messages: [
    { from: 'client', payload: FOO },
    { from: 'client', payload: v1NonceHandshake(NONCE) },
    { from: 'server', payload: v1NonceHandshake(NONCE) },
    ...chunks.map((chunk) => ({ from: 'client' as const, payload: directPacket(chunk) })),
    // Bob acknowledges the whole file (flag 0x2; ack id = the data's identifier).
    { from: 'server', payload: directPacket(v1Header({ sessionId: SESSION, id: 202, total: FILE.length, length: 0, flags: 0x2, ackId: 102, ackUid: 0x5000 + 2704, ackSize: FILE.length })) },
  ],
});

export const frames = timeline(switchboard, direct);
