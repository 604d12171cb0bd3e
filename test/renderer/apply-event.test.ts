// Back-end events applied to the store: resets (new capture, closed capture), frame counts,
// result increments, progress and errors; a malformed event is dropped and reported without
// breaking the rest of its batch.
import { describe, expect, it } from 'vitest';
import type { ExpertGroup, ExpertRecord, PresenceRecord } from '../../src/shared/model';
import type { FrameCounts } from '../../src/shared/packet-page';
import type { ResultDelta } from '../../src/shared/result-delta';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { reduceBackendEvents, type BackendEvent } from '../../src/renderer/store/apply-event';

const fresh = () => createAnalyzerStore().getState();
const noErrors = (error: unknown) => { throw error; };
const counts = (frames: number, displayed = frames, version = 0): BackendEvent =>
  ({ channel: 'frames:count', payload: { frames, displayed, version, firstTimeUs: 5_000_000 } satisfies FrameCounts });
const reset = (label: string, source: 'file' | 'live' = 'file'): BackendEvent => ({ channel: 'analysis:reset', payload: { label, source } });
const presence = (frame: number, status: string): PresenceRecord => ({ frame, time: `t${frame}`, account: 'bob@example.com', status, seenBy: [{ connection: 1, account: 'alice@example.com', frame }] });
const expert = (frame: number): ExpertRecord => ({ frame, severity: 'warning', message: `odd frame ${frame}` });
const delta = (frames: number, lists: ResultDelta['lists']): ResultDelta => ({ captures: [], frames, commandCounts: { MSG: frames }, lists });

describe('back-end events', () => {
  it('a reset clears the previous capture and shows the analyzer', () => {
    const s = reduceBackendEvents(fresh(), [reset('a.pcap'), counts(3), reset('b.pcap'), counts(2)], noErrors);
    expect(s).toMatchObject({ hasCapture: true, captureLabel: 'b.pcap', captureSource: 'file', frameCount: 2, displayedCount: 2, epoch: 2, firstTimeUs: 5_000_000 });
  });

  it('a reset without a label is the back end closing the capture: back to the start screen', () => {
    const s = reduceBackendEvents(fresh(), [reset('a.pcap'), counts(3), reset('')], noErrors);
    expect(s).toMatchObject({ hasCapture: false, captureSource: null, frameCount: 0, displayedCount: 0 });
  });

  it('a reset starts the list versions again: the new capture counts from version 0', () => {
    let s = reduceBackendEvents(fresh(), [reset('a.pcap'), counts(300, 300, 7)], noErrors);
    expect(s.listVersion).toBe(7);
    s = reduceBackendEvents(s, [reset('b.pcap'), counts(10, 10, 0), counts(20, 20, 1)], noErrors);
    expect(s).toMatchObject({ listVersion: 1, frameCount: 20, displayedCount: 20 });
    expect(s.rowCache.version).toBe(1);
  });

  it('a reset keeps the applied filter and sort but forgets the selection and the result', () => {
    const start = { ...fresh(), appliedFilter: 'msnp', sort: { column: 'time' as const, desc: true }, selectedFrame: 4, selectedPosition: 3, filterRequest: 'chat' };
    const s = reduceBackendEvents(start, [reset('next.pcap'), { channel: 'analysis:result', payload: { delta: delta(1, {}), final: false } }, reset('third.pcap')], noErrors);
    expect(s).toMatchObject({ appliedFilter: 'msnp', sort: { column: 'time', desc: true }, selectedFrame: null, selectedPosition: null, filterRequest: null, result: null, resultFinal: false });
  });

  it('counts of an older version are ignored within a batch', () => {
    const s = reduceBackendEvents(fresh(), [reset('a.pcap'), counts(100, 50, 2), counts(120, 60, 1)], noErrors);
    expect(s).toMatchObject({ listVersion: 2, frameCount: 100, displayedCount: 50 });
  });

  it('drops a malformed event and keeps applying the rest', () => {
    const failures: unknown[] = [];
    const events = [
      reset('x'),
      { channel: 'frames:count', payload: null },
      { channel: 'frames:count', payload: { frames: 'many', displayed: 1, version: 0 } },
      { channel: 'frames:count', payload: { frames: 4, displayed: -1, version: 0 } },
      { channel: 'analysis:result', payload: { delta: null, final: false } },
      { channel: 'no:such', payload: 1 },
      counts(4),
    ] as unknown as BackendEvent[];
    const s = reduceBackendEvents(fresh(), events, (e) => failures.push(e));
    expect(failures).toHaveLength(5);
    expect(s).toMatchObject({ captureLabel: 'x', frameCount: 4, displayedCount: 4 });
  });

  it('builds the result from its increments', () => {
    const group: ExpertGroup = { severity: 'warning', summary: 'odd frame N', example: 'odd frame 5', count: 1, frames: [5] };
    const s = reduceBackendEvents(fresh(), [
      reset('a.pcap'),
      { channel: 'analysis:result', payload: { delta: delta(2, { presence: { length: 1, changed: [[0, presence(1, 'NLN')]] } }), final: false } },
      { channel: 'analysis:result', payload: { delta: delta(5, { presence: { length: 2, changed: [[1, presence(4, 'AWY')]] }, expert: { length: 1, changed: [[0, expert(5)]] }, expertGroups: { length: 1, changed: [[0, group]] } }), final: true } },
    ], noErrors);
    expect(s.result).toEqual({
      captures: [], frames: 5, commandCounts: { MSG: 5 }, connections: [], sessions: [], contacts: [], offlineMessages: [], endpoints: [], files: [], transfers: [],
      presence: [presence(1, 'NLN'), presence(4, 'AWY')],
      expert: [expert(5)],
      expertGroups: [group],
    });
    expect(s.resultFinal).toBe(true);
  });

  it('fills in what a partial increment leaves out', () => {
    const partial = { frames: 3, lists: { sessions: undefined } } as unknown as ResultDelta;
    const s = reduceBackendEvents(fresh(), [{ channel: 'analysis:result', payload: { delta: partial, final: false } }], noErrors);
    expect(s.result).toMatchObject({ frames: 3, captures: [], commandCounts: {}, sessions: [], expert: [] });
    expect(s.resultFinal).toBe(false);
  });

  it('a live capture that reports done is no longer capturing; a file load leaves it alone', () => {
    const start = { ...fresh(), capturing: true };
    const progress = { source: 'live' as const, label: 'eth0', bytesDone: 0, bytesTotal: 0, frames: 9, framesPerSecond: 0, done: true };
    const ended = reduceBackendEvents(start, [{ channel: 'analysis:progress', payload: progress }], noErrors);
    expect(ended).toMatchObject({ capturing: false, progress });
    const running = reduceBackendEvents(start, [{ channel: 'analysis:progress', payload: { ...progress, done: false } }], noErrors);
    expect(running.capturing).toBe(true);
  });

  it('an error becomes a notice', () => {
    const s = reduceBackendEvents(fresh(), [{ channel: 'analysis:error', payload: { message: 'truncated file' } }], noErrors);
    expect(s.notice).toMatchObject({ kind: 'error', text: 'truncated file' });
  });
});
