// A session's transcript travels as a tail: the differ sends, of a session the receiver holds, its
// other fields and only the messages and events from the first one that changed. Applying the
// increments one by one, or merged (as a slow WebSocket client gets them), gives the snapshot.
import { describe, expect, it } from 'vitest';
import { ResultDiffer } from '../../src/main/backend/result-differ';
import { mergeResultDeltas } from '../../src/shared/merge-result-deltas';
import type { AnalysisResult, SessionRecord, TranscriptMessage } from '../../src/shared/model';
import { applyResultDelta, emptyResult, type ResultDelta } from '../../src/shared/result-delta';

const line = (frame: number, text: string): TranscriptMessage => ({ frame, time: `t${frame}`, from: 'alice@example.com', nick: 'Alice', text });

function session(id: number, messages: TranscriptMessage[], typing = 0): SessionRecord {
  return { id, connections: [id], participants: [{ account: 'alice@example.com', nick: 'Alice' }], messages, typing, events: messages.map((m) => ({ frame: m.frame, time: m.time, kind: 'message' as const, account: m.from })) };
}

const result = (sessions: SessionRecord[]): AnalysisResult => ({ ...emptyResult(), frames: sessions.length, sessions: structuredClone(sessions) });

describe('session transcripts as tails', () => {
  const a = [line(1, 'hi'), line(2, 'there')];
  const snapshots = [
    result([session(0, a)]),
    // Session 0 gets a line; session 1 appears.
    result([session(0, [...a, line(5, 'how are you')]), session(1, [line(4, 'yo')])]),
    // Session 0's second line changes (its delivery was acknowledged), its typing count too; session 1 is unchanged.
    result([session(0, [a[0], { ...a[1], delivery: 'ack' }, line(5, 'how are you'), line(6, 'fine')], 3), session(1, [line(4, 'yo')])]),
    // Session 1 unchanged again, session 0 unchanged: nothing to send for sessions.
    result([session(0, [a[0], { ...a[1], delivery: 'ack' }, line(5, 'how are you'), line(6, 'fine')], 3), session(1, [line(4, 'yo')])]),
  ];

  function deltas(): ResultDelta[] {
    const differ = new ResultDiffer();
    return snapshots.map((s) => differ.delta(s));
  }

  it('sends a new session whole and a grown one from its first changed line', () => {
    const [first, second, third, fourth] = deltas();
    expect(first.lists.sessions).toEqual({ length: 1, changed: [[0, snapshots[0].sessions[0]]] });
    const { messages: _m, events: _e, ...rest0 } = snapshots[1].sessions[0];
    expect(second.lists.sessions).toEqual({
      length: 2,
      changed: [[1, snapshots[1].sessions[1]]],
      tails: [[0, { ...rest0, messages: [line(5, 'how are you')], events: [snapshots[1].sessions[0].events![2]] }, { messages: 2, events: 2 }]],
    });
    // The acknowledged line is index 1: the tail starts there (events did not change before index 3).
    expect(third.lists.sessions?.changed).toEqual([]);
    expect(third.lists.sessions?.tails?.map(([i, s, at]) => [i, s.typing, s.messages.map((m) => m.frame), at])).toEqual([[0, 3, [2, 5, 6], { messages: 1, events: 3 }]]);
    expect(fourth.lists.sessions).toBeUndefined();
  });

  it('applied one by one, each increment gives its snapshot', () => {
    let held: AnalysisResult | null = null;
    deltas().forEach((d, i) => {
      held = applyResultDelta(held, d);
      expect(held.sessions).toEqual(snapshots[i].sessions);
    });
  });

  it('merged in any grouping, the increments give the last snapshot', () => {
    const [first, second, third, fourth] = deltas();
    const last = snapshots[3].sessions;
    expect(applyResultDelta(null, mergeResultDeltas(mergeResultDeltas(first, second), third)).sessions).toEqual(last);
    expect(applyResultDelta(null, mergeResultDeltas(first, mergeResultDeltas(second, mergeResultDeltas(third, fourth)))).sessions).toEqual(last);
    // Two tails merged, applied to what the first increment gave.
    const afterFirst = applyResultDelta(null, first);
    const tails = mergeResultDeltas(second, third);
    expect(tails.lists.sessions?.tails?.map(([i, , at]) => [i, at])).toEqual([[0, { messages: 1, events: 2 }]]);
    expect(applyResultDelta(afterFirst, tails).sessions).toEqual(last);
  });

  it('a tail merged after a shrink that dropped its session is dropped too', () => {
    const [first, second] = deltas();
    const shrink: ResultDelta = { ...second, lists: { sessions: { length: 0, changed: [] } } };
    const merged = mergeResultDeltas(mergeResultDeltas(first, second), shrink);
    expect(merged.lists.sessions).toEqual({ length: 0, changed: [] });
    expect(applyResultDelta(null, merged).sessions).toEqual([]);
  });
});
