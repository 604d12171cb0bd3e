// MSNSLP between two MSNP18 (WLM 2009) clients: P2P version 2 headers on the switchboard (with
// P2P-Src / P2P-Dest carrying `;{machine-guid}`), a transrespbody whose internal address headers
// are written reversed, names and values (`srddA-lanretnI4vPI: 02.1.861.291`), then a direct
// connection: `foo\0`, the bare 16-byte nonce handshakes, the file in v2 packets (TF 6, data
// remaining TLV). Expected: endpoints un-reversed, the file rebuilt with its SHA-1.
// The scenario, shared by the tests that read it.
import { createHash } from 'node:crypto';
import { conversationAt, payloadCommand, T0_US, timeline } from './synthetic';
import { directPacket, FILE_TRANSFER_EUF_GUID, fileContext, FOO, guidBytes, p2pMime, reversed, slp, v2Packet, type SlpOptions } from './p2p-builders';

export const ALICE = 'alice@live.com';
export const BOB = 'bob@live.com';
export const ALICE_EP = `${ALICE};{42B97F22-15C1-2133-28B8-864229612F7E}`;
export const BOB_EP = `${BOB};{960748A6-B9D0-312A-4569-B15F5BE85736}`;
export const ALICE_IP = '192.168.1.10';
export const BOB_LAN = '192.168.1.20';
export const BOB_WAN = '198.51.100.7';
export const INTERNAL_PORT = 6891;
export const EXTERNAL_PORT = 40123;
export const NONCE = '{2F7E1A3B-5C4D-4E6F-8A9B-0C1D2E3F4A5B}';
export const SESSION = 77001;
export const CALL_ID = '{0E4B5A6C-7D8E-4F90-A1B2-C3D4E5F60718}';
export const FILE_NAME = 'notes-2009.txt';
export const FILE = Uint8Array.from({ length: 2600 }, (_, i) => (i * 13 + 5) & 0xff);
export const SHA1 = createHash('sha1').update(FILE).digest('hex');

const base = (from: string, to: string, branch: string, cseq: number): Omit<SlpOptions, 'contentType' | 'body'> => ({ from, to, branch, cseq, callId: CALL_ID });
export const BRANCH_1 = '{11111111-2222-3333-4444-555555555555}';
export const BRANCH_2 = '{66666666-7777-8888-9999-AAAAAAAAAAAA}';

const invite = slp(`INVITE MSNMSGR:${BOB_EP} MSNSLP/1.0`, {
  ...base(ALICE_EP, BOB_EP, BRANCH_1, 0),
  contentType: 'application/x-msnmsgr-sessionreqbody',
  body: [['EUF-GUID', FILE_TRANSFER_EUF_GUID], ['SessionID', String(SESSION)], ['AppID', '2'], ['RequestFlags', '16'], ['Context', fileContext(FILE_NAME, FILE.length)]],
});
const inviteOk = slp('MSNSLP/1.0 200 OK', { ...base(BOB_EP, ALICE_EP, BRANCH_1, 1), contentType: 'application/x-msnmsgr-sessionreqbody', body: [['SessionID', String(SESSION)]] });
const transReq = slp(`INVITE MSNMSGR:${BOB_EP} MSNSLP/1.0`, {
  ...base(ALICE_EP, BOB_EP, BRANCH_2, 0),
  contentType: 'application/x-msnmsgr-transreqbody',
  body: [['Bridges', 'TCPv1 SBBridge'], ['NetID', '0'], ['Conn-Type', 'Direct-Connect'], ['TCP-Conn-Type', 'Direct-Connect'], ['UPnPNat', 'false'], ['ICF', 'false'], ['Nonce', NONCE], ['SessionID', String(SESSION)], ['SChannelState', '0'], ['Capabilities-Flags', '1']],
});
const transResp = slp('MSNSLP/1.0 200 OK', {
  ...base(BOB_EP, ALICE_EP, BRANCH_2, 1),
  contentType: 'application/x-msnmsgr-transrespbody',
  body: [
    ['Bridge', 'TCPv1'],
    ['Listening', 'true'],
    ['Conn-Type', 'Direct-Connect'],
    ['TCP-Conn-Type', 'Direct-Connect'],
    ['Nonce', NONCE],
    // WLM 2009: these two headers, names and values, are written back to front.
    [reversed('IPv4Internal-Addrs'), reversed(BOB_LAN)],
    [reversed('IPv4Internal-Port'), reversed(String(INTERNAL_PORT))],
    ['IPv4External-Addrs', BOB_WAN],
    ['IPv4External-Port', String(EXTERNAL_PORT)],
    ['SessionID', String(SESSION)],
  ],
});

let aliceSeq = 1000;
let bobSeq = 9000;
/** An SLP message in one v2 packet (TF 1: first chunk; session 0), footer 0. */
function slpPacket(text: Uint8Array, fromAlice: boolean, packageNumber: number): Uint8Array {
  const seq = fromAlice ? aliceSeq : bobSeq;
  const packet = v2Packet({ opCode: 0, sequence: seq, data: { tf: 1, packageNumber, sessionId: 0, payload: text } });
  if (fromAlice) aliceSeq += text.length;
  else bobSeq += text.length;
  return packet;
}
const aliceSlp = (trid: number, text: Uint8Array, pkg: number) => ({ from: 'client' as const, payload: payloadCommand(`MSG ${trid} D`, p2pMime(BOB_EP, slpPacket(text, true, pkg), 0, ALICE_EP)) });
const bobSlp = (text: Uint8Array, pkg: number) => ({ from: 'server' as const, payload: payloadCommand(`MSG ${BOB} Bob`, p2pMime(ALICE_EP, slpPacket(text, false, pkg), 0, BOB_EP)) });

const switchboard = conversationAt(T0_US, {
  client: { ip: ALICE_IP, port: 50100 },
  server: { ip: '65.54.171.30', port: 1863 },
  messages: [
    { from: 'client', payload: `USR 1 ${ALICE_EP} 96371547.12345678.2890\r\n` },
    { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
    { from: 'client', payload: `CAL 2 ${BOB}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 20380901\r\n' },
    { from: 'server', payload: `JOI ${BOB} Bob 2789003324:48\r\n` },
    { from: 'server', payload: `JOI ${BOB_EP} Bob 2789003324:48\r\n` },
    aliceSlp(3, invite, 1),
    bobSlp(inviteOk, 1),
    aliceSlp(4, transReq, 2),
    bobSlp(transResp, 2),
  ],
  fin: false,
});

/** File data in v2 packets: TF 6 (file), one package number, data-remaining TLV. */
function fileChunks(chunk: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let seq = 50_000;
  for (let pos = 0; pos < FILE.length; pos += chunk) {
    const payload = FILE.subarray(pos, pos + chunk);
    out.push(v2Packet({ sequence: seq, data: { tf: 6, packageNumber: 3, sessionId: SESSION, remaining: FILE.length - pos - payload.length, payload } }));
    seq += payload.length;
  }
  return out;
}

const direct = conversationAt(T0_US + 3_000_000, {
  client: { ip: ALICE_IP, port: 50200 },
  server: { ip: BOB_LAN, port: INTERNAL_PORT },
  messages: [
    { from: 'client', payload: FOO },
    { from: 'client', payload: directPacket(guidBytes(NONCE)) },
    { from: 'server', payload: directPacket(guidBytes(NONCE)) },
    ...fileChunks(1200).map((p) => ({ from: 'client' as const, payload: directPacket(p) })),
  ],
});

export const frames = timeline(switchboard, direct);
