// Two result increments in a row as one: what a receiver that applies `merged` ends up with is
// what it would have after applying `earlier` then `later` (applyResultDelta). Lets a sender
// that is behind coalesce increments instead of queueing every one. Plain TypeScript.

import { joinTail, RESULT_LISTS, type ListDelta, type ResultDelta, type TailStarts } from './result-delta';

/** What one index of a merged list carries: a whole item, or a tail of one the receiver holds. */
type Entry<T> = { item: T; starts: TailStarts | null };

/** Tail `later` applied after tail `earlier`: one tail from the smaller start of each field. */
function mergeTails<T>(earlier: Entry<T>, later: Entry<T> & { starts: TailStarts }): Entry<T> {
  const starts: TailStarts = {};
  const item = { ...later.item } as Record<string, unknown>;
  const before = earlier.item as Record<string, unknown>;
  for (const [field, start] of Object.entries(later.starts)) {
    const first = earlier.starts?.[field] ?? start;
    starts[field] = Math.min(first, start);
    const own = before[field];
    if (start > first && Array.isArray(own) && Array.isArray(item[field])) item[field] = own.slice(0, start - first).concat(item[field]);
  }
  return { item: item as T, starts };
}

function mergeList<T>(earlier: ListDelta<T> | undefined, later: ListDelta<T> | undefined): ListDelta<T> | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  const byIndex = new Map<number, Entry<T>>();
  for (const [index, item] of earlier.changed) if (index < later.length) byIndex.set(index, { item, starts: null });
  for (const [index, item, starts] of earlier.tails ?? []) if (index < later.length) byIndex.set(index, { item, starts });
  for (const [index, item] of later.changed) byIndex.set(index, { item, starts: null });
  for (const [index, item, starts] of later.tails ?? []) {
    const held = byIndex.get(index);
    if (!held) byIndex.set(index, { item, starts });
    // A whole item then a tail of it: the whole item, grown.
    else if (held.starts === null) byIndex.set(index, { item: joinTail(held.item, item, starts), starts: null });
    else byIndex.set(index, mergeTails(held, { item, starts }));
  }
  const entries = [...byIndex].sort((a, b) => a[0] - b[0]);
  const changed = entries.filter(([, e]) => e.starts === null).map(([i, e]): [number, T] => [i, e.item]);
  const tails = entries.filter(([, e]) => e.starts !== null).map(([i, e]): [number, T, TailStarts] => [i, e.item, e.starts!]);
  return tails.length > 0 ? { length: later.length, changed, tails } : { length: later.length, changed };
}

export function mergeResultDeltas(earlier: ResultDelta, later: ResultDelta): ResultDelta {
  const lists: ResultDelta['lists'] = {};
  for (const key of RESULT_LISTS) {
    const merged = mergeList(earlier.lists[key] as ListDelta<unknown> | undefined, later.lists[key] as ListDelta<unknown> | undefined);
    if (merged) (lists as Record<string, ListDelta<unknown>>)[key] = merged;
  }
  return { captures: later.captures, frames: later.frames, commandCounts: later.commandCounts, lists };
}
