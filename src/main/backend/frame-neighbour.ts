// Wireshark's "go to" moves over the display order, in the back end (the renderer holds only the
// rows on screen): the next or previous displayed packet (Ctrl+↓/↑), the next or previous one of
// the same conversation (Ctrl+. / Ctrl+,: the same tcp.stream), and the next or previous marked
// packet (Ctrl+Shift+N / Ctrl+Shift+B, wrapping around as Wireshark's do). One pass over
// display positions at worst, nothing allocated per frame.

import type { NeighbourKind, NeighbourRequest, NeighbourAnswer } from '../../shared/navigation';
import type { DisplayOrder } from './display-order';
import type { FrameBits } from './frame-bits';
import type { PacketTable } from './packet-table';

export interface NeighbourContext {
  table: PacketTable;
  order: DisplayOrder;
  marks: FrameBits;
}

/** Where a walk from frame index `from` starts: its display position, or (hidden) where it would be. */
export function startPosition(order: DisplayOrder, from: number, forward: boolean): number {
  if (from < 0) return forward ? -1 : order.displayed;
  const at = order.positionOf(from);
  if (at >= 0) return at;
  // A hidden frame: in frame order, between its displayed neighbours; sorted, from an end.
  if (order.inFrameOrder) {
    const next = order.insertionPoint(from);
    return forward ? next - 1 : next;
  }
  return forward ? -1 : order.displayed;
}

export function neighbour(ctx: NeighbourContext, request: NeighbourRequest): NeighbourAnswer {
  const { order, table } = ctx;
  order.catchUp();
  const count = order.displayed;
  const forward = request.direction === 'next';
  const from = request.from - 1;
  if (count === 0) return null;
  const start = startPosition(order, from < table.size ? from : -1, forward);
  const test = matcher(request.kind, ctx, from);
  if (!test) return null;
  const wraps = request.kind === 'marked';
  const step = forward ? 1 : -1;
  for (let n = 1; n <= count; n++) {
    let position = start + step * n;
    if (position < 0 || position >= count) {
      if (!wraps) return null;
      position = ((position % count) + count) % count;
    }
    const index = order.frameAt(position);
    if (test(index)) return { number: index + 1, position, wrapped: forward ? position <= start : position >= start };
  }
  return null;
}

/** What a frame must be to stop the walk; null when nothing can (a frame of no conversation). */
function matcher(kind: NeighbourKind, ctx: NeighbourContext, from: number): ((index: number) => boolean) | null {
  switch (kind) {
    case 'packet': return () => true;
    case 'marked': return ctx.marks.count > 0 ? (i) => ctx.marks.has(i) : null;
    case 'conversation': {
      const stream = from >= 0 && from < ctx.table.size ? ctx.table.stream(from) : -1;
      return stream >= 0 ? (i) => ctx.table.stream(i) === stream : null;
    }
  }
}
