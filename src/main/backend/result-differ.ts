// Turns successive analysis snapshots into increments (src/shared/result-delta.ts): for each list
// it remembers a hash of every item it has sent and sends only the items whose hash changed, so a
// growing capture costs the renderer and the IPC channel what is new, not the whole result again.
// Hashing still serialises each snapshot once, in the worker; the pacer spaces snapshots by their
// cost, so this stays a bounded share of the load. The window shows expert notes as groups
// (`expertGroups`), so the per-note list (up to 100,000 notes) stays here and is never sent.

import type { AnalysisResult } from '../../shared/model';
import { RESULT_LISTS, type ListDelta, type ResultDelta, type ResultList } from '../../shared/result-delta';

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

export class ResultDiffer {
  private readonly sent = new Map<ResultList, number[]>();

  delta(result: AnalysisResult): ResultDelta {
    const lists: ResultDelta['lists'] = {};
    for (const key of SENT_LISTS) {
      const items = result[key] as unknown[];
      const previous = this.sent.get(key) ?? [];
      const hashes = new Array<number>(items.length);
      const changed: Array<[number, unknown]> = [];
      for (let i = 0; i < items.length; i++) {
        hashes[i] = hashText(JSON.stringify(items[i]));
        if (hashes[i] !== previous[i]) changed.push([i, items[i]]);
      }
      this.sent.set(key, hashes);
      if (changed.length > 0 || items.length !== previous.length) {
        (lists as Record<ResultList, ListDelta<unknown>>)[key] = { length: items.length, changed };
      }
    }
    return { captures: result.captures, frames: result.frames, commandCounts: result.commandCounts, lists };
  }
}
