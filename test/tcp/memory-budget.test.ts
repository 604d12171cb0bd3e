// Issue 11, defect 6: one memory budget for bytes held out of order, open connections and
// unfinished files. Floods built by connection-flood.ts: MSNP connections that each say VER and
// then hold bytes 100 bytes past it (the hole never fills), and connections that never close.
// Small budgets here; the default's figures come from scripts/bench/hostile-memory-bench.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/main/engine/analyzer';
import { LINGERING_CONNECTION_COST, OPEN_CONNECTION_COST } from '../../src/main/engine/tcp/tcp-reassembler';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import type { AnalysisResult } from '../../src/shared/model';
import { closedAtOnce, heldBehindHoles, neverClosed } from '../helpers/connection-flood';
import { runInChild, type ChildOutcome } from '../helpers/analyze-in-child';

const MiB = 1024 * 1024;
const FLOOD_CHILD = new URL('../helpers/flood-memory-child.ts', import.meta.url).pathname;

/** Feeds the frames; the most the budget was charged after any frame. */
function run(frames: Iterable<CapturedFrame>, budget: number): { result: AnalysisResult; peak: number } {
  const analyzer = new Analyzer({ memoryBudgetBytes: budget });
  let peak = 0;
  for (const frame of frames) {
    analyzer.addFrame(frame);
    peak = Math.max(peak, analyzer.memoryInUse);
  }
  return { result: analyzer.finish(), peak };
}

/** How many connections the eviction notes say were ended early, in all. */
function endedEarly(result: AnalysisResult): number {
  return result.expert.reduce((sum, e) => sum + Number(/^Memory budget .* (\d+) open connections? ended early/.exec(e.message)?.[1] ?? 0), 0);
}

type Figures = { peakGrowthBytes: number; ver: number; connections: number; evictionNotes: number };
/** 600 connections holding 60,000 bytes each (36 MB), measured in children with a small and a large budget. */
const heapRuns: Array<Promise<ChildOutcome<Figures>>> = [];

describe('the memory budget', () => {
  // Started first, so the children measure while the tests in this process run.
  beforeAll(() => {
    for (const budget of [4, 512]) heapRuns.push(runInChild<Figures>(FLOOD_CHILD, ['held', '600', '60000', String(budget)], { nodeArgs: ['--expose-gc', '--single-threaded-gc'], timeoutMs: 25_000 }));
  });

  it('1,000 connections holding 8 KB behind a hole: the idle ones are ended early, reported, nothing lost', () => {
    const held = 8 * 1024;
    const { result, peak } = run(heldBehindHoles({ connections: 1_000, held }), 2 * MiB);
    // Never more than the budget plus what one frame adds (a connection and its held segment).
    expect(peak).toBeLessThanOrEqual(2 * MiB + OPEN_CONNECTION_COST + held);
    const notes = result.expert.filter((e) => e.message.startsWith('Memory budget of 2.0 MiB reached'));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((e) => e.severity === 'note')).toBe(true);
    const ended = endedEarly(result);
    expect(ended).toBeGreaterThan(500);
    expect(ended).toBeLessThan(1_000);
    // Ended early or at the end, every connection still tells what it had: its VER, the hole as a gap.
    expect(result.commandCounts.VER).toBe(1_000);
    expect(result.expert.filter((e) => e.message.startsWith('100 bytes missing from the client'))).toHaveLength(1_000);
  });

  it('3,000 connections that never close: at most a budget of them open at once, each still decoded', () => {
    const { result, peak } = run(neverClosed({ connections: 3_000 }), 1 * MiB);
    expect(peak).toBeLessThanOrEqual(1 * MiB + OPEN_CONNECTION_COST);
    expect(endedEarly(result)).toBeGreaterThan(2_500);
    expect(result.connections).toHaveLength(3_000);
    expect(result.commandCounts.VER).toBe(3_000);
  });

  it('3,000 connections closed at once: those lingering for stray packets are forgotten early within the budget', () => {
    const budget = 64 * LINGERING_CONNECTION_COST;
    const { result, peak } = run(closedAtOnce({ connections: 3_000 }), budget);
    expect(peak).toBeLessThanOrEqual(budget + OPEN_CONNECTION_COST);
    const forgotten = result.expert.reduce((sum, e) => sum + Number(/^Memory budget .* (\d+) closed connections? forgotten early/.exec(e.message)?.[1] ?? 0), 0);
    expect(forgotten).toBeGreaterThan(2_800);
    expect(endedEarly(result)).toBe(0); // each one had closed by itself
    expect(result.connections).toHaveLength(3_000);
    expect(result.commandCounts.VER).toBe(3_000);
  });

  it('bounds the real heap: 600 connections holding 60 KB each grow it far less within a 4 MiB budget', async () => {
    const [small, large] = await Promise.all(heapRuns);
    if (small.status !== 'done' || large.status !== 'done') throw new Error(`flood child: ${JSON.stringify([small, large])}`);
    // 36 MB held in all: without eviction it stays; with it, about the budget does.
    expect(large.result.evictionNotes).toBe(0);
    expect(large.result.peakGrowthBytes).toBeGreaterThan(30 * MiB);
    expect(small.result.evictionNotes).toBeGreaterThan(0);
    expect(small.result.peakGrowthBytes).toBeLessThan(15 * MiB);
    expect(small.result.ver).toBe(600);
  }, 30_000);
});
