// Find Packet over the display order, in the back end: from the selected frame onwards (or
// backwards), wrapping around at the end as Wireshark does, each displayed frame tested at most
// once. The walk yields to the event loop every few milliseconds, so rows, details and a Cancel
// are answered meanwhile; it stops when cancelled, when a newer search starts, or past its time
// bound, and says how far it got.

import type { FindAnswer, FindRequest } from '../../shared/navigation';
import type { DisplayOrder } from './display-order';
import { frameTest, type FrameTexts } from './find-matcher';
import { startPosition } from './frame-neighbour';

export interface SearchLimits {
  /** Longest a search runs before it gives up (default 60 s). */
  maxMs: number;
  /** Longest stretch between two turns of the event loop (default 10 ms). */
  sliceMs: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxMs: 60_000, sliceMs: 10 };

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FrameSearch {
  /** Bumped by every search and every cancel: a search whose generation is old stops. */
  private generation = 0;

  constructor(private readonly order: DisplayOrder, private readonly texts: FrameTexts, private readonly limits: SearchLimits = DEFAULT_SEARCH_LIMITS) {}

  cancel(): void {
    this.generation++;
  }

  async find(request: FindRequest): Promise<FindAnswer> {
    const mine = ++this.generation;
    const built = frameTest(request);
    if (!built.ok) return { error: built.error };
    const order = this.order;
    order.catchUp();
    const count = order.displayed;
    const forward = request.direction === 'next';
    const start = startPosition(order, request.from - 1, forward);
    const began = performance.now();
    let sliceStart = began;
    for (let n = 1; n <= count; n++) {
      if (performance.now() - sliceStart >= this.limits.sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
        if (this.generation !== mine) return { found: false, searched: n - 1, stopped: 'cancelled' };
        if (sliceStart - began >= this.limits.maxMs) return { found: false, searched: n - 1, stopped: 'time-limit' };
      }
      const raw = start + (forward ? n : -n);
      const position = ((raw % count) + count) % count;
      // Positions move if frames were merged into a sorted order meanwhile: stop rather than skip.
      if (position >= order.displayed) break;
      const index = order.frameAt(position);
      if (await built.test(index, this.texts)) {
        return { found: true, number: index + 1, position, wrapped: raw < 0 || raw >= count };
      }
    }
    return { found: false, searched: count, stopped: 'no' };
  }
}
