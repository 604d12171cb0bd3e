// Failing cases kept as regression tests: the (minimised) input next to a JSON sidecar saying
// where it came from (seed, case number, mutations), how it failed when found, and what
// test/fuzz-regressions/regressions.test.ts expects of it now.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutcomeKind, ResultSummary } from './case-outcome';

export const REGRESSIONS_DIR = fileURLToPath(new URL('../../test/fuzz-regressions/cases/', import.meta.url));

export interface Expectation {
  /** Outcomes accepted now (default: ok or clean-error). */
  outcome?: OutcomeKind[];
  /** Exact summary fields the result must have (when it is ok). */
  summary?: Partial<ResultSummary>;
}

export interface Sidecar {
  /** --seed and case number that produced it (null for a hand-built case). */
  seed: number | null;
  case: number | null;
  source: string | null;
  mutations: string[];
  /** How it failed when found. */
  found: { outcome: OutcomeKind; detail: string; bytes: number; date: string };
  minimisedBytes: number;
  expect?: Expectation;
  note?: string;
}

export interface StoredCase {
  name: string;
  path: string;
  sidecar: Sidecar;
}

function extensionOf(bytes: Uint8Array): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return '.pcap.gz';
  if (bytes[0] === 0x0a && bytes[1] === 0x0d && bytes[2] === 0x0d && bytes[3] === 0x0a) return '.pcapng';
  return '.pcap';
}

/** Writes `<outcome>-<sha1 prefix>.<ext>` and its `.json`; returns the input's path. */
export function storeRegression(dir: string, bytes: Uint8Array, sidecar: Sidecar): string {
  mkdirSync(dir, { recursive: true });
  const name = `${sidecar.found.outcome}-${createHash('sha1').update(bytes).digest('hex').slice(0, 10)}`;
  const path = join(dir, name + extensionOf(bytes));
  writeFileSync(path, bytes);
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(sidecar, null, 2) + '\n');
  return path;
}

export function listRegressions(dir = REGRESSIONS_DIR): StoredCase[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((json) => {
      const name = json.slice(0, -'.json'.length);
      const input = names.find((n) => n !== json && n.startsWith(`${name}.`));
      if (!input) throw new Error(`${json} has no input file beside it`);
      return { name, path: join(dir, input), sidecar: JSON.parse(readFileSync(join(dir, json), 'utf8')) as Sidecar };
    });
}
