// A fuzzing run: generate case after case, run each in the child, and for each failure (crash,
// hang, OOM) confirm it in a fresh child, minimise it and store it as a regression. A failure is
// minimised once per run for each signature and kind of mutation (a hang has no message to tell
// two causes apart, the mutation that produced it does); later ones are only counted.

import { generateCase } from './case-generator';
import { CaseRunner } from './case-runner';
import { FAILING, failureSignature, type CaseOutcome, type OutcomeKind } from './case-outcome';
import { minimiseCapture } from './minimise';
import { storeRegression } from './regression-store';
import { loadSeeds } from './seed-corpus';

export interface CampaignOptions {
  cases: number;
  seed: number;
  /** Number of the first case (default 0): `firstCase: 35, cases: 1` reruns case 35 alone. */
  firstCase?: number;
  /** Stop after this long even if cases remain. */
  minutes?: number;
  timeoutMs: number;
  memoryMb: number;
  /** Where minimised failures are written (null: report only). */
  outDir: string | null;
  floodSize: number;
  /** Seeds cut to their first frames (for a short CI run). */
  maxSeedFrames?: number;
  seedDir?: string;
  /** Engine runs allowed for minimising one failure. */
  minimiseRuns: number;
  /** Wall time allowed for minimising one failure (default 5 min). */
  minimiseSeconds?: number;
  onCase?(index: number, outcome: CaseOutcome): void;
  onFailure?(failure: Failure): void;
}

export interface Failure {
  index: number;
  outcome: CaseOutcome;
  mutations: string[];
  /** Where the minimised case was stored (null when not stored: a repeat, or no outDir). */
  storedAt: string | null;
}

export interface CampaignReport {
  cases: number;
  counts: Record<OutcomeKind, number>;
  failures: Failure[];
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignReport> {
  const seeds = await loadSeeds(o.seedDir, o.maxSeedFrames);
  const runner = new CaseRunner({ timeoutMs: o.timeoutMs, memoryMb: o.memoryMb });
  const counts: Record<OutcomeKind, number> = { ok: 0, 'clean-error': 0, crash: 0, hang: 0, oom: 0 };
  const failures: Failure[] = [];
  const stored = new Set<string>();
  const deadline = o.minutes === undefined ? Infinity : Date.now() + o.minutes * 60_000;
  const first = o.firstCase ?? 0;
  let index = first;
  try {
    for (; index < first + o.cases && Date.now() < deadline; index++) {
      const c = generateCase(seeds, o.seed, index, { floodSize: o.floodSize });
      let outcome = await runner.run(c.bytes);
      if (FAILING.has(outcome.kind)) {
        // An earlier case's state cannot be the cause: the fresh child's outcome is the one kept.
        outcome = await runner.run(c.bytes, { fresh: true });
      }
      counts[outcome.kind]++;
      o.onCase?.(index, outcome);
      if (!FAILING.has(outcome.kind)) continue;
      const signature = failureSignature(outcome);
      let storedAt: string | null = null;
      const key = `${signature} after ${mutationFamily(c.mutations)}`;
      if (o.outDir && !stored.has(key)) {
        stored.add(key);
        const sameFailure = async (bytes: Uint8Array) => failureSignature(await runner.run(bytes)) === signature;
        const small = await minimiseCapture(c.bytes, sameFailure, { runs: o.minimiseRuns, until: Date.now() + (o.minimiseSeconds ?? 300) * 1000 });
        storedAt = storeRegression(o.outDir, small, {
          seed: o.seed,
          case: index,
          source: c.source,
          mutations: c.mutations,
          found: { outcome: outcome.kind, detail: outcome.detail.slice(0, 4000), bytes: c.bytes.length, date: new Date().toISOString() },
          minimisedBytes: small.length,
        });
      }
      const failure = { index, outcome, mutations: c.mutations, storedAt };
      failures.push(failure);
      o.onFailure?.(failure);
    }
  } finally {
    runner.close();
  }
  return { cases: index - first, counts, failures };
}

/** The case's main mutation without its numbers: "crafted: N connections, …", "frame N: flip a bit …". */
function mutationFamily(mutations: string[]): string {
  const main = mutations[0]?.startsWith('crafted: ') ? mutations[0] : (mutations[1] ?? '');
  return main.replace(/\d+/g, 'N').split(',')[0];
}
