// Export Packet Dissections on a big capture (test/helpers/big-capture.ts), in process: how long
// the CSV and the JSON of every frame take and how far the heap and resident memory grow while
// they are written, against the load itself. `npx tsx scripts/bench/export-bench.ts [frames]`.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisSession } from '../../src/main/backend/analysis-session';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import type { DissectionFormat } from '../../src/shared/export-requests';
import { writeBigCapture } from '../../test/helpers/big-capture';

const frames = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'msnp-export-bench-'));
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`;

try {
  const capture = join(dir, 'big.pcap');
  await writeBigCapture(capture, frames);
  const session = new AnalysisSession({ createAnalyzer: (o, l) => new Analyzer(o, l), readCaptures: mergeCaptureBatches, emit: () => {} });
  let started = performance.now();
  await session.load([capture], capture, {});
  global.gc?.();
  const base = process.memoryUsage();
  console.log(`${frames.toLocaleString('en-US')} frames loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; heap ${mib(base.heapUsed)}, RSS ${mib(base.rss)}`);
  for (const format of ['csv', 'json'] as DissectionFormat[]) {
    let peakHeap = 0;
    let peakRss = 0;
    const sample = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 50);
    started = performance.now();
    const out = join(dir, `export.${format}`);
    const written = await session.exportDissections(out, { format });
    clearInterval(sample);
    const seconds = (performance.now() - started) / 1000;
    console.log(`${format}: ${written.toLocaleString('en-US')} frames, ${mib(statSync(out).size)} in ${seconds.toFixed(1)} s (${Math.round(written / seconds).toLocaleString('en-US')} frames/s); peak heap ${mib(peakHeap)} (+${mib(peakHeap - base.heapUsed)}), peak RSS ${mib(peakRss)} (+${mib(peakRss - base.rss)})`);
    rmSync(out);
  }
  await session.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
