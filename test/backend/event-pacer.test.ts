// Row batching by count and time, snapshot throttling that backs off when snapshots are slow,
// skips snapshots when no frame arrived and runs faster during live capture, and the final
// ordering (rows, final result, done progress).
import { describe, expect, it } from 'vitest';
import { EventPacer } from '../../src/main/backend/event-pacer';
import type { WorkerEvent } from '../../src/main/backend/worker-protocol';
import type { FrameRow } from '../../src/shared/model';
import { emptyResult } from './stub-analyzer';

function setup(snapshotCostMs = 0) {
  let now = 0;
  const events: WorkerEvent[] = [];
  const pacer = new EventPacer(
    {
      emit: (e) => events.push(e),
      snapshot: () => {
        now += snapshotCostMs;
        return emptyResult(0);
      },
      progress: () => ({ source: 'file', label: 'x', bytesDone: 0, bytesTotal: 0, frames: 0, framesPerSecond: 0, done: false }),
    },
    { maxRows: 3, resultIntervalMs: 500, liveResultIntervalMs: 150, progressIntervalMs: 100, now: () => now },
  );
  const row = (n: number) => ({ number: n }) as FrameRow;
  return { pacer, events, row, advance: (ms: number) => (now += ms), channels: () => events.map((e) => e.channel) };
}

describe('EventPacer', () => {
  it('flushes rows when the batch is full and on every tick', () => {
    const { pacer, events, row } = setup();
    for (let n = 1; n <= 4; n++) pacer.addRow(row(n));
    expect(events).toEqual([{ channel: 'frames:appended', payload: { rows: [row(1), row(2), row(3)] } }]);
    pacer.tick();
    expect(events[1]).toEqual({ channel: 'frames:appended', payload: { rows: [row(4)] } });
    pacer.tick();
    expect(events).toHaveLength(2);
  });

  it('sends snapshots at most every 500 ms and progress every 100 ms', () => {
    const { pacer, advance, channels, row } = setup();
    pacer.addRow(row(1));
    pacer.tick();
    expect(channels()).toEqual(['frames:appended']);
    advance(100);
    pacer.tick();
    expect(channels()).toEqual(['frames:appended', 'analysis:progress']);
    advance(400);
    pacer.tick();
    expect(channels()).toEqual(['frames:appended', 'analysis:progress', 'analysis:result', 'analysis:progress']);
  });

  it('sends no snapshot when no frame arrived since the last one', () => {
    const { pacer, advance, channels, row } = setup();
    pacer.addRow(row(1));
    advance(500);
    pacer.tick();
    advance(500);
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(1);
    pacer.addRow(row(2));
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(2);
  });

  it('sends snapshots every 150 ms during live capture', () => {
    const { pacer, advance, channels, row } = setup();
    pacer.start('live');
    pacer.stop();
    pacer.addRow(row(1));
    advance(100);
    pacer.tick();
    expect(channels()).not.toContain('analysis:result');
    advance(50);
    pacer.tick();
    expect(channels()).toContain('analysis:result');
  });

  it('backs off to ten times the cost of a slow snapshot', () => {
    const { pacer, advance, channels, row } = setup(200);
    pacer.addRow(row(1));
    advance(500);
    pacer.tick(); // snapshot took 200 ms → next one no sooner than 2000 ms later
    pacer.addRow(row(2));
    advance(1500);
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(1);
    advance(600);
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(2);
  });

  it('finish sends the remaining rows, then the final result, then done progress', () => {
    const { pacer, events, row, channels } = setup();
    pacer.addRow(row(1));
    pacer.finish(emptyResult(1));
    expect(channels()).toEqual(['frames:appended', 'analysis:result', 'analysis:progress']);
    expect(events[1].payload).toEqual({ result: emptyResult(1), final: true });
    expect(events[2].payload).toMatchObject({ done: true });
  });
});
