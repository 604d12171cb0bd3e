// Counts sent on every tick when they changed (and never when not), snapshot throttling that backs
// off when snapshots are slow, skips snapshots when no frame arrived and runs faster during live
// capture, and the final ordering (counts, final increment, done progress).
import { describe, expect, it } from 'vitest';
import { EventPacer } from '../../src/main/backend/event-pacer';
import type { WorkerEvent } from '../../src/main/backend/worker-protocol';
import type { FrameCounts } from '../../src/shared/packet-page';
import type { ResultDelta } from '../../src/shared/result-delta';

const delta = (frames: number): ResultDelta => ({ captures: [], frames, commandCounts: {}, lists: {} });

function setup(snapshotCostMs = 0) {
  let now = 0;
  let frames = 0;
  let sentFrames = -1;
  const events: WorkerEvent[] = [];
  const pacer = new EventPacer(
    {
      emit: (e) => events.push(e),
      snapshot: () => {
        now += snapshotCostMs;
        return delta(frames);
      },
      counts: (): FrameCounts | null => {
        if (frames === sentFrames) return null;
        sentFrames = frames;
        return { frames, displayed: frames, version: 0, firstTimeUs: 0 };
      },
      progress: () => ({ source: 'file', label: 'x', bytesDone: 0, bytesTotal: 0, frames, framesPerSecond: 0, done: false }),
    },
    { resultIntervalMs: 500, liveResultIntervalMs: 150, progressIntervalMs: 100, now: () => now },
  );
  return { pacer, events, addFrame: () => frames++, advance: (ms: number) => (now += ms), channels: () => events.map((e) => e.channel) };
}

describe('EventPacer', () => {
  it('sends the counts on a tick when they changed, and nothing when they did not', () => {
    const { pacer, events, addFrame } = setup();
    addFrame();
    addFrame();
    pacer.tick();
    expect(events).toEqual([{ channel: 'frames:count', payload: { frames: 2, displayed: 2, version: 0, firstTimeUs: 0 } }]);
    pacer.tick();
    expect(events).toHaveLength(1);
  });

  it('sends snapshots at most every 500 ms and progress every 100 ms', () => {
    const { pacer, advance, channels, addFrame } = setup();
    addFrame();
    pacer.tick();
    expect(channels()).toEqual(['frames:count']);
    advance(100);
    pacer.tick();
    expect(channels()).toEqual(['frames:count', 'analysis:progress']);
    advance(400);
    pacer.tick();
    expect(channels()).toEqual(['frames:count', 'analysis:progress', 'analysis:result', 'analysis:progress']);
  });

  it('sends no snapshot when no frame arrived since the last one', () => {
    const { pacer, advance, channels, addFrame } = setup();
    addFrame();
    advance(500);
    pacer.tick();
    advance(500);
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(1);
    addFrame();
    advance(500);
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(2);
  });

  it('sends snapshots every 150 ms during live capture', () => {
    const { pacer, advance, channels, addFrame } = setup();
    pacer.start('live');
    pacer.stop();
    addFrame();
    advance(100);
    pacer.tick();
    expect(channels()).not.toContain('analysis:result');
    advance(50);
    pacer.tick();
    expect(channels()).toContain('analysis:result');
  });

  it('backs off to ten times the cost of a slow snapshot', () => {
    const { pacer, advance, channels, addFrame } = setup(200);
    addFrame();
    advance(500);
    pacer.tick(); // snapshot took 200 ms → next one no sooner than 2000 ms later
    addFrame();
    advance(1500);
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(1);
    advance(600);
    pacer.tick();
    expect(channels().filter((c) => c === 'analysis:result')).toHaveLength(2);
  });

  it('finish sends the last counts, then the final increment, then done progress', () => {
    const { pacer, events, addFrame, channels } = setup();
    addFrame();
    pacer.finish(delta(1));
    expect(channels()).toEqual(['frames:count', 'analysis:result', 'analysis:progress']);
    expect(events[1].payload).toEqual({ delta: delta(1), final: true });
    expect(events[2].payload).toMatchObject({ done: true });
  });
});
