// MSNP21: a text chat over SDG with a P2P v2 file transfer interleaved on the same notification
// connection — INVITE and 200 OK as P2P v2 session-0 data (Message-Type: Data), the transport
// answer as Signal/P2P text, the file in TF 6 chunks (two of them bundled in one SDG with
// Bridging-Offsets). Expected: only the four texts in the transcript, the file rebuilt under the
// Context's name with the SHA-1 of the bytes put in, the P2P v2 header decoded in the tree.
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { mergeCaptures } from '../../src/main/engine/capture/merge-captures';
import type { FrameDetail, TreeNode } from '../../src/shared/model';
import { msnp21Connection } from './msnp21-builders';
import { ALICE, BOB, BOB_EPID, BOB_LAN, BOB_PORT, DATA_SEQ, dataPackets, FILE, FILE_NAME, invitePacket, scenarioOn, SESSION, SHA1, TEXTS } from './msnp21-file-scenario';
import { frameContaining, indexOfBytes, T0_US, writeFrames } from './synthetic';

const frames = msnp21Connection(ALICE, T0_US, scenarioOn('alice'));
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
