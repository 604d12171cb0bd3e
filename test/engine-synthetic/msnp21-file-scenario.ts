// The MSNP21 file-transfer scenario of the SDG tests: alice and bob chat in SDG and alice sends
// bob a file over P2P v2 in the same SDGs — INVITE and 200 OK as session-0 data (Message-Type
// Data), bob's transport answer as Signal/P2P text, the file in TF 6 chunks, two of them
// bundled in one SDG with Bridging-Offsets. Layouts: msnp21-builders.ts and p2p-builders.ts.
import { createHash } from 'node:crypto';
import type { ConversationMessage } from '../helpers/tcp-conversation';
import { fileContextV3, sdgBody, sdgP2pData, withFooter } from './msnp21-builders';
import { FILE_TRANSFER_EUF_GUID, slp, v2Packet, type SlpOptions } from './p2p-builders';
import { payloadCommand } from './synthetic';

export const ALICE = 'alice@live.com';
export const BOB = 'bob@live.com';
const ALICE_EPID = '{F52973B6-C926-4BAD-9BA8-7C1E840E4AB0}';
export const BOB_EPID = '{2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901}';
const A = `1:${ALICE};epid=${ALICE_EPID}`;
const B = `1:${BOB};epid=${BOB_EPID}`;
export const SESSION = 3_141_592;
const CALL_ID = '{7A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}';
// Non-ASCII on purpose: the name travels as UTF-16LE in the Context.
export const FILE_NAME = 'Résumé 2012 – 报告.pdf';
export const FILE = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) & 0xff);
export const SHA1 = createHash('sha1').update(FILE).digest('hex');
export const TEXTS: Array<[string, string]> = [
  [ALICE, 'Hi Bob, sending you the report'],
  [BOB, 'Got it, accepting'],
  [ALICE, 'Is it arriving?'],
  [BOB, 'Yes, all there'],
];
export const BOB_LAN = '192.168.7.20';
export const BOB_PORT = 6891;

const slpBase = (from: string, to: string, branch: string, cseq: number): Omit<SlpOptions, 'contentType' | 'body'> => ({
  from: `${from};${from === ALICE ? ALICE_EPID : BOB_EPID}`,
  to: `${to};${to === ALICE ? ALICE_EPID : BOB_EPID}`,
  branch,
  cseq,
  callId: CALL_ID,
});
const invite = slp(`INVITE MSNMSGR:${BOB};${BOB_EPID} MSNSLP/1.0`, {
  ...slpBase(ALICE, BOB, '{11111111-1111-4111-8111-111111111111}', 0),
  contentType: 'application/x-msnmsgr-sessionreqbody',
  body: [['EUF-GUID', FILE_TRANSFER_EUF_GUID], ['SessionID', String(SESSION)], ['AppID', '2'], ['Context', fileContextV3(FILE_NAME, FILE.length)]],
});
const ok = slp(`MSNSLP/1.0 200 OK`, { ...slpBase(BOB, ALICE, '{11111111-1111-4111-8111-111111111111}', 1), contentType: 'application/x-msnmsgr-sessionreqbody', body: [['SessionID', String(SESSION)]] });
const transResp = slp('MSNSLP/1.0 200 OK', {
  ...slpBase(BOB, ALICE, '{22222222-2222-4222-8222-222222222222}', 1),
  contentType: 'application/x-msnmsgr-transrespbody',
  body: [['Bridge', 'TCPv1'], ['Listening', 'true'], ['IPv4Internal-Addrs', BOB_LAN], ['IPv4Internal-Port', String(BOB_PORT)], ['SessionID', String(SESSION)]],
});

// SLP in session 0: op code 0x03 (SYN, RAK) with a 12-byte peer-info TLV on the INVITE, TF 1.
const PEER_INFO = Uint8Array.of(0x01, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
export const invitePacket = v2Packet({ opCode: 0x03, sequence: 0x01020304, tlvs: [[1, PEER_INFO.subarray(2)]], data: { tf: 1, packageNumber: 0, sessionId: 0, payload: invite } });
const okPacket = v2Packet({ opCode: 0x02, sequence: 0x0a0b0c0d, data: { tf: 1, packageNumber: 0, sessionId: 0, payload: ok } });

// File data: TF 6, package number 1, data-remaining TLV counting down; footer 2 (file transfer).
const CHUNKS = [FILE.subarray(0, 1200), FILE.subarray(1200, 2400), FILE.subarray(2400)];
export const DATA_SEQ = [0x00abcdef, 0x00abd29f, 0x00abd74f];
export const dataPackets = CHUNKS.map((payload, i) =>
  withFooter(v2Packet({ sequence: DATA_SEQ[i], data: { tf: 6, packageNumber: 1, sessionId: SESSION, remaining: FILE.length - (i * 1200 + payload.length), payload } }), 2),
);

const text = (from: string, to: string, t: string): Uint8Array => sdgBody({ from, to, messageType: 'Text', contentType: 'text/plain; charset=UTF-8', body: t });
const signalP2p = (from: string, to: string, body: Uint8Array): Uint8Array => sdgBody({ from, to, messageType: 'Signal/P2P', contentType: 'text/plain; charset=UTF-8', body });

/** Who sends each SDG body, in order. */
const STEPS: Array<['alice' | 'bob', Uint8Array]> = [
  ['alice', text(A, B, TEXTS[0][1])],
  ['alice', sdgP2pData(B, A, 0, [withFooter(invitePacket, 0)])],
  ['bob', sdgP2pData(A, B, 0, [withFooter(okPacket, 0)])],
  ['bob', text(B, A, TEXTS[1][1])],
  ['bob', signalP2p(B, A, transResp)],
  ['alice', sdgP2pData(B, A, 1, [dataPackets[0]])],
  ['alice', text(A, B, TEXTS[2][1])],
  ['alice', sdgP2pData(B, A, 1, [dataPackets[1], dataPackets[2]])],
  ['bob', text(B, A, TEXTS[3][1])],
];

/**
 * The scenario as one party's notification connection sees it: what that party sends is
 * `SDG TrID len` from the client, what the other sends is relayed as `SDG 0 len` by the server.
 */
export function scenarioOn(party: 'alice' | 'bob'): ConversationMessage[] {
  let trid = 4;
  return STEPS.map(([by, body]) => (by === party ? { from: 'client' as const, payload: payloadCommand(`SDG ${trid++}`, body) } : { from: 'server' as const, payload: payloadCommand('SDG 0', body) }));
}
