// Child-process side of the memory-budget tests and figures: runs the whole analysis over a
// connection flood (connection-flood.ts) with a given memory budget, measuring the growth of the
// JS heap plus array buffers after a forced GC every few thousand frames (run with --expose-gc,
// and --single-threaded-gc so freed array buffers are swept before they are counted).
// Prints JSON: { peakGrowthBytes, frames, seconds, ver, connections, evictionNotes }.
// Args: held|never <connections> <held bytes> <budget MiB> [frames between measurements, default 2000]
import { Analyzer } from '../../src/main/engine/analyzer';
import { heldBehindHoles, neverClosed } from './connection-flood';

const [kind, connections, held, budgetMiB] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
const every = Number(process.argv[6] ?? 2000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function used(): number {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const analyzer = new Analyzer({ memoryBudgetBytes: budgetMiB * 1024 * 1024 });
const base = used();
const started = performance.now();
let peak = 0;
let n = 0;
const frames = kind === 'held' ? heldBehindHoles({ connections, held }) : neverClosed({ connections });
for (const frame of frames) {
  analyzer.addFrame(frame);
  if (++n % every === 0) peak = Math.max(peak, used() - base);
}
peak = Math.max(peak, used() - base);
const seconds = (performance.now() - started) / 1000;
const result = analyzer.finish();
process.stdout.write(
  JSON.stringify({
    peakGrowthBytes: peak,
    frames: n,
    seconds,
    ver: result.commandCounts.VER ?? 0,
    connections: result.connections.length,
    evictionNotes: result.expert.filter((e) => e.message.startsWith('Memory budget')).length,
  }),
);
