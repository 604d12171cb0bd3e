// npm run bench: builds the reproducible corpora (≥ 200 MB each; plus quarter-size ones to show
// that memory stays flat as the file grows) and prints the engine's MB/s, packets/s and peak
// memory beside tshark -r (when installed) and a raw read of the same file. Two corpora:
// MSNP-dense (one packet in four is MSNP: the MSNP analysis dominates) and network mix (one in
// thirty: per-packet decoding and reassembly dominate); see corpus.ts.

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { buildCorpus, type CorpusMix } from './corpus';
import { measure, type Measurement } from './measure';

const MB = 1024 * 1024;
const dir = join(process.cwd(), 'bench-data');
mkdirSync(dir, { recursive: true });
const targetMb = Number(process.env.BENCH_MB ?? 200);
const sizes = [Math.round(targetMb / 4), targetMb];
const CORPORA: Array<{ mix: CorpusMix; title: string; file: (size: number) => string }> = [
  { mix: 'msnp-dense', title: 'MSNP-dense corpus (1 packet in 4 is MSNP: the MSNP analysis dominates)', file: (size) => `corpus-${size}mb.pcap` },
  { mix: 'network-mix', title: 'Network-mix corpus (1 packet in 30 is MSNP, the rest HTTPS downloads and DNS: decoding and reassembly dominate)', file: (size) => `corpus-mix-${size}mb.pcap` },
];
// Bundle the runners so every measured process starts as fast as plain Node (no TS loader).
const runners = join(dir, 'runners');
await build({
  entryPoints: { 'engine-run': 'scripts/bench/engine-run.ts', 'raw-read': 'scripts/bench/raw-read.ts' },
  outdir: runners, bundle: true, platform: 'node', format: 'esm', target: 'node20', outExtension: { '.js': '.mjs' }, logLevel: 'warning',
});
const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;

function line(label: string, m: Measurement, bytes: number, frames: number): string {
  const mbs = bytes / MB / m.seconds;
  return `  ${label.padEnd(10)} ${m.seconds.toFixed(2).padStart(7)} s  ${mbs.toFixed(1).padStart(8)} MB/s  ${Math.round(frames / m.seconds).toLocaleString('en').padStart(11)} packets/s  peak ${m.peakRssMb === null ? '?' : m.peakRssMb.toFixed(0)} MB`;
}

const summary: string[] = [];
for (const corpus of CORPORA) {
  process.stdout.write(`\n=== ${corpus.title}\n`);
  for (const size of sizes) {
    const path = join(dir, corpus.file(size));
    if (!existsSync(path)) {
      process.stdout.write(`building ${path} …\n`);
      await buildCorpus(path, size * MB, corpus.mix);
    }
    const bytes = statSync(path).size;
    const engine = await measure(process.execPath, [join(runners, 'engine-run.mjs'), path]);
    const frames = Number(/frames=(\d+)/.exec(engine.stdout)?.[1] ?? 0);
    process.stdout.write(`\n${path}: ${(bytes / MB).toFixed(1)} MB, ${frames.toLocaleString('en')} frames (${engine.stdout.trim().replace(/ maxRssKb=\d+/, '')})\n`);
    process.stdout.write(line('engine', engine, bytes, frames) + '\n');
    const inside = Number(/analysisSeconds=([\d.]+)/.exec(engine.stdout)?.[1] ?? NaN);
    process.stdout.write(`  (engine inside the process, without Node start-up: ${inside.toFixed(2)} s, ${(bytes / MB / inside).toFixed(1)} MB/s)\n`);
    const raw = await measure(process.execPath, [join(runners, 'raw-read.mjs'), path]);
    process.stdout.write(line('raw read', raw, bytes, frames) + '\n');
    let versus = 'no tshark';
    if (hasTshark) {
      const tshark = await measure('sh', ['-c', `exec tshark -n -r '${path}' > /dev/null 2>&1`]);
      process.stdout.write(line('tshark -r', tshark, bytes, frames) + '\n');
      versus = `${(tshark.seconds / engine.seconds).toFixed(1)}× tshark`;
      process.stdout.write(`  engine vs tshark: ${(tshark.seconds / engine.seconds).toFixed(1)}× the throughput (goal ≥ 10×)\n`);
    } else {
      process.stdout.write('  tshark not installed: no comparison\n');
    }
    summary.push(`  ${corpus.mix.padEnd(12)} ${String(size).padStart(4)} MB: engine ${(bytes / MB / engine.seconds).toFixed(0).padStart(4)} MB/s (${versus}, ${(engine.seconds / raw.seconds).toFixed(1)}× a raw read's time), peak ${engine.peakRssMb?.toFixed(0) ?? '?'} MB`);
  }
}
process.stdout.write(`\nSummary (wall time of whole processes, Node start-up included):\n${summary.join('\n')}\n`);

// ---- The window: the same back end in the browser mode, driven in Chromium (window-bench.ts).
if (process.env.BENCH_WINDOW !== '0') {
  const { benchWindow } = await import('./window-bench');
  const { writeBigCapture } = await import('../../test/helpers/big-capture');
  const many = join(dir, 'corpus-3m-frames.pcap');
  if (!existsSync(many)) await writeBigCapture(many, 3_000_000);
  const files = [join(dir, CORPORA[0].file(targetMb)), join(dir, CORPORA[1].file(targetMb)), many];
  process.stdout.write('\n=== The window (browser mode in Chromium; Playwright\'s network tracking inflates WebSocket timings by ~40 %)\n');
  for (const path of files) {
    const engine = await measure(process.execPath, [join(runners, 'engine-run.mjs'), path]);
    const w = await benchWindow(path);
    const ms = (v: number | null) => (v === null ? 'n/a (loaded first)' : `${v.toFixed(0)} ms`);
    process.stdout.write(`\n${path}: ${w.frames.toLocaleString('en')} frames\n`
      + `  first rows ${w.firstRowsSeconds.toFixed(2)} s · loaded in full ${w.loadedSeconds.toFixed(2)} s · engine alone ${engine.seconds.toFixed(2)} s → window/engine ${(w.loadedSeconds / engine.seconds).toFixed(1)}× (goal ≤ 1.5×)\n`
      + `  click → tree: ${ms(w.clickToTreeDuringMs)} during the load, ${ms(w.clickToTreeAfterMs)} after · filter: ${ms(w.filterDuringMs)} during, ${ms(w.filterAfterMs)} after\n`
      + `  renderer JS heap ${w.rendererHeapMb.toFixed(1)} MB · back end RSS peak ${w.backendPeakMb.toFixed(0)} MB, at the end ${w.backendFinalMb.toFixed(0)} MB (${((w.backendFinalMb * 1024 * 1024) / Math.max(1, w.frames)).toFixed(0)} B/frame incl. Node and results)\n`);
  }
}
