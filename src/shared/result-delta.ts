// Analysis results cross from the worker to the renderer as increments, not as the whole result
// again: each list (sessions, presence, expert…) says its new length and only the items that are
// new or changed since the previous delta, by index. The renderer applies a delta to the result
// it holds; the first delta of a capture starts from an empty result. An item whose long nested
// lists only grew or changed near their end (a session's transcript: `TAIL_FIELDS`) travels as a
// tail: its other fields, and of each such list only the elements from the first one that changed.

import type { AnalysisResult } from './model';

export const RESULT_LISTS = ['connections', 'sessions', 'contacts', 'presence', 'offlineMessages', 'endpoints', 'files', 'transfers', 'expert', 'expertGroups'] as const;
export type ResultList = (typeof RESULT_LISTS)[number];

/** Nested lists sent as tails: a session of 1,000 messages that gets one more sends one. */
export const TAIL_FIELDS: { readonly [K in ResultList]?: readonly string[] } = { sessions: ['messages', 'events'] };

/** Per tail field, the index of the first element the tail holds: the receiver keeps those before it. */
export type TailStarts = Record<string, number>;

export interface ListDelta<T> {
  length: number;
  /** [index, item] for every index whose item is new or differs from the last delta's. */
  changed: Array<[number, T]>;
  /**
   * [index, item, starts] for items the receiver holds already: item's fields other than its
   * tail fields are whole; each tail field holds only the elements from starts[field] on.
   */
  tails?: Array<[number, T, TailStarts]>;
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

/** `item` with each tail field's first starts[field] elements taken from `held` (the item the receiver has). */
export function joinTail<T>(held: T | undefined, item: T, starts: TailStarts): T {
  const joined = { ...item } as Record<string, unknown>;
  for (const [field, start] of Object.entries(starts)) {
    const before = (held as Record<string, unknown> | undefined)?.[field];
    const after = joined[field];
    if (!Array.isArray(after) || !Number.isSafeInteger(start) || start <= 0) continue;
    joined[field] = (Array.isArray(before) ? before.slice(0, start) : []).concat(after);
  }
  return joined as T;
}

function applyList<T>(previous: readonly T[], delta: ListDelta<T> | undefined): T[] {
  if (!delta) return previous as T[];
  const length = Number.isSafeInteger(delta.length) && delta.length >= 0 ? delta.length : previous.length;
  const next = previous.length === length ? previous.slice() : previous.slice(0, length);
  const inRange = (index: number) => Number.isSafeInteger(index) && index >= 0 && index < length;
  for (const entry of Array.isArray(delta.changed) ? delta.changed : []) {
    const [index, item] = entry;
    if (inRange(index)) next[index] = item;
  }
  for (const entry of Array.isArray(delta.tails) ? delta.tails : []) {
    const [index, item, starts] = entry;
    if (inRange(index) && starts && typeof starts === 'object') next[index] = joinTail(previous[index], item, starts);
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
