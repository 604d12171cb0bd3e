// Turns successive analysis snapshots into increments (src/shared/result-delta.ts): for each list
// it remembers a hash of every item it has sent and sends only the items whose hash changed, so a
// growing capture costs the renderer and the IPC channel what is new, not the whole result again.
// Hashing still serialises each snapshot once, in the worker; the pacer spaces snapshots by their
// cost, so this stays a bounded share of the load. The window shows expert notes as groups
// (`expertGroups`), so the per-note list (up to 100,000 notes) stays here and is never sent.
// A session's messages and events (TAIL_FIELDS) are hashed one by one and sent from the first
// that changed: a session that is still chatting costs its new lines, not its whole transcript
// again (on the 200 MB MSNP-dense corpus, increments of 1.2–4.2 MB were nearly all transcripts).

import type { AnalysisResult } from '../../shared/model';
import { RESULT_LISTS, TAIL_FIELDS, type ListDelta, type ResultDelta, type ResultList, type TailStarts } from '../../shared/result-delta';

/** FNV-1a over the UTF-16 code units, two lanes: a collision would need both to match. */
function hashText(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

const SENT_LISTS = RESULT_LISTS.filter((key) => key !== 'expert');

/** What was sent of one item of a list with tail fields: its other fields' hash, and each tail's element hashes. */
interface SentWithTails {
  rest: number;
  tails: number[][];
}

/** Index of the first element whose hash differs from what was sent (sent.length when none does). */
function firstChange(now: number[], sent: number[]): number {
  let i = 0;
  while (i < now.length && i < sent.length && now[i] === sent[i]) i++;
  return i;
}

export class ResultDiffer {
  private readonly sent = new Map<ResultList, number[]>();
  private readonly sentWithTails = new Map<ResultList, SentWithTails[]>();

  delta(result: AnalysisResult): ResultDelta {
    const lists: ResultDelta['lists'] = {};
    for (const key of SENT_LISTS) {
      const fields = TAIL_FIELDS[key];
      const delta = fields ? this.tailDelta(key, result[key] as unknown[], fields) : this.listDelta(key, result[key] as unknown[]);
      if (delta) (lists as Record<ResultList, ListDelta<unknown>>)[key] = delta;
    }
    return { captures: result.captures, frames: result.frames, commandCounts: result.commandCounts, lists };
  }

  private listDelta(key: ResultList, items: unknown[]): ListDelta<unknown> | null {
    const previous = this.sent.get(key) ?? [];
    const hashes = new Array<number>(items.length);
    const changed: Array<[number, unknown]> = [];
    for (let i = 0; i < items.length; i++) {
      hashes[i] = hashText(JSON.stringify(items[i]));
      if (hashes[i] !== previous[i]) changed.push([i, items[i]]);
    }
    this.sent.set(key, hashes);
    return changed.length > 0 || items.length !== previous.length ? { length: items.length, changed } : null;
  }

  private tailDelta(key: ResultList, items: unknown[], fields: readonly string[]): ListDelta<unknown> | null {
    const previous = this.sentWithTails.get(key) ?? [];
    const now: SentWithTails[] = new Array(items.length);
    const changed: Array<[number, unknown]> = [];
    const tails: Array<[number, unknown, TailStarts]> = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Record<string, unknown>;
      const rest: Record<string, unknown> = { ...item };
      for (const field of fields) delete rest[field];
      const hashes = fields.map((field) => (Array.isArray(item[field]) ? item[field] : []).map((e) => hashText(JSON.stringify(e))));
      now[i] = { rest: hashText(JSON.stringify(rest)), tails: hashes };
      const sent = previous[i];
      if (!sent) {
        changed.push([i, item]);
        continue;
      }
      const starts = fields.map((_, f) => firstChange(hashes[f], sent.tails[f]));
      const same = sent.rest === now[i].rest && starts.every((start, f) => start === hashes[f].length && start === sent.tails[f].length);
      if (same) continue;
      const tail: Record<string, unknown> = { ...rest };
      const at: TailStarts = {};
      fields.forEach((field, f) => {
        at[field] = starts[f];
        if (Array.isArray(item[field])) tail[field] = (item[field] as unknown[]).slice(starts[f]);
      });
      tails.push([i, tail, at]);
    }
    this.sentWithTails.set(key, now);
    if (changed.length === 0 && tails.length === 0 && items.length === previous.length) return null;
    return tails.length > 0 ? { length: items.length, changed, tails } : { length: items.length, changed };
  }
}
