// Backpressure on the worker → main channel: the session's events through the outbox to a
// consumer that acknowledges late. With the real engine on the bundled sample (293 frames; the
// chat's first message "Hi Bob! This is message 1 from Alice." per tshark, frame 211), read one
// frame per batch with a pause between, so the pacer ticks hundreds of times during the load.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AnalysisSession, type CaptureBatchReader } from '../../src/main/backend/analysis-session';
import { EventOutbox, type OutboxBatch } from '../../src/main/backend/event-outbox';
import type { WorkerEvent } from '../../src/main/backend/worker-protocol';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import type { AnalysisResult } from '../../src/shared/model';
import { applyResultDelta } from '../../src/shared/result-delta';

const SAMPLE = 'assets/sample.pcap';

/** The sample, one frame per batch, with a pause before each. */
const slowReader: CaptureBatchReader = async function* (paths, opts) {
  const batches = mergeCaptureBatches(paths, opts);
  for (;;) {
    const next = await batches.next();
    if (next.done) return next.value;
    for (const frame of next.value) {
      await sleep(1);
      yield [frame];
    }
  }
};

/** Loads the sample through an outbox; `consumer` decides when batches are acknowledged. */
function wired() {
  const batches: OutboxBatch[] = [];
  let worst = 0;
  const outbox = new EventOutbox((b) => {
    batches.push(b);
    worst = Math.max(worst, outbox.unacknowledged);
  });
  const session = new AnalysisSession({
    createAnalyzer: (options, listener) => new Analyzer(options, listener),
    readCaptures: slowReader,
    emit: (e) => outbox.send(e),
    congested: () => outbox.congested,
    timing: { countIntervalMs: 1, resultIntervalMs: 1, liveResultIntervalMs: 1, progressIntervalMs: 1 },
    sliceMs: 0,
  });
  const events = () => batches.flatMap((b) => b.events);
  const result = () => events().reduce<AnalysisResult | null>((r, e) => (e.channel === 'analysis:result' ? applyResultDelta(r, e.payload.delta) : r), null);
  return { outbox, session, batches, events, result, worst: () => worst };
}

describe('EventOutbox under a slow consumer', () => {
  it('keeps at most two batches unacknowledged and a handful of events waiting, and loses nothing', async () => {
    const slow = wired();
    let mostWaiting = 0;
    const sampling = setInterval(() => (mostWaiting = Math.max(mostWaiting, slow.outbox.waiting)), 0);
    await slow.session.load([SAMPLE], 'sample.pcap', {});
    clearInterval(sampling);
    // Counts, progress, one increment and the final one at most.
    expect(mostWaiting).toBeLessThanOrEqual(4);
    // Nothing was acknowledged during the whole load: two batches went out, the rest waited.
    expect(slow.batches).toHaveLength(2);
    expect(slow.outbox.waiting).toBeLessThanOrEqual(4);
    while (slow.outbox.unacknowledged > 0) slow.outbox.ack();
    expect(slow.outbox.waiting).toBe(0);

    const prompt = wired();
    const load = prompt.session.load([SAMPLE], 'sample.pcap', {});
    // A consumer that keeps up: every batch acknowledged as soon as it arrives.
    const acking = setInterval(() => {
      while (prompt.outbox.unacknowledged > 0) prompt.outbox.ack();
    }, 0);
    await load;
    await sleep(5);
    clearInterval(acking);
    while (prompt.outbox.unacknowledged > 0) prompt.outbox.ack();
    expect(prompt.batches.length).toBeGreaterThan(20);
    expect(prompt.worst()).toBeLessThanOrEqual(2);

    const slowResult = slow.result()!;
    expect(slowResult.frames).toBe(293);
    expect(slowResult.sessions.flatMap((s) => s.messages.map((m) => m.text))).toContain('Hi Bob! This is message 1 from Alice.');
    // Held back or not, the consumer ends with the same analysis and the same last counts and progress.
    expect(slowResult).toEqual(prompt.result());
    const last = (events: WorkerEvent[], channel: WorkerEvent['channel']) => events.filter((e) => e.channel === channel).at(-1)?.payload;
    expect(last(slow.events(), 'frames:count')).toEqual(last(prompt.events(), 'frames:count'));
    expect(last(slow.events(), 'analysis:progress')).toMatchObject({ frames: 293, done: true });
    expect(slow.events()[0]).toEqual({ channel: 'analysis:reset', payload: { label: 'sample.pcap', source: 'file' } });
  });
});

describe('EventOutbox', () => {
  const count = (frames: number): WorkerEvent => ({ channel: 'frames:count', payload: { frames, displayed: frames, version: 0, firstTimeUs: null } });
  const error = (message: string): WorkerEvent => ({ channel: 'analysis:error', payload: { message } });

  it('replaces waiting counts by the latest, caps waiting errors and says how many it left out', async () => {
    const posted: OutboxBatch[] = [];
    const outbox = new EventOutbox((b) => posted.push(b), { maxInFlight: 1, maxQueuedErrors: 3 });
    outbox.send(count(1));
    await Promise.resolve();
    expect(posted).toEqual([{ batch: 1, events: [count(1)] }]);
    for (let i = 2; i <= 50; i++) outbox.send(count(i));
    for (let i = 0; i < 10; i++) outbox.send(error(`e${i}`));
    await Promise.resolve();
    expect(posted).toHaveLength(1);
    expect(outbox.waiting).toBe(4);
    outbox.ack();
    expect(posted[1]).toEqual({ batch: 2, events: [count(50), error('e0'), error('e1'), error('e2'), error('7 more errors not shown')] });
    outbox.ack();
    expect(outbox.unacknowledged).toBe(0);
  });
});
