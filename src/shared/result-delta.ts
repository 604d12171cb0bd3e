// Analysis results cross from the worker to the renderer as increments, not as the whole result
// again: each list (sessions, presence, expert…) says its new length and only the items that are
// new or changed since the previous delta, by index. The renderer applies a delta to the result
// it holds; the first delta of a capture starts from an empty result.

import type { AnalysisResult } from './model';

export const RESULT_LISTS = ['connections', 'sessions', 'contacts', 'presence', 'offlineMessages', 'endpoints', 'files', 'transfers', 'expert', 'expertGroups'] as const;
export type ResultList = (typeof RESULT_LISTS)[number];

export interface ListDelta<T> {
  length: number;
  /** [index, item] for every index whose item is new or differs from the last delta's. */
  changed: Array<[number, T]>;
}

export interface ResultDelta {
  captures: AnalysisResult['captures'];
  frames: number;
  commandCounts: AnalysisResult['commandCounts'];
  lists: { [K in ResultList]?: ListDelta<AnalysisResult[K][number]> };
}

export function emptyResult(): AnalysisResult {
  return { captures: [], frames: 0, commandCounts: {}, connections: [], sessions: [], contacts: [], presence: [], offlineMessages: [], endpoints: [], files: [], transfers: [], expert: [], expertGroups: [] };
}

function applyList<T>(previous: readonly T[], delta: ListDelta<T> | undefined): T[] {
  if (!delta) return previous as T[];
  const length = Number.isSafeInteger(delta.length) && delta.length >= 0 ? delta.length : previous.length;
  const next = previous.length === length ? previous.slice() : previous.slice(0, length);
  for (const entry of Array.isArray(delta.changed) ? delta.changed : []) {
    const [index, item] = entry;
    if (Number.isSafeInteger(index) && index >= 0 && index < length) next[index] = item;
  }
  // A list that grew past an item the delta did not carry would hold a hole (only a malformed
  // delta does this): leave it out so the views can map over the list blindly.
  return next.includes(undefined as T) ? next.filter((item) => item !== undefined) : next;
}

/** The result after `delta`; `previous` is left untouched (views compare by identity). */
export function applyResultDelta(previous: AnalysisResult | null, delta: ResultDelta): AnalysisResult {
  const base = previous ?? emptyResult();
  const result: AnalysisResult = {
    captures: Array.isArray(delta.captures) ? delta.captures : base.captures,
    frames: typeof delta.frames === 'number' ? delta.frames : base.frames,
    commandCounts: delta.commandCounts && typeof delta.commandCounts === 'object' ? delta.commandCounts : base.commandCounts,
    connections: base.connections,
    sessions: base.sessions,
    contacts: base.contacts,
    presence: base.presence,
    offlineMessages: base.offlineMessages,
    endpoints: base.endpoints,
    files: base.files,
    transfers: base.transfers,
    expert: base.expert,
    expertGroups: base.expertGroups,
  };
  const lists = delta.lists && typeof delta.lists === 'object' ? delta.lists : {};
  for (const key of RESULT_LISTS) {
    (result[key] as unknown[]) = applyList(base[key] as unknown[], lists[key] as ListDelta<unknown> | undefined);
  }
  return result;
}
