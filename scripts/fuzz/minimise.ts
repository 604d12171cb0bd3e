// Shrinks a failing case while it still fails the same way: delta debugging (Zeller's ddmin)
// over the capture's records, then over its bytes; a gzipped case is first tried decompressed.
// Complements are tried before subsets: most failures need a few records spread over the file
// (a handshake, a segment, a FIN), which no half holds but many "all but one chunk" do.

import { gunzipSync } from 'node:zlib';
import { joinCapture, splitCapture } from './capture-records';

export type StillFails = (bytes: Uint8Array) => Promise<boolean>;

export interface Budget {
  /** Tests left; minimisation stops (keeping the smallest failing input so far) at zero. */
  runs: number;
  /** Date.now() after which no test starts (a slow-input hang costs the whole time limit a test). */
  until?: number;
}

const hasRunsLeft = (b: Budget): boolean => b.runs > 0 && (b.until === undefined || Date.now() < b.until);

/** The smallest sublist (1-minimal when the budget allows) for which `fails` still holds. */
export async function ddmin<T>(items: T[], fails: (items: T[]) => Promise<boolean>, budget: Budget): Promise<T[]> {
  let current = items;
  let n = 2;
  while (current.length >= 2 && hasRunsLeft(budget)) {
    const size = Math.ceil(current.length / n);
    const chunks: T[][] = [];
    for (let i = 0; i < current.length; i += size) chunks.push(current.slice(i, i + size));
    let reduced = false;
    for (let i = 0; i < chunks.length && hasRunsLeft(budget) && !reduced; i++) {
      const complement = chunks.filter((_, j) => j !== i).flat();
      budget.runs--;
      if (await fails(complement)) {
        current = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
      }
    }
    for (let i = 0; i < chunks.length && hasRunsLeft(budget) && !reduced && n > 2; i++) {
      budget.runs--;
      if (await fails(chunks[i])) {
        current = chunks[i];
        n = 2;
        reduced = true;
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(current.length, n * 2);
    }
  }
  return current;
}

export async function minimiseCapture(bytes: Uint8Array, stillFails: StillFails, budget: Budget): Promise<Uint8Array> {
  let best = bytes;
  const plain = gunzipped(best);
  if (plain && hasRunsLeft(budget)) {
    budget.runs--;
    if (await stillFails(plain)) best = plain;
  }
  const capture = splitCapture(best);
  if (capture.format !== 'unknown' && capture.records.length > 1) {
    const records = await ddmin(capture.records, (r) => stillFails(joinCapture({ header: capture.header, records: r })), budget);
    best = joinCapture({ header: capture.header, records });
  }
  const kept = await ddmin(Array.from(best), (b) => stillFails(Uint8Array.from(b)), budget);
  return Uint8Array.from(kept);
}

function gunzipped(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return null;
  try {
    return new Uint8Array(gunzipSync(bytes));
  } catch {
    return null;
  }
}
