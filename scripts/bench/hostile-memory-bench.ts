// Figures for the memory budget (issue 11, defect 6) at the sizes and the default budget
// (512 MiB): 20,000 MSNP connections each holding 64 KB behind a hole, and 200,000 connections
// that never close, generated frame by frame (test/helpers/connection-flood.ts) and analysed in a
// child with --expose-gc that measures the growth of heap + array buffers. Before the budget the
// issue measured 1.9 GB and 1.6 GB. `--compare` also runs each without a budget (needs that much
// memory). Run: npx tsx scripts/bench/hostile-memory-bench.ts [--compare]

import { spawnSync } from 'node:child_process';

const CHILD = 'test/helpers/flood-memory-child.ts';
const MiB = 1024 * 1024;
const cases = [
  { label: '20,000 connections × 64 KB held behind a hole', args: ['held', '20000', '65000'] },
  { label: '200,000 connections never closed', args: ['never', '200000', '0'] },
];
const budgets = process.argv.includes('--compare') ? [512, 1_000_000] : [512];

for (const { label, args } of cases) {
  for (const budget of budgets) {
    const run = spawnSync(process.execPath, ['--expose-gc', '--single-threaded-gc', '--max-old-space-size=4096', '--import', 'tsx', CHILD, ...args, String(budget), '20000'], { encoding: 'utf8', maxBuffer: 16 * MiB });
    if (run.status !== 0) {
      process.stdout.write(`${label}, budget ${budget} MiB: failed\n${run.stderr}\n`);
      continue;
    }
    const f = JSON.parse(run.stdout) as { peakGrowthBytes: number; frames: number; seconds: number; ver: number; connections: number; evictionNotes: number };
    const name = budget >= 1_000_000 ? 'no budget' : `budget ${budget} MiB`;
    process.stdout.write(`${label}, ${name}: peak growth ${(f.peakGrowthBytes / MiB).toFixed(0)} MiB (heap + array buffers after GC), ${f.frames.toLocaleString('en')} frames in ${f.seconds.toFixed(1)} s, ${f.evictionNotes} eviction notes, ${f.ver.toLocaleString('en')} VER decoded\n`);
  }
}
