import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { reduceBackendEvents, type BackendEvent } from '../../src/renderer/store/apply-event';
import { requestFilter, answerFilter } from '../../src/renderer/store/filter-slice';
import { rows } from './rows';

const fresh = () => createAnalyzerStore().getState();
const noErrors = (error: unknown) => { throw error; };

const emptyResult: AnalysisResult = {
  captures: [], frames: 0, commandCounts: {}, connections: [], sessions: [], contacts: [], presence: [], endpoints: [], files: [], expert: [],
};

describe('back-end events', () => {
  it('a reset clears the previous capture and shows the analyzer', () => {
    const events: BackendEvent[] = [
      { channel: 'analysis:reset', payload: { label: 'a.pcap', source: 'file' } },
      { channel: 'frames:appended', payload: { rows: rows(3) } },
      { channel: 'analysis:reset', payload: { label: 'b.pcap', source: 'file' } },
      { channel: 'frames:appended', payload: { rows: rows(2) } },
    ];
    const s = reduceBackendEvents(fresh(), events, noErrors);
    expect(s.hasCapture).toBe(true);
    expect(s.captureLabel).toBe('b.pcap');
    expect(s.rowCount).toBe(2);
    expect(s.epoch).toBe(2);
  });

  it('a reset without a label is the back end closing the capture: back to the start screen', () => {
    const s = reduceBackendEvents(fresh(), [
      { channel: 'analysis:reset', payload: { label: 'a.pcap', source: 'file' } },
      { channel: 'frames:appended', payload: { rows: rows(3) } },
      { channel: 'analysis:reset', payload: { label: '', source: 'file' } },
    ], noErrors);
    expect(s.hasCapture).toBe(false);
    expect(s.rowCount).toBe(0);
  });

  it('drops a malformed event and keeps applying the rest', () => {
    const failures: unknown[] = [];
    const events = [
      { channel: 'analysis:reset', payload: { label: 'x', source: 'file' } },
      { channel: 'frames:appended', payload: {} },
      { channel: 'analysis:result', payload: { result: null, final: false } },
      { channel: 'no:such', payload: 1 },
      { channel: 'frames:appended', payload: { rows: rows(4) } },
    ] as unknown as BackendEvent[];
    const s = reduceBackendEvents(fresh(), events, (e) => failures.push(e));
    expect(failures).toHaveLength(3);
    expect(s.rowCount).toBe(4);
  });

  it('fills in lists a partial result leaves out', () => {
    const partial = { ...emptyResult, sessions: undefined } as unknown as AnalysisResult;
    const s = reduceBackendEvents(fresh(), [{ channel: 'analysis:result', payload: { result: partial, final: true } }], noErrors);
    expect(s.result?.sessions).toEqual([]);
    expect(s.resultFinal).toBe(true);
  });

  it('a live capture that reports done is no longer capturing', () => {
    const start = { ...fresh(), capturing: true };
    const progress = { source: 'live' as const, label: 'eth0', bytesDone: 0, bytesTotal: 0, frames: 9, framesPerSecond: 0, done: true };
    expect(reduceBackendEvents(start, [{ channel: 'analysis:progress', payload: progress }], noErrors).capturing).toBe(false);
  });

  it('an error becomes a notice', () => {
    const s = reduceBackendEvents(fresh(), [{ channel: 'analysis:error', payload: { message: 'truncated file' } }], noErrors);
    expect(s.notice).toMatchObject({ kind: 'error', text: 'truncated file' });
  });

  it('a new capture keeps the applied display filter but shows nothing until it is evaluated again', () => {
    let s = reduceBackendEvents(fresh(), [{ channel: 'frames:appended', payload: { rows: rows(3) } }], noErrors);
    s = { ...s, ...requestFilter(s, 'msnp') };
    s = { ...s, ...answerFilter(s, 'msnp', 3, { ok: true, frames: [1, 2] }) };
    s = reduceBackendEvents(s, [
      { channel: 'analysis:reset', payload: { label: 'next', source: 'file' } },
      { channel: 'frames:appended', payload: { rows: rows(5) } },
    ], noErrors);
    expect(s.appliedFilter).toBe('msnp');
    expect(s.order).toEqual(new Int32Array(0));
    expect(s.filterCoveredRows).toBe(0);
  });
});
