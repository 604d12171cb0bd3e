// The outbox in front of one WebSocket client, on a scripted socket whose buffered amount the
// test sets: straight through while under the high-water mark; above it, counts and progress
// keep only the newest, result increments merge (never across a reset), responses and other
// events all arrive in order once the socket drains; a backlog past the limit closes the client
// with 1008. Merged increments give the receiver the same result as applying them one by one.
import { describe, expect, it } from 'vitest';
import { ClientOutbox, type OutboxSocket } from '../../src/main/server/client-outbox';
import { mergeResultDeltas } from '../../src/shared/merge-result-deltas';
import { applyResultDelta, type ResultDelta } from '../../src/shared/result-delta';
import type { ServerMessage } from '../../src/shared/ws-protocol';

class ScriptedSocket implements OutboxSocket {
  bufferedAmount = 0;
  readyState = 1;
  sent: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private done: Array<() => void> = [];
  send(data: string, done: () => void) {
    this.sent.push(JSON.parse(data) as ServerMessage);
    this.done.push(done);
  }
  close(code: number, reason: string) {
    this.closed = { code, reason };
    this.readyState = 2;
  }
  /** The kernel took everything: the buffer is empty and every send's callback runs. */
  flushed() {
    this.bufferedAmount = 0;
    for (const d of this.done.splice(0)) d();
  }
}

const event = (channel: string, payload: unknown): ServerMessage => ({ type: 'event', channel, payload });
const counts = (frames: number) => event('frames:count', { frames, displayed: frames, version: 1, firstTimeUs: null });
const delta = (frames: number, sessions: ResultDelta['lists']['sessions']): ResultDelta => ({ captures: [], frames, commandCounts: { MSG: frames }, lists: sessions ? { sessions } : {} });
const session = (id: number, text: string) => ({ id, text }) as never;
const limits = { highWaterBytes: 1000, maxBehindBytes: 5000 };

describe('ClientOutbox', () => {
  it('sends at once while the socket buffer is under the high-water mark', () => {
    const socket = new ScriptedSocket();
    const outbox = new ClientOutbox(socket, limits);
    outbox.send(counts(1));
    outbox.send({ type: 'response', id: 1, ok: true, result: [] });
    expect(socket.sent).toEqual([counts(1), { type: 'response', id: 1, ok: true, result: [] }]);
  });

  it('above it, keeps the newest counts and progress, merges increments, and keeps every response in order', () => {
    const socket = new ScriptedSocket();
    const outbox = new ClientOutbox(socket, limits);
    outbox.send(counts(1));
    socket.bufferedAmount = 1000;
    outbox.send(counts(10));
    outbox.send({ type: 'response', id: 7, ok: true, result: 'a' });
    outbox.send(event('analysis:result', { delta: delta(10, { length: 1, changed: [[0, session(0, 'hi')]] }), final: false }));
    outbox.send(counts(20));
    outbox.send(event('analysis:progress', { frames: 20 }));
    outbox.send(event('analysis:result', { delta: delta(20, { length: 2, changed: [[1, session(1, 'yo')]] }), final: false }));
    outbox.send({ type: 'response', id: 8, ok: true, result: 'b' });
    outbox.send(event('analysis:progress', { frames: 30 }));
    outbox.send(event('analysis:result', { delta: delta(30, { length: 2, changed: [[0, session(0, 'hi!')]] }), final: true }));
    expect(socket.sent).toEqual([counts(1)]);
    socket.flushed();
    expect(socket.sent).toEqual([
      counts(1),
      { type: 'response', id: 7, ok: true, result: 'a' },
      counts(20),
      { type: 'response', id: 8, ok: true, result: 'b' },
      event('analysis:progress', { frames: 30 }),
      event('analysis:result', { delta: delta(30, { length: 2, changed: [[0, session(0, 'hi!')], [1, session(1, 'yo')]] }), final: true }),
    ]);
  });

  it('does not merge increments of the capture before a reset with those after it', () => {
    const socket = new ScriptedSocket();
    const outbox = new ClientOutbox(socket, limits);
    outbox.send(counts(1));
    socket.bufferedAmount = 1000;
    const before = event('analysis:result', { delta: delta(5, undefined), final: true });
    const reset = event('analysis:reset', { label: 'b.pcap', source: 'file' });
    const after = event('analysis:result', { delta: delta(1, undefined), final: false });
    outbox.send(counts(5));
    outbox.send(before);
    outbox.send(reset);
    outbox.send(counts(1));
    outbox.send(after);
    socket.flushed();
    expect(socket.sent).toEqual([counts(1), counts(5), before, reset, counts(1), after]);
  });

  it('closes a client that stays too far behind with 1008 and drops what waited', () => {
    const socket = new ScriptedSocket();
    const outbox = new ClientOutbox(socket, limits);
    const big = { type: 'response', id: 1, ok: true, result: 'x'.repeat(1000) } as const;
    outbox.send(big);
    socket.bufferedAmount = 3000;
    outbox.send({ ...big, id: 2 });
    expect(socket.closed).toBeNull();
    outbox.send({ ...big, id: 3 });
    expect(socket.closed).toEqual({ code: 1008, reason: 'client too slow: over 5000 bytes of messages waiting' });
    expect(outbox.backlog).toBe(0);
    outbox.send({ ...big, id: 4 });
    socket.flushed();
    expect(socket.sent).toEqual([big]);
  });
});

describe('mergeResultDeltas', () => {
  it('gives the result of applying both, including a list that shrank then grew', () => {
    const first = delta(3, { length: 3, changed: [[0, session(0, 'a')], [1, session(1, 'b')], [2, session(2, 'c')]] });
    const second = delta(4, { length: 1, changed: [[0, session(0, 'A')]] });
    const third = delta(5, { length: 2, changed: [[1, session(1, 'B')]] });
    const stepwise = applyResultDelta(applyResultDelta(applyResultDelta(null, first), second), third);
    const merged = mergeResultDeltas(mergeResultDeltas(first, second), third);
    expect(merged.lists.sessions).toEqual({ length: 2, changed: [[0, session(0, 'A')], [1, session(1, 'B')]] });
    expect(applyResultDelta(null, merged)).toEqual(stepwise);
  });
});
