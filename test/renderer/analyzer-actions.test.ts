// The actions on a fake AnalyzerApi: refused files never reach the back end, a display filter
// answer is applied, a failing request becomes a notice, and a filter answered after a new
// capture started is asked again for the new capture.
import { describe, expect, it } from 'vitest';
import type { FilterResponse } from '../../src/shared/ipc-contract';
import { createAnalyzerActions } from '../../src/renderer/app/analyzer-actions';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { reduceBackendEvents } from '../../src/renderer/store/apply-event';
import { fakeApi } from './fake-analyzer-api';
import { rows } from './rows';

const file = (name: string) => ({ name }) as File;

describe('analyzer actions', () => {
  it('sends only capture files and reports the others', async () => {
    const store = createAnalyzerStore();
    const { api, dropped } = fakeApi(() => undefined);
    await createAnalyzerActions(api, store).openFiles([file('a.pcapng'), file('b.exe')]);
    expect(dropped).toEqual(['a.pcapng']);
    expect(store.getState().notice?.text).toContain('“b.exe”');
  });

  it('applies the frames the back end matched', async () => {
    const store = createAnalyzerStore();
    store.setState((s) => reduceBackendEvents(s, [{ channel: 'frames:appended', payload: { rows: rows(4) } }], () => {}));
    const { api } = fakeApi((): FilterResponse => ({ ok: true, frames: [2, 3] }));
    await createAnalyzerActions(api, store).applyFilter('msnp');
    const s = store.getState();
    expect(s.appliedFilter).toBe('msnp');
    expect(Array.from(s.order ?? [])).toEqual([1, 2]);
  });

  it('turns a failed request into a notice and leaves no request pending', async () => {
    const store = createAnalyzerStore();
    const { api } = fakeApi(() => { throw new Error('connection closed'); });
    await createAnalyzerActions(api, store).applyFilter('msnp');
    expect(store.getState().notice?.text).toBe('Display filter failed: connection closed');
    expect(store.getState().filterRequest).toBeNull();
  });

  it('asks again when a new capture started while the filter was evaluated', async () => {
    const store = createAnalyzerStore();
    let first = true;
    const { api, calls } = fakeApi(() => {
      if (first) {
        first = false;
        store.setState((s) => reduceBackendEvents(s, [{ channel: 'analysis:reset', payload: { label: 'next', source: 'file' } }, { channel: 'frames:appended', payload: { rows: rows(3) } }], () => {}));
        return { ok: true, frames: [1, 2, 3, 4] };
      }
      return { ok: true, frames: [3] };
    });
    await createAnalyzerActions(api, store).applyFilter('msnp');
    expect(calls.filter((c) => c.channel === 'frames:filter')).toHaveLength(2);
    expect(Array.from(store.getState().order ?? [])).toEqual([2]);
  });
});
