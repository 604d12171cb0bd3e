// Selecting a command (or a part of it) in the tree highlights its bytes: ranges must point at
// the right bytes of the frame. Frame 211 of the pecan chat capture is alice's first MSG, one
// segment (tshark: tcp.len 198); frame 8 of the 2005 sample is a segment carrying two commands.
import { expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { mergeCaptures } from '../../src/main/engine/capture/merge-captures';
import type { FrameDetail, TreeNode } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';

async function detailOf(path: string, number: number): Promise<FrameDetail> {
  const { analyzer } = await analyzeCaptureFiles([path], { collectFrames: true });
  for await (const f of mergeCaptures([path])) if (f.number === number) return analyzer.describeFrame(f);
  throw new Error(`no frame ${number}`);
}

function find(nodes: TreeNode[], test: (n: TreeNode) => boolean): TreeNode | undefined {
  for (const n of nodes) {
    if (test(n)) return n;
    const inner = n.children && find(n.children, test);
    if (inner) return inner;
  }
  return undefined;
}

const textAt = (d: FrameDetail, r: [number, number] | undefined) => (r ? Buffer.from(d.bytes.subarray(r[0], r[0] + r[1])).toString('utf8') : '');

it('highlights the whole MSG and its chat text in frame 211', async () => {
  const d = await detailOf(CAPTURES.pecanChat, 211);
  const msg = find(d.tree, (n) => n.label.includes(': MSG 3 A 185'))!;
  expect(msg.range![1]).toBe(198);
  expect(msg.range![0] + 198).toBe(d.bytes.length);
  expect(textAt(d, msg.range)).toMatch(/^MSG 3 A 185\r\nMIME-Version: 1\.0\r\n[\s\S]*Hi Bob! This is message 1 from Alice\.$/);
  const body = find(msg.children ?? [], (n) => n.label.startsWith('Body'))!;
  expect(textAt(d, body.range)).toMatch(/^MIME-Version: 1\.0\r\n[\s\S]*message 1 from Alice\.$/);
});

it('gives each of several commands in one segment its own bytes', async () => {
  // tshark: frame 68 (tcp.len 73) = "UUX 7 53\r\n" + a 53-byte <Data> body + "BLP 8 AL\r\n".
  const d = await detailOf(CAPTURES.pecanChat, 68);
  const uux = find(d.tree, (n) => n.label.includes(': UUX 7 53'))!;
  const blp = find(d.tree, (n) => n.label.includes(': BLP 8 AL'))!;
  expect(textAt(d, uux.range)).toBe('UUX 7 53\r\n<Data><PSM></PSM><CurrentMedia></CurrentMedia></Data>');
  expect(textAt(d, blp.range)).toBe('BLP 8 AL\r\n');
  expect(uux.range![0] + uux.range![1]).toBe(blp.range![0]);
});
