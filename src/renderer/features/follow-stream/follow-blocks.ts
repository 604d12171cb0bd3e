// What the Follow Stream dialog draws for a mode and a direction: one block per chunk (with the
// gap before it), or one per MSNP command, at most SHOWN_BYTES in SHOWN_BLOCKS blocks (the back
// end may send up to 8 MiB in 100,000 chunks; more would not be read on screen and would slow
// the window).

import type { FollowDirection, FollowedStream } from '../../../shared/followed-stream';
import { chunkText, utf8Text, type FollowMode } from './follow-text';

/** Past either, the view says it left the rest out. */
export const SHOWN_BYTES = 1 << 20;
export const SHOWN_BLOCKS = 5000;

/** Both directions, or one. */
export type Shown = 'both' | FollowDirection;

export interface Block {
  key: number;
  direction: FollowDirection;
  frame: number;
  gap?: number;
  text: string;
}

/** The blocks a mode shows: one per chunk (a gap first when bytes are missing before it), or one per command. */
export function blocksOf(data: FollowedStream, mode: FollowMode, shown: Shown): { blocks: Block[]; cut: boolean } {
  const blocks: Block[] = [];
  const wanted = (d: FollowDirection) => shown === 'both' || shown === d;
  let budget = SHOWN_BYTES;
  if (mode === 'msnp') {
    for (const [i, c] of (data.commands ?? []).entries()) {
      if (!wanted(c.direction)) continue;
      if (budget <= 0 || blocks.length >= SHOWN_BLOCKS) return { blocks, cut: true };
      const body = c.body && c.body.length ? `\n${utf8Text(c.body.subarray(0, budget))}` : '';
      budget -= c.line.length + (c.body?.length ?? 0);
      blocks.push({ key: i, direction: c.direction, frame: c.frame, text: `${c.line}${c.malformed ? `  [${c.malformed}]` : ''}${body}` });
    }
    return { blocks, cut: false };
  }
  const offsets = [0, 0];
  for (const [i, c] of data.chunks.entries()) {
    const start = offsets[c.direction] + (c.gapBefore ?? 0);
    offsets[c.direction] = start + c.bytes.length;
    if (!wanted(c.direction)) continue;
    if (budget <= 0 || blocks.length >= SHOWN_BLOCKS) return { blocks, cut: true };
    const bytes = c.bytes.subarray(0, budget);
    budget -= bytes.length;
    blocks.push({ key: i, direction: c.direction, frame: c.frame, gap: c.gapBefore, text: chunkText(mode, bytes, start) });
  }
  return { blocks, cut: false };
}
