// npm run fuzz -- --cases N --seed S [--minutes M] [--timeout-ms T] [--memory-mb M] [--out DIR]
//                 [--flood-size N] [--seeds DIR] [--seed-frames N] [--from CASE] [--minimise-runs N]
//                 [--minimise-seconds N]
// Mutates the real captures and crafted structures, runs each case through the engine in a child
// with a time limit and a memory cap, and writes every new failure, minimised, with its JSON
// sidecar under --out (default test/fuzz-regressions/cases). Exit code 1 when anything failed.

import { parseArgs } from 'node:util';
import { runCampaign } from './fuzz-campaign';
import { REGRESSIONS_DIR } from './regression-store';

const { values } = parseArgs({
  options: {
    cases: { type: 'string' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    minutes: { type: 'string' },
    'timeout-ms': { type: 'string', default: '5000' },
    'memory-mb': { type: 'string', default: '512' },
    out: { type: 'string', default: REGRESSIONS_DIR },
    'flood-size': { type: 'string', default: '5000' },
    seeds: { type: 'string' },
    'seed-frames': { type: 'string' },
    from: { type: 'string', default: '0' },
    'minimise-runs': { type: 'string', default: '400' },
    'minimise-seconds': { type: 'string', default: '300' },
  },
});

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0)) throw new Error(`--${name} wants a positive number, not '${text}'`);
  return n;
}

const minutes = positive('minutes', values.minutes);
const cases = positive('cases', values.cases) ?? (minutes === undefined ? 1000 : Infinity);
const seed = Number(values.seed);
process.stdout.write(`fuzz: seed ${seed}, ${cases === Infinity ? 'unbounded' : cases} cases${minutes ? `, at most ${minutes} min` : ''}, failures to ${values.out}\n`);
const started = Date.now();
const report = await runCampaign({
  cases,
  seed,
  minutes,
  timeoutMs: positive('timeout-ms', values['timeout-ms'])!,
  memoryMb: positive('memory-mb', values['memory-mb'])!,
  outDir: values.out!,
  floodSize: positive('flood-size', values['flood-size'])!,
  seedDir: values.seeds,
  maxSeedFrames: positive('seed-frames', values['seed-frames']),
  firstCase: Number(values.from),
  minimiseRuns: positive('minimise-runs', values['minimise-runs'])!,
  minimiseSeconds: positive('minimise-seconds', values['minimise-seconds']),
  onCase: (index) => {
    if ((index + 1) % 100 === 0) process.stdout.write(`  ${index + 1} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  },
  onFailure: (f) => {
    process.stdout.write(`  case ${f.index}: ${f.outcome.kind} — ${f.outcome.detail.split('\n')[0]}\n    ${f.mutations.join('; ')}\n    ${f.storedAt ? `stored as ${f.storedAt}` : 'same failure as one stored in this run'}\n`);
  },
});
const counts = Object.entries(report.counts).map(([k, n]) => `${k} ${n}`).join(', ');
process.stdout.write(`fuzz: ${report.cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}\n`);
process.exitCode = report.failures.length ? 1 : 0;
