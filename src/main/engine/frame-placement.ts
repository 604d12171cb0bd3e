// Places a command's tree in its frame: the command tree's ranges are relative to the command's
// first byte; a frame holds a known piece of the command's stream. Ranges are moved to frame
// offsets and clipped to the piece (a command cut by segments shows, in each frame, its part).

import type { Direction, TreeNode } from '../../shared/model';

/** A piece of a direction's stream that is a view of the frame's own bytes. */
export interface FramePiece {
  connection: number;
  direction: Direction;
  streamStart: number;
  length: number;
  /** Offset of the piece in the frame's bytes. */
  frameOffset: number;
}

/**
 * Moves `node`'s ranges (relative to a command starting at `commandOffset` in the stream, and
 * `commandLength` long) into the frame; nodes outside the piece lose their range.
 */
export function placeCommandTree(node: TreeNode, commandOffset: number, commandLength: number, piece: FramePiece): void {
  const shift = piece.frameOffset + commandOffset - piece.streamStart;
  const lo = piece.frameOffset;
  const hi = piece.frameOffset + piece.length;
  node.range ??= [0, commandLength];
  const stack: TreeNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as TreeNode;
    if (n.range) {
      const start = Math.max(lo, n.range[0] + shift);
      const end = Math.min(hi, n.range[0] + shift + n.range[1]);
      if (end > start) n.range = [start, end - start];
      else delete n.range;
    }
    if (n.children) stack.push(...n.children);
  }
}
