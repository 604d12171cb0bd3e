// The Follow Stream dialog's blocks for a small stream built by hand: hex-dump offsets continue
// per direction across gaps, one direction hides the other, MSNP mode shows lines and bodies,
// and more than SHOWN_BYTES or SHOWN_BLOCKS is cut with a note.
import { describe, expect, it } from 'vitest';
import type { FollowedStream } from '../../src/shared/followed-stream';
import { blocksOf, SHOWN_BLOCKS, SHOWN_BYTES } from '../../src/renderer/features/follow-stream/follow-blocks';

const text = (s: string) => new TextEncoder().encode(s);

const stream: FollowedStream = {
  stream: 2,
  endpoints: ['10.0.0.1:40000', '10.0.0.2:1863'],
  byteCounts: [36, 13],
  missing: [10, 0],
  truncated: false,
  chunks: [
    { direction: 0, frame: 4, bytes: text('VER 1 MSNP8 CVR0\r\n') },
    { direction: 1, frame: 5, bytes: text('VER 1 MSNP8\r\n') },
    { direction: 0, frame: 7, bytes: text('MSG 2 N 4\r\nhi!\n'), gapBefore: 10 },
  ],
  commands: [
    { direction: 0, frame: 4, line: 'VER 1 MSNP8 CVR0', body: null },
    { direction: 1, frame: 5, line: 'VER 1 MSNP8', body: null },
    { direction: 0, frame: 7, line: 'MSG 2 N 4', body: text('hi!\n') },
  ],
};

describe('blocksOf', () => {
  it('numbers the hex dump by each direction’s stream offset, holes included', () => {
    const { blocks } = blocksOf(stream, 'hexdump', 'both');
    expect(blocks.map((b) => b.text.slice(0, 8))).toEqual(['00000000', '00000000', '0000001c']); // 18 + 10 = 0x1c
    expect(blocks.map((b) => b.gap)).toEqual([undefined, undefined, 10]);
    expect(blocks.map((b) => b.frame)).toEqual([4, 5, 7]);
  });

  it('shows one direction only when asked', () => {
    expect(blocksOf(stream, 'ascii', 1).blocks.map((b) => b.text)).toEqual(['VER 1 MSNP8\n']);
    expect(blocksOf(stream, 'ascii', 0).blocks.map((b) => b.direction)).toEqual([0, 0]);
  });

  it('shows MSNP commands with their bodies', () => {
    expect(blocksOf(stream, 'msnp', 'both').blocks.map((b) => b.text)).toEqual(['VER 1 MSNP8 CVR0', 'VER 1 MSNP8', 'MSG 2 N 4\nhi!\n']);
  });

  it('cuts past SHOWN_BYTES and says so', () => {
    const big = { ...stream, chunks: [{ direction: 0 as const, frame: 1, bytes: new Uint8Array(SHOWN_BYTES) }, { direction: 1 as const, frame: 2, bytes: text('more') }] };
    const { blocks, cut } = blocksOf(big, 'raw', 'both');
    expect(cut).toBe(true);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].text).toHaveLength(2 * SHOWN_BYTES);
  });

  it('cuts past SHOWN_BLOCKS blocks too', () => {
    const many = { ...stream, chunks: Array.from({ length: SHOWN_BLOCKS + 3 }, (_, i) => ({ direction: (i % 2) as 0 | 1, frame: i + 1, bytes: text('x') })) };
    const { blocks, cut } = blocksOf(many, 'ascii', 'both');
    expect(cut).toBe(true);
    expect(blocks).toHaveLength(SHOWN_BLOCKS);
  });
});
