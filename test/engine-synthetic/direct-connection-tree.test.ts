// The command tree of a direct P2P connection's frames (issue 10): length prefix, handshake,
// every P2P header field, the MSNSLP message inside and data chunks with their file offset, with
// byte ranges into the frame. Expected values are read off the frames' bytes by hand (the hexdumps
// below, `tshark -x` of the scenarios' captures; Ethernet + IPv4 + TCP headers are 54 bytes, so
// the TCP payload starts at frame offset 0x36).
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptures } from '../../src/main/engine/capture/merge-captures';
import type { FrameDetail, FrameRow, TreeNode } from '../../src/shared/model';
import type { FrameSpec } from './synthetic';
import { frameContaining, writeFrames } from './synthetic';
import { frames as v1Frames, NONCE as V1_NONCE } from './direct-v1-scenario';
import { frames as v2Frames, SECOND } from './stalled-direct-scenario';

async function details(frames: FrameSpec[], numbers: number[]): Promise<Map<number, FrameDetail>> {
  const path = writeFrames(frames);
  const { analyzer } = await analyzeCaptureFiles([path], { collectFrames: true });
  const out = new Map<number, FrameDetail>();
  for await (const f of mergeCaptures([path])) if (numbers.includes(f.number)) out.set(f.number, analyzer.describeFrame(f));
  return out;
}

const direct = (d: FrameDetail): TreeNode => {
  const node = d.tree.find((n) => n.label.startsWith('MSNP2P direct'));
  if (!node) throw new Error(`frame ${d.number} has no direct P2P node`);
  return node;
};

function child(node: TreeNode, prefix: string): TreeNode {
  const stack = [...(node.children ?? [])];
  while (stack.length) {
    const n = stack.shift() as TreeNode;
    if (n.label.startsWith(prefix)) return n;
    stack.push(...(n.children ?? []));
  }
  throw new Error(`no node "${prefix}…" under "${node.label}"`);
}

/** [label, range] of a node's children, for a compact comparison. */
const fields = (node: TreeNode) => (node.children ?? []).map((c) => [c.label, c.range]);

describe('P2P v1 direct connection (direct-v1-scenario)', async () => {
  // Frame 16: "foo" from alice (TCP payload at 0x36):
  //   0030                    04 00 00 00 66 6f 6f 00      length 4 (LE), "foo\0"
  // Frame 17: alice's nonce handshake:
  //   0030                    30 00 00 00 00 00 00 00      length 0x30 = 48; session id 0
  //   0040  00 70 00 00 00 00 00 00 00 00 00 00 00 00      identifier 0x7000; offset 0; total 0
  //         00 00 00 00 00 00 00 01 00 00 4c 1b 1d 8c      length 0; flags 0x100 (KEY); ack id 8c1d1b4c
  //         0f 2e 6b 4a 9d 3e 5f 7a 1b 2c 3d 4e            ack uid 4a6b2e0f, ack size bytes = nonce's last 8
  //   → nonce {8C1D1B4C-2E0F-4A6B-9D3E-5F7A1B2C3D4E} at frame offset 0x36 + 4 + 32 = 90, 16 bytes.
  // Frame 19: the first data chunk:
  //   0030                    78 05 00 00 5c 6f 01 00      length 0x578 = 1400; session 0x16f5c = 94044
  //   0040  66 00 00 00 00 00 00 00 00 00 00 00 b8 0b      identifier 102; offset 0; total 0x0bb8 = 3000
  //   0050  00 00 00 00 00 00 48 05 00 00 30 00 00 01      length 0x548 = 1352; flags 0x01000030
  //   0060  00 50 00 00 00 00 00 00 00 00 00 00 00 00      ack id 0x5000 = 20480; ack uid 0; ack size 0
  //   then 1352 data bytes from 0x6a (106): the file's bytes 0–1351.
  const d = await details(v1Frames, [16, 17, 19]);

  it('shows foo with its length prefix', () => {
    const node = direct(d.get(16)!);
    expect(node.range).toEqual([0x36, 8]);
    expect(fields(node)).toEqual([
      ['Length prefix: 4 (4 bytes, little-endian)', [0x36, 4]],
      ['Handshake: "foo\\0" (the connecting side\'s first packet)', [0x3a, 4]],
    ]);
  });

  it('shows the v1 nonce handshake: a KEY header with the nonce in the ack fields', () => {
    const node = direct(d.get(17)!);
    expect(node.label).toBe(`MSNP2P direct (client → server): nonce handshake (P2P v1) ${V1_NONCE}`);
    expect(child(node, 'Flags').label).toBe('Flags: 0x00000100 (KEY)');
    expect(child(node, 'Identifier').label).toBe('Identifier: 28672');
    expect(child(node, 'Nonce').range).toEqual([90, 16]);
    expect(child(node, 'Nonce').label).toContain(V1_NONCE);
  });

  it('shows every v1 header field of a data chunk and where its data goes in the file', () => {
    const node = direct(d.get(19)!);
    expect(node.range).toEqual([0x36, 1404]);
    expect(fields(child(node, 'P2P header (v1)'))).toEqual([
      ['Session ID: 94044', [58, 4]],
      ['Identifier: 102', [62, 4]],
      ['Offset: 0', [66, 8]],
      ['Total size: 3000', [74, 8]],
      ['Message length: 1352', [82, 4]],
      ['Flags: 0x01000030 (file data, EACH, WLM 2009 compatible)', [86, 4]],
      ['Ack identifier: 20480', [90, 4]],
      ['Ack unique id: 0', [94, 4]],
      ['Ack data size: 0', [98, 8]],
    ]);
    const data = child(node, 'Data:');
    expect(data.label).toBe('Data: 1352 bytes — file data at offset 0 of "holiday-photo.jpg" (3000 bytes)');
    expect(data.range).toEqual([106, 1352]);
  });
});

