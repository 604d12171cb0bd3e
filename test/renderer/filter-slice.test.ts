// The display filter: edited and checked in the slice, applied by the back end (frames:view), and
// shown once the back end has answered with the matching rows already fetched. A rejected filter
// leaves the previous one applied with the reason shown; an answer to a superseded request, or
// one for a capture that has been replaced meanwhile, changes nothing.
import { describe, expect, it } from 'vitest';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { initialFilter } from '../../src/renderer/store/filter-slice';
import { FakePacketList, packetListHarness, range, shownNumbers } from './fake-packet-list';

function loaded(frames: number) {
  const h = packetListHarness(frames);
  h.open();
  return h;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('display filter', () => {
  it('editing only changes the text and its check', () => {
    const store = createAnalyzerStore();
    expect(store.getState()).toMatchObject(initialFilter());
    store.getState().editFilter('msnp.cmd ==', { status: 'invalid', error: 'value expected', position: 11 });
    expect(store.getState()).toMatchObject({ filterText: 'msnp.cmd ==', filterCheck: { status: 'invalid', error: 'value expected', position: 11 }, appliedFilter: '', filterRequest: null });
  });

  it('shows the matching frames once the back end answers', async () => {
    const h = loaded(250);
    await h.actions.fetchRows(0, 100);
    const before = h.calls.length;
    const applying = h.actions.applyFilter('  even ');
    expect(h.store.getState()).toMatchObject({ filterRequest: 'even', viewPending: true, appliedFilter: '' });
    await applying;
    expect(h.calls[before]).toEqual({ channel: 'frames:view', arg: { filter: 'even', sort: null } });
    const s = h.store.getState();
    expect(s).toMatchObject({ appliedFilter: 'even', filterRequest: null, viewPending: false, frameCount: 250, displayedCount: 125, listVersion: 1 });
    expect(s.rowCache.version).toBe(1);
    expect(s.rowCache.holds(0, 100)).toBe(true);
    expect(shownNumbers(s.rowCache, 0, 100)).toEqual(range(2, 200, 2));
    expect(s.rowCache.row(100)).toBeUndefined();
  });

  it('prefetches where the list is scrolled to, kept within the filtered list', async () => {
    const h = loaded(250);
    await h.actions.fetchRows(200, 250);
    await h.actions.applyFilter('even');
    const s = h.store.getState();
    // 50 rows in view, 125 shown: the view is clamped to positions 75…124.
    expect(shownNumbers(s.rowCache, 75, 125)).toEqual(range(152, 250, 2));
  });

  it('a filter that matches nothing shows an empty list, and clearing it shows every frame again', async () => {
    const h = loaded(250);
    await h.actions.applyFilter('none');
    expect(h.store.getState()).toMatchObject({ appliedFilter: 'none', displayedCount: 0, frameCount: 250 });
    expect(h.store.getState().rowCache.row(0)).toBeUndefined();
    await h.actions.applyFilter('');
    const s = h.store.getState();
    expect(s).toMatchObject({ appliedFilter: '', displayedCount: 250, listVersion: 2 });
    expect(shownNumbers(s.rowCache, 0, 100)).toEqual(range(1, 100));
  });

  it('keeps the previous filter and reports the reason when the back end rejects one', async () => {
    const h = loaded(250);
    await h.actions.applyFilter('even');
    const before = h.calls.length;
    expect(await h.actions.applyFilter('bogus')).toBeUndefined();
    const s = h.store.getState();
    expect(s.filterCheck).toEqual({ status: 'invalid', error: 'unknown field "bogus"', position: 0 });
    expect(s).toMatchObject({ appliedFilter: 'even', filterRequest: null, viewPending: false, displayedCount: 125, listVersion: 1 });
    expect(shownNumbers(s.rowCache, 0, 3)).toEqual([2, 4, 6]);
    expect(h.rowRequests(before)).toEqual([]);
  });

  it('a request that fails becomes a notice and leaves no request pending', async () => {
    const h = loaded(250);
    h.failNext('frames:view');
    await h.actions.applyFilter('even');
    const s = h.store.getState();
    expect(s.notice).toMatchObject({ kind: 'error', text: 'Display filter failed: connection closed' });
    expect(s).toMatchObject({ filterRequest: null, viewPending: false, appliedFilter: '', displayedCount: 250, listVersion: 0 });
  });

  it('ignores the answer to a request that was superseded', async () => {
    const h = loaded(250);
    const release = h.hold('frames:view');
    const first = h.actions.applyFilter('even');
    await h.actions.applyFilter('frame <= 10');
    release();
    await first;
    const s = h.store.getState();
    expect(s).toMatchObject({ appliedFilter: 'frame <= 10', displayedCount: 10, listVersion: 2, filterRequest: null, viewPending: false });
    expect(shownNumbers(s.rowCache, 0, 11)).toEqual([...range(1, 10), undefined]);
  });

  it('an answer for the capture that was replaced meanwhile does not reach the new one', async () => {
    const h = loaded(250);
    const release = h.hold('frames:view');
    const applying = h.actions.applyFilter('even');
    await tick();
    // A new capture opened before the answer came back.
    h.list = new FakePacketList(40);
    h.open('b.pcapng');
    release();
    await applying;
    let s = h.store.getState();
    expect(s).toMatchObject({ captureLabel: 'b.pcapng', epoch: 2, frameCount: 40, displayedCount: 40, listVersion: 0, filterRequest: null, viewPending: false });
    expect(s.rowCache.row(0)).toBeUndefined();
    await h.actions.fetchRows(0, 40);
    s = h.store.getState();
    expect(shownNumbers(s.rowCache, 0, 41)).toEqual([...range(1, 40), undefined]);
  });

  it('frames arriving later are counted under the applied filter', async () => {
    const h = loaded(150);
    await h.actions.applyFilter('even');
    expect(h.store.getState().displayedCount).toBe(75);
    h.emit({ channel: 'frames:count', payload: h.list.grow(50) });
    expect(h.store.getState()).toMatchObject({ appliedFilter: 'even', frameCount: 200, displayedCount: 100, listVersion: 1 });
    await h.actions.fetchRows(0, 100);
    // Page 0 held 75 rows: it is fetched again now that 100 are shown.
    expect(shownNumbers(h.store.getState().rowCache, 0, 100)).toEqual(range(2, 200, 2));
  });

  it('a new capture keeps the applied filter and sort, and starts its list empty', async () => {
    const h = loaded(250);
    await h.actions.applyFilter('even');
    await h.actions.setSort({ column: 'number', desc: true });
    h.store.getState().selectFrame(10);
    h.list = new FakePacketList(0);
    h.emit({ channel: 'analysis:reset', payload: { label: 'b.pcapng', source: 'file' } });
    const s = h.store.getState();
    expect(s).toMatchObject({ appliedFilter: 'even', sort: { column: 'number', desc: true }, frameCount: 0, displayedCount: 0, listVersion: 0, selectedFrame: null });
    expect(s.rowCache.row(0)).toBeUndefined();
  });
});
