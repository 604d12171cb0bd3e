// MSNP21: a text chat over SDG with a P2P v2 file transfer interleaved on the same notification
// connection — INVITE and 200 OK as P2P v2 session-0 data (Message-Type: Data), the transport
// answer as Signal/P2P text, the file in TF 6 chunks (two of them bundled in one SDG with
// Bridging-Offsets). Expected: only the four texts in the transcript, the file rebuilt under the
// Context's name with the SHA-1 of the bytes put in, the P2P v2 header decoded in the tree.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { mergeCaptures } from '../../src/main/engine/capture/merge-captures';
import type { FrameDetail, TreeNode } from '../../src/shared/model';
import { fileContextV3, msnp21Connection, sdgBody, sdgP2pData, withFooter } from './msnp21-builders';
import { FILE_TRANSFER_EUF_GUID, slp, v2Packet, type SlpOptions } from './p2p-builders';
import { frameContaining, indexOfBytes, payloadCommand, T0_US, writeFrames } from './synthetic';

const ALICE = 'alice@live.com';
const BOB = 'bob@live.com';
const ALICE_EPID = '{F52973B6-C926-4BAD-9BA8-7C1E840E4AB0}';
const BOB_EPID = '{2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901}';
const A = `1:${ALICE};epid=${ALICE_EPID}`;
const B = `1:${BOB};epid=${BOB_EPID}`;
const SESSION = 3_141_592;
const CALL_ID = '{7A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}';
// Non-ASCII on purpose: the name travels as UTF-16LE in the Context.
const FILE_NAME = 'Résumé 2012 – 报告.pdf';
const FILE = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) & 0xff);
const SHA1 = createHash('sha1').update(FILE).digest('hex');
const TEXTS: Array<[string, string]> = [
  [ALICE, 'Hi Bob, sending you the report'],
  [BOB, 'Got it, accepting'],
  [ALICE, 'Is it arriving?'],
  [BOB, 'Yes, all there'],
];
const BOB_LAN = '192.168.7.20';
const BOB_PORT = 6891;

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
const invitePacket = v2Packet({ opCode: 0x03, sequence: 0x01020304, tlvs: [[1, PEER_INFO.subarray(2)]], data: { tf: 1, packageNumber: 0, sessionId: 0, payload: invite } });
const okPacket = v2Packet({ opCode: 0x02, sequence: 0x0a0b0c0d, data: { tf: 1, packageNumber: 0, sessionId: 0, payload: ok } });

// File data: TF 6, package number 1, data-remaining TLV counting down; footer 2 (file transfer).
const CHUNKS = [FILE.subarray(0, 1200), FILE.subarray(1200, 2400), FILE.subarray(2400)];
const DATA_SEQ = [0x00abcdef, 0x00abd29f, 0x00abd74f];
const dataPackets = CHUNKS.map((payload, i) =>
  withFooter(v2Packet({ sequence: DATA_SEQ[i], data: { tf: 6, packageNumber: 1, sessionId: SESSION, remaining: FILE.length - (i * 1200 + payload.length), payload } }), 2),
);

const text = (from: string, to: string, t: string): Uint8Array => sdgBody({ from, to, messageType: 'Text', contentType: 'text/plain; charset=UTF-8', body: t });
const signalP2p = (from: string, to: string, body: Uint8Array): Uint8Array => sdgBody({ from, to, messageType: 'Signal/P2P', contentType: 'text/plain; charset=UTF-8', body });

const frames = msnp21Connection(ALICE, T0_US, [
  { from: 'client', payload: payloadCommand('SDG 4', text(A, B, TEXTS[0][1])) },
  { from: 'client', payload: payloadCommand('SDG 5', sdgP2pData(B, A, 0, [withFooter(invitePacket, 0)])) },
  { from: 'server', payload: payloadCommand('SDG 0', sdgP2pData(A, B, 0, [withFooter(okPacket, 0)])) },
  { from: 'server', payload: payloadCommand('SDG 0', text(B, A, TEXTS[1][1])) },
  { from: 'server', payload: payloadCommand('SDG 0', signalP2p(B, A, transResp)) },
  { from: 'client', payload: payloadCommand('SDG 6', sdgP2pData(B, A, 1, [dataPackets[0]])) },
  { from: 'client', payload: payloadCommand('SDG 7', text(A, B, TEXTS[2][1])) },
  { from: 'client', payload: payloadCommand('SDG 8', sdgP2pData(B, A, 1, [dataPackets[1], dataPackets[2]])) },
  { from: 'server', payload: payloadCommand('SDG 0', text(B, A, TEXTS[3][1])) },
]);

const path = writeFrames(frames);
const { result, analyzer } = await analyzeCaptureFiles([path], { collectFrames: true });

async function detailOf(number: number): Promise<FrameDetail> {
  for await (const f of mergeCaptures([path])) if (f.number === number) return analyzer.describeFrame(f);
  throw new Error(`no frame ${number}`);
}

