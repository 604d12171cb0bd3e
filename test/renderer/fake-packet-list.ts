// An in-memory stand-in for the back end's packet list, for action tests: frames 1…N, a display
// filter of a few fixed expressions, a sort by frame number or length, and the three packet-list
// channels (frames:view, frames:rows, frames:position) answered from it with the same rules as
// the back end (a new view bumps the version; frames merged into a sorted order bump it too).
// Tests derive their expected frame numbers by hand from the same simple data.
import type { RequestChannel } from '../../src/shared/ipc-contract';
import type { FrameCounts, FramePage, SortSpec, ViewResponse } from '../../src/shared/packet-page';
import { createAnalyzerActions } from '../../src/renderer/app/analyzer-actions';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { reduceBackendEvents, type BackendEvent } from '../../src/renderer/store/apply-event';
import { fakeApi, memoryStorage } from './fake-analyzer-api';

/** The length column: 100 − (number mod 50), so a sort by length is not the frame order. */
export const lengthOf = (number: number): number => 100 - (number % 50);
export const timeOf = (number: number): number => 1_000_000 + number * 1000;

const FILTERS: Record<string, (n: number) => boolean> = {
  '': () => true,
  even: (n) => n % 2 === 0,
  odd: (n) => n % 2 === 1,
  'frame <= 10': (n) => n <= 10,
  none: () => false,
};

export class FakePacketList {
  frames = 0;
  filter = '';
  sort: SortSpec | null = null;
  version = 0;

  constructor(frames = 0) {
    this.frames = frames;
  }

  /** Frame numbers in display order. */
  order(): number[] {
    const shown = Array.from({ length: this.frames }, (_, i) => i + 1).filter(FILTERS[this.filter]);
    const sort = this.sort;
    if (!sort) return shown;
    const key = sort.column === 'length' ? lengthOf : (n: number) => n;
    const sign = sort.desc ? -1 : 1;
    return shown.sort((a, b) => sign * (key(a) - key(b) || a - b));
  }

  counts(): FrameCounts {
    return { frames: this.frames, displayed: this.order().length, version: this.version, firstTimeUs: this.frames > 0 ? timeOf(1) : null };
  }

  view(filter: string, sort: SortSpec | null): ViewResponse {
    if (!(filter in FILTERS)) return { ok: false, error: `unknown field "${filter}"`, position: 0 };
    this.filter = filter;
    this.sort = sort;
    this.version++;
    return { ok: true, counts: this.counts() };
  }

  /** Frames appended while loading; a sorted order changes under the rows shown: new version. */
  grow(count: number): FrameCounts {
    this.frames += count;
    if (this.sort) this.version++;
    return this.counts();
  }

  rows(start: number, count: number): FramePage {
    const order = this.order();
    const numbers = order.slice(start, start + count);
    return {
      ...this.counts(),
      start: Math.min(start, order.length),
      number: numbers,
      timeUs: numbers.map(timeOf),
      source: numbers.map(() => '10.0.0.1:1863'),
      destination: numbers.map(() => '10.0.0.2:50000'),
      protocol: numbers.map(() => 'MSNP'),
      length: numbers.map(lengthOf),
      info: numbers.map((n) => `MSG ${n}`),
      kind: numbers.map(() => 'chat' as const),
      stream: numbers.map(() => 0),
      connection: numbers.map(() => 1),
    };
  }

  position(number: number): number {
    return this.order().indexOf(number);
  }

  /** Answers the packet-list channels; undefined for the others. */
  handle(channel: RequestChannel, arg: unknown): unknown {
    const a = arg as { filter: string; sort: SortSpec | null; start: number; count: number; number: number };
    switch (channel) {
      case 'frames:view': return this.view(a.filter, a.sort);
      case 'frames:rows': return this.rows(a.start, a.count);
      case 'frames:position': return this.position(a.number);
      default: return undefined;
    }
  }
}

/** Frame numbers the cache shows at positions [from, to) (undefined where it has none). */
export function shownNumbers(cache: { row(position: number): { number: number } | undefined }, from: number, to: number): Array<number | undefined> {
  return Array.from({ length: to - from }, (_, i) => cache.row(from + i)?.number);
}

/** Numbers a…b (inclusive) stepping by `step`. */
export function range(a: number, b: number, step = 1): number[] {
  const out: number[] = [];
  if (step > 0) for (let n = a; n <= b; n += step) out.push(n);
  else for (let n = a; n >= b; n += step) out.push(n);
  return out;
}

/** A promise and its resolver, to hold an answer back until the test releases it. */
export function deferred(): { promise: Promise<void>; release: () => void } {
  let release = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

/**
 * A store and its actions on a fake back end holding `frames` frames. `hold(channel)` keeps the
 * answer to the next request of that channel back (the back end has already acted on it) until
 * the returned release is called; `failNext(channel)` makes the next request of that channel
 * throw. `other` answers the channels that are not the packet list's.
 */
export function packetListHarness(frames: number, other: (channel: RequestChannel, arg: unknown) => unknown = () => undefined) {
  const store = createAnalyzerStore();
  let list = new FakePacketList(frames);
  const held = new Map<RequestChannel, Promise<void>>();
  const failing = new Map<RequestChannel, number>();
  const fake = fakeApi(async (channel, arg) => {
    const failures = failing.get(channel) ?? 0;
    if (failures > 0) {
      failing.set(channel, failures - 1);
      throw new Error('connection closed');
    }
    const answer: unknown = list.handle(channel, arg) ?? other(channel, arg);
    const wait = held.get(channel);
    held.delete(channel);
    if (wait) await wait;
    return answer;
  });
  /** Applies back-end events as the event queue would; a malformed one fails the test. */
  const emit = (...events: BackendEvent[]): void => {
    store.setState((s) => reduceBackendEvents(s, events, (error) => { throw error; }));
  };
  const h = {
    store,
    /** The back end's packet list; a test may replace it (a new capture opened). */
    get list(): FakePacketList { return list; },
    set list(next: FakePacketList) { list = next; },
    ...fake,
    hold(channel: RequestChannel): () => void {
      const gate = deferred();
      held.set(channel, gate.promise);
      return gate.release;
    },
    failNext(channel: RequestChannel, times = 1): void {
      failing.set(channel, times);
    },
    emit,
    /** The back end opened a capture: reset, then its counts. */
    open(label = 'a.pcapng'): void {
      emit({ channel: 'analysis:reset', payload: { label, source: 'file' } }, { channel: 'frames:count', payload: list.counts() });
    },
    /** The frames:rows requests made since calls[from]. */
    rowRequests(from = 0): Array<{ start: number; count: number }> {
      return fake.calls.slice(from).filter((c) => c.channel === 'frames:rows').map((c) => c.arg as { start: number; count: number });
    },
  };
  const actions = createAnalyzerActions(h.api, store, { storage: memoryStorage(), download: () => {} });
  return Object.assign(h, { actions });
}