describe('P2P v2 direct connection (stalled-direct-scenario)', async () => {
  // Frame 29: big-video.avi's second packet (TCP payload at 0x36):
  //   0030                    cc 04 00 00 08 00 04 c4      length 0x4cc = 1228; header length 8, op 0, message size 0x4c4 = 1220
  //   0040  00 01 64 40 14 06 00 02 00 00 c7 39 01 08      sequence 0x16440 = 91200; data header length 0x14 = 20, TF 6, package 2, session 0xc739 = 51001
  //   0048        00 00 00 00 00 00 b9 f0 00 00            TLV 1 (8 bytes): data remaining 0xb9f0 = 47600; 2 bytes padding
  //   0050              b0 b1 b2 …                          1200 data bytes from 0x56: the file's bytes 1200–2399 (50000 − 47600 − 1200 = 1200)
  // second.txt's INVITE (branch 2), the first packet alice sends after the handshakes.
  const slpFrame = frameContaining(v2Frames, 'branch={B0000002');
  const d = await details(v2Frames, [29, slpFrame]);

  it('shows the v2 header, the data header with its TF combination and TLV, and the file offset', () => {
    const node = direct(d.get(29)!);
    expect(node.range).toEqual([0x36, 1232]);
    expect(fields(child(node, 'P2P header (v2)'))).toEqual([
      ['Header length: 8', [58, 1]],
      ['Op code: 0x00', [59, 1]],
      ['Message size: 1220', [60, 2]],
      ['Sequence number: 91200', [62, 4]],
    ]);
    expect(fields(child(node, 'Data header'))).toEqual([
      ['Length: 20', [66, 1]],
      ['TF combination: 0x06 (file transfer)', [67, 1]],
      ['Package number: 2', [68, 2]],
      ['Session ID: 51001', [70, 4]],
      ['TLV 1 (data remaining): 00 00 00 00 00 00 b9 f0', [74, 10]],
    ]);
    const data = child(node, 'Data:');
    expect(data.label).toBe('Data: 1200 bytes — file data at offset 1200 of "big-video.avi" (50000 bytes)');
    expect(data.range).toEqual([0x56, 1200]);
  });

  it('decodes an MSNSLP INVITE sent over the direct connection itself', () => {
    const node = direct(d.get(slpFrame)!);
    const slp = child(node, 'MSNSLP INVITE');
    expect(slp.label).toBe('MSNSLP INVITE MSNMSGR:bob@live.com;{960748A6-B9D0-312A-4569-B15F5BE85736}');
    expect(child(slp, 'Call-ID').label).toContain(SECOND.callId);
    expect(child(slp, 'Body: application/x-msnmsgr-sessionreqbody').children?.map((c) => c.label)).toContain('SessionID: 51002');
    // The SLP text starts after the prefix (4), the v2 header (8) and the data header (8 bytes, no TLV).
    const bytes = d.get(slpFrame)!.bytes;
    const [at, length] = slp.range!;
    expect(Buffer.from(bytes.subarray(at, at + 6)).toString('latin1')).toBe('INVITE');
    expect(at).toBe(0x36 + 4 + 8 + 8);
    expect(length).toBeGreaterThan(100);
  });
});

describe('the packet list rows of a direct connection', async () => {
  // Frames 16–22 of direct-v1-scenario, as decoded above: foo, the two handshakes, three data
  // chunks (1352 + 1352 + 296 bytes of 3000), bob's ACK of identifier 102 for all 3000 bytes.
  const rows = new Map<number, FrameRow>();
  const analyzer = new Analyzer({}, { frameRow: (row) => rows.set(row.number, row) });
  for await (const f of mergeCaptures([writeFrames(v1Frames)])) analyzer.addFrame(f);
  analyzer.finish();

  it('says what each packet is in Info, as MSNP2P', () => {
    expect([16, 17, 18, 19, 20, 21, 22].map((n) => [rows.get(n)?.protocol, rows.get(n)?.kind, rows.get(n)?.info])).toEqual([
      ['MSNP2P', 'p2p', 'P2P direct: foo'],
      ['MSNP2P', 'p2p', `P2P direct: nonce handshake (v1) ${V1_NONCE}`],
      ['MSNP2P', 'p2p', `P2P direct: nonce handshake (v1) ${V1_NONCE}`],
      ['MSNP2P', 'p2p', 'P2P v1 session 94044 data 0–1352 of 3000 "holiday-photo.jpg"'],
      ['MSNP2P', 'p2p', 'P2P v1 session 94044 data 1352–2704 of 3000 "holiday-photo.jpg"'],
      ['MSNP2P', 'p2p', 'P2P v1 session 94044 data 2704–3000 of 3000 "holiday-photo.jpg"'],
      ['MSNP2P', 'p2p', 'P2P v1 session 94044 ACK of 102 (3000 bytes)'],
    ]);
    // The FIN exchange after them carries no packet: plain TCP.
    expect(rows.get(23)?.protocol).toBe('TCP');
  });
});