function find(nodes: TreeNode[], label: string): TreeNode {
  for (const n of nodes) {
    if (n.label === label) return n;
    const inner = n.children && findOrNull(n.children, label);
    if (inner) return inner;
  }
  throw new Error(`no tree node "${label}"`);
}
function findOrNull(nodes: TreeNode[], label: string): TreeNode | null {
  try {
    return find(nodes, label);
  } catch {
    return null;
  }
}

describe('MSNP21 chat with a P2P file transfer in SDG', () => {
  it('transcribes exactly the four texts, none of the P2P', () => {
    expect(result.sessions).toHaveLength(1);
    expect(result.sessions[0].messages.map((m) => [m.from, m.text])).toEqual(TEXTS);
  });

  it('rebuilds the file under the name and size of the INVITE context, with its SHA-1', () => {
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ kind: 'file-transfer', name: FILE_NAME, size: FILE.length, sha1: SHA1, from: ALICE, to: BOB, complete: true, via: 'notification' });
    expect(result.files[0].frame).toBe(frameContaining(frames, 'INVITE MSNMSGR'));
  });

  it('lists the endpoint bob offers in Signal/P2P for that file', () => {
    expect(result.endpoints).toHaveLength(1);
    expect(result.endpoints[0]).toMatchObject({ address: BOB_LAN, port: BOB_PORT, source: 'msnslp', kind: 'file-transfer', offeredBy: BOB, file: { name: FILE_NAME, size: FILE.length } });
  });

  it('shows invitation, acceptance and completion as transcript events', () => {
    const events = (result.sessions[0].events ?? []).filter((e) => e.kind === 'invitation' || e.kind === 'file');
    expect(events.map((e) => [e.kind, e.account])).toEqual([
      ['invitation', ALICE],
      ['invitation', BOB],
      ['invitation', BOB],
      ['file', ALICE],
    ]);
  });

  it('raises no warning', () => {
    // (Whether the server answers SDG is not settled: only P2P and framing complaints count.)
    expect(result.expert.filter((e) => e.severity !== 'note' && !/^no reply to SDG/.test(e.message))).toEqual([]);
  });
});

describe('the tree of an SDG carrying P2P v2 data', () => {
  it('decodes the header and data header fields at their bytes', async () => {
    const number = frameContaining(frames, 'SDG 6 ');
    const d = await detailOf(number);
    const packet = dataPackets[0];
    const at = indexOfBytes(d.bytes, packet);
    expect(at).toBeGreaterThan(0);
    const bytesOf = (n: TreeNode): number[] => Array.from(d.bytes.subarray(n.range![0], n.range![0] + n.range![1]));
    // Header: length 8, op code 0, message size = data header (20) + 1200, sequence.
    expect(find(d.tree, 'Header length: 8').range).toEqual([at, 1]);
    expect(find(d.tree, 'Op code: 0x00').range).toEqual([at + 1, 1]);
    expect(bytesOf(find(d.tree, `Message size: ${20 + 1200}`))).toEqual([(1220 >> 8) & 0xff, 1220 & 0xff]);
    expect(bytesOf(find(d.tree, `Sequence number: ${DATA_SEQ[0]}`))).toEqual([0x00, 0xab, 0xcd, 0xef]);
    // Data header: length 20 (8 + a 10-byte TLV padded to 12), TF 6, package 1, session, remaining.
    expect(find(d.tree, 'Length: 20').range).toEqual([at + 8, 1]);
    expect(find(d.tree, 'TF combination: 0x06 (file transfer)').range).toEqual([at + 9, 1]);
    expect(find(d.tree, 'Package number: 1').range).toEqual([at + 10, 2]);
    expect(bytesOf(find(d.tree, `Session ID: ${SESSION}`))).toEqual([0x00, 0x2f, 0xef, 0xd8]);
    expect(find(d.tree, 'TLV 1 (data remaining): 00 00 00 00 00 00 07 08').range).toEqual([at + 16, 10]);
    expect(find(d.tree, 'Data: 1200 bytes').range).toEqual([at + 28, 1200]);
    expect(find(d.tree, 'Footer (application id): 2 (file transfer)').range).toEqual([at + 28 + 1200, 4]);
  });

  it('decodes both packets of a Bridging-Offsets bundle', async () => {
    const d = await detailOf(frameContaining(frames, 'SDG 8 '));
    expect(findOrNull(d.tree, `Sequence number: ${DATA_SEQ[1]}`)).not.toBeNull();
    expect(findOrNull(d.tree, `Sequence number: ${DATA_SEQ[2]}`)).not.toBeNull();
    expect(find(d.tree, 'TLV 1 (data remaining): 00 00 00 00 00 00 00 00').range).toEqual([indexOfBytes(d.bytes, dataPackets[2]) + 16, 10]);
  });

  it('decodes the INVITE in session-0 data as MSNSLP', async () => {
    const d = await detailOf(frameContaining(frames, 'SDG 5 '));
    expect(find(d.tree, 'Op code: 0x03 (SYN, RAK)').range).toEqual([indexOfBytes(d.bytes, invitePacket) + 1, 1]);
    expect(findOrNull(d.tree, `MSNSLP INVITE MSNMSGR:${BOB};${BOB_EPID}`)).not.toBeNull();
  });
});
