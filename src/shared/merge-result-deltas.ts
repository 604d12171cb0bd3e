// Two result increments in a row as one: what a receiver that applies `merged` ends up with is
// what it would have after applying `earlier` then `later` (applyResultDelta). Lets a sender
// that is behind coalesce increments instead of queueing every one. Plain TypeScript.

import { RESULT_LISTS, type ListDelta, type ResultDelta } from './result-delta';

function mergeList<T>(earlier: ListDelta<T> | undefined, later: ListDelta<T> | undefined): ListDelta<T> | undefined {
  if (!earlier) return later;
  if (!later) return earlier;
  const byIndex = new Map<number, T>();
  for (const [index, item] of earlier.changed) if (index < later.length) byIndex.set(index, item);
  for (const [index, item] of later.changed) byIndex.set(index, item);
  return { length: later.length, changed: [...byIndex].sort((a, b) => a[0] - b[0]) };
}

export function mergeResultDeltas(earlier: ResultDelta, later: ResultDelta): ResultDelta {
  const lists: ResultDelta['lists'] = {};
  for (const key of RESULT_LISTS) {
    const merged = mergeList(earlier.lists[key] as ListDelta<unknown> | undefined, later.lists[key] as ListDelta<unknown> | undefined);
    if (merged) (lists as Record<string, ListDelta<unknown>>)[key] = merged;
  }
  return { captures: later.captures, frames: later.frames, commandCounts: later.commandCounts, lists };
}
