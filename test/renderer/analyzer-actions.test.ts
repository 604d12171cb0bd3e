// The actions on a fake back end that owns the packet list (fake-packet-list.ts): a sort is
// committed with the rows in view already fetched at their new positions, rows are paged in by
// position (only what is missing, once), the selection is found again by asking the back end,
// detail answers land on the frame they belong to, and failing requests become notices.
// Display filter flows: filter-slice.test.ts.
import { describe, expect, it } from 'vitest';
import type { FrameDetail } from '../../src/shared/model';
import { createAnalyzerActions } from '../../src/renderer/app/analyzer-actions';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { PAGE_ROWS } from '../../src/renderer/store/row-cache';
import { fakeApi, memoryStorage } from './fake-analyzer-api';
import { deferred, packetListHarness, range, shownNumbers } from './fake-packet-list';

const file = (name: string) => ({ name }) as File;
const env = () => ({ storage: memoryStorage(), download: () => {} });

function loaded(frames: number, other?: Parameters<typeof packetListHarness>[1]) {
  const h = packetListHarness(frames, other);
  h.open();
  return h;
}

describe('files and notices', () => {
  it('sends only capture files and reports the others', async () => {
    const store = createAnalyzerStore();
    const { api, dropped } = fakeApi(() => undefined);
    await createAnalyzerActions(api, store, env()).openFiles([file('a.pcapng'), file('b.exe')]);
    expect(dropped).toEqual(['a.pcapng']);
    expect(store.getState().notice?.text).toContain('“b.exe”');
  });

  it('a file the back end cannot open becomes an error notice', async () => {
    const store = createAnalyzerStore();
    const { api } = fakeApi(() => ({ ok: false, error: 'cannot open /x.pcap: no such file' }));
    await createAnalyzerActions(api, store, env()).openPath('/x.pcap');
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: 'cannot open /x.pcap: no such file' });
  });

  it('an old error notice goes when the next file is opened; a refusal of this open stays', async () => {
    const store = createAnalyzerStore();
    const { api } = fakeApi(() => ({ ok: true }));
    const actions = createAnalyzerActions(api, store, env());
    store.getState().notify('error', 'cannot open notes.pcap: not a pcap or pcapng capture');
    await actions.openPath('/captures/next.pcap');
    expect(store.getState().notice).toBeNull();
    store.getState().notify('error', 'cannot open notes.pcap: not a pcap or pcapng capture');
    await actions.openFiles([file('b.exe'), file('c.pcap')]);
    expect(store.getState().notice).toMatchObject({ kind: 'error' });
    expect(store.getState().notice?.text).toContain('“b.exe”');
    expect(store.getState().notice?.text).not.toContain('notes.pcap');
  });

  it('opens the bundled sample at the path the back end names', async () => {
    const store = createAnalyzerStore();
    const { api, calls } = fakeApi((channel) => (channel === 'file:sample' ? '/assets/sample.pcapng' : { ok: true }));
    await createAnalyzerActions(api, store, env()).openSample();
    expect(calls).toEqual([{ channel: 'file:sample', arg: undefined }, { channel: 'file:open', arg: { paths: ['/assets/sample.pcapng'] } }]);
    expect(store.getState().notice).toBeNull();
  });

  it('closing the capture goes back to the start screen', async () => {
    const h = loaded(30);
    await h.actions.fetchRows(0, 30);
    await h.actions.closeCapture();
    const s = h.store.getState();
    expect(h.channels()).toContain('file:close');
    expect(s).toMatchObject({ hasCapture: false, frameCount: 0, displayedCount: 0 });
    expect(s.rowCache.row(0)).toBeUndefined();
  });
});

describe('sorting', () => {
  it('commits the new order with the rows in view already at their new positions', async () => {
    const h = loaded(250);
    await h.actions.fetchRows(150, 230);
    expect(shownNumbers(h.store.getState().rowCache, 150, 230)).toEqual(range(151, 230));
    const before = h.calls.length;
    expect(await h.actions.setSort({ column: 'number', desc: true })).toBe(true);
    const s = h.store.getState();
    expect(s.sort).toEqual({ column: 'number', desc: true });
    expect(s).toMatchObject({ listVersion: 1, displayedCount: 250, frameCount: 250, viewPending: false, filterRequest: null });
    expect(s.rowCache.version).toBe(1);
    // Descending: position p shows frame 250 − p.
    expect(shownNumbers(s.rowCache, 150, 230)).toEqual(range(100, 21, -1));
    // Only the pages in view were fetched (positions 100…299 → pages 1 and 2).
    expect(h.rowRequests(before)).toEqual([{ start: 100, count: PAGE_ROWS }, { start: 200, count: PAGE_ROWS }]);
    expect(s.rowCache.holds(0, 100)).toBe(false);
    expect(s.rowCache.row(0)).toBeUndefined();
  });

  it('sorts by length with ties in frame order', async () => {
    const h = loaded(250);
    await h.actions.setSort({ column: 'length', desc: false });
    const cache = h.store.getState().rowCache;
    // length = 100 − (n mod 50): the shortest (51) are n ≡ 49, then n ≡ 48, … five frames each.
    expect(shownNumbers(cache, 0, 10)).toEqual([49, 99, 149, 199, 249, 48, 98, 148, 198, 248]);
    expect(shownNumbers(cache, 95, 100)).toEqual([30, 80, 130, 180, 230]);
    expect(cache.row(0)?.length).toBe(51);
  });

  it('sorts the filter that is applied', async () => {
    const h = loaded(250);
    await h.actions.applyFilter('even');
    await h.actions.setSort({ column: 'number', desc: true });
    expect(h.calls.filter((c) => c.channel === 'frames:view').at(-1)?.arg).toEqual({ filter: 'even', sort: { column: 'number', desc: true } });
    const s = h.store.getState();
    expect(s.displayedCount).toBe(125);
    expect(shownNumbers(s.rowCache, 0, 4)).toEqual([250, 248, 246, 244]);
  });

  it('keeps showing the old order, consistently, until the new rows are in', async () => {
    const h = loaded(250);
    await h.actions.fetchRows(0, 100);
    const release = h.hold('frames:rows');
    const sorting = h.actions.setSort({ column: 'number', desc: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    let s = h.store.getState();
    expect(s.viewPending).toBe(true);
    expect(s.listVersion).toBe(0);
    expect(shownNumbers(s.rowCache, 0, 3)).toEqual([1, 2, 3]);
    release();
    await sorting;
    s = h.store.getState();
    expect(s.listVersion).toBe(1);
    expect(shownNumbers(s.rowCache, 0, 3)).toEqual([250, 249, 248]);
  });

  it('shows no rows of the old order when the new ones could not be fetched', async () => {
    const h = loaded(250);
    await h.actions.fetchRows(0, 100);
    h.failNext('frames:rows');
    await h.actions.setSort({ column: 'number', desc: true });
    let s = h.store.getState();
    expect(s.listVersion).toBe(1);
    expect(s.rowCache.row(0)).toBeUndefined();
    // The next render asks again.
    await h.actions.fetchRows(0, 100);
    s = h.store.getState();
    expect(shownNumbers(s.rowCache, 0, 100)).toEqual(range(250, 151, -1));
  });

  it('a rows answer older than the counts already shown is not committed', async () => {
    const h = loaded(250);
    await h.actions.setSort({ column: 'number', desc: true });
    const release = h.hold('frames:rows');
    const sorting = h.actions.setSort({ column: 'length', desc: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Meanwhile frames were merged into the sorted order: version 3 reaches the store first.
    h.emit({ channel: 'frames:count', payload: h.list.grow(50) });
    release();
    await sorting;
    const s = h.store.getState();
    expect(s).toMatchObject({ listVersion: 3, frameCount: 300, displayedCount: 300 });
    expect(s.rowCache.version).toBe(3);
  });
});

describe('row pages', () => {
  it('fetches each missing page once, however often the list asks', async () => {
    const h = loaded(250);
    await Promise.all([h.actions.fetchRows(0, 100), h.actions.fetchRows(0, 100), h.actions.fetchRows(20, 60)]);
    expect(h.rowRequests()).toEqual([{ start: 0, count: PAGE_ROWS }]);
    await h.actions.fetchRows(50, 150);
    expect(h.rowRequests().slice(1)).toEqual([{ start: 100, count: PAGE_ROWS }]);
    const s = h.store.getState();
    expect(shownNumbers(s.rowCache, 0, 200)).toEqual(range(1, 200));
    expect(s.rowsArrived).toBe(2);
  });

  it('asks again for a short last page once more frames are shown', async () => {
    const h = loaded(150);
    await h.actions.fetchRows(100, 150);
    expect(shownNumbers(h.store.getState().rowCache, 100, 150)).toEqual(range(101, 150));
    h.emit({ channel: 'frames:count', payload: h.list.grow(30) });
    expect(h.store.getState()).toMatchObject({ frameCount: 180, displayedCount: 180, listVersion: 0 });
    await h.actions.fetchRows(100, 180);
    expect(h.rowRequests()).toEqual([{ start: 100, count: PAGE_ROWS }, { start: 100, count: PAGE_ROWS }]);
    expect(shownNumbers(h.store.getState().rowCache, 100, 180)).toEqual(range(101, 180));
  });

  it('a page of a newer order replaces the cache and the counts', async () => {
    const h = loaded(250);
    await h.actions.setSort({ column: 'number', desc: true });
    h.list.grow(50); // merged into the sorted order: version 2, its frames:count not seen yet
    await h.actions.fetchRows(100, 200);
    let s = h.store.getState();
    expect(s).toMatchObject({ listVersion: 2, frameCount: 300, displayedCount: 300 });
    expect(s.rowCache.version).toBe(2);
    expect(shownNumbers(s.rowCache, 100, 200)).toEqual(range(200, 101, -1));
    // Page 0 is of the older order: shown until replaced, but asked for again.
    expect(s.rowCache.holds(0, 100)).toBe(false);
    await h.actions.fetchRows(0, 100);
    s = h.store.getState();
    expect(shownNumbers(s.rowCache, 0, 100)).toEqual(range(300, 201, -1));
  });

  it('a failed page is asked for again on the next render', async () => {
    const h = loaded(250);
    h.failNext('frames:rows');
    await h.actions.fetchRows(0, 100);
    expect(h.store.getState().rowCache.row(0)).toBeUndefined();
    expect(h.store.getState().notice).toBeNull();
    await h.actions.fetchRows(0, 100);
    expect(h.rowRequests()).toHaveLength(2);
    expect(h.store.getState().rowCache.row(99)?.number).toBe(100);
  });
});

describe('selection', () => {
  it('finds the selected frame in the filtered list and scrolls to it', async () => {
    const h = loaded(250);
    await h.actions.applyFilter('even');
    h.store.getState().selectFrame(10);
    const token = h.store.getState().scrollToken;
    expect(await h.actions.locateSelection(true)).toBe(4); // 2, 4, 6, 8, 10
    expect(h.store.getState()).toMatchObject({ selectedFrame: 10, selectedPosition: 4, scrollToken: token + 1 });
    h.store.getState().selectFrame(9);
    expect(await h.actions.locateSelection(false)).toBe(-1);
    expect(h.store.getState()).toMatchObject({ selectedFrame: 9, selectedPosition: null, scrollToken: token + 1 });
  });

  it('follows the selection into a new filter, and loses only its position when it is hidden', async () => {
    const h = loaded(250);
    await h.actions.fetchRows(0, 100);
    h.store.getState().selectFrame(10, false, 9);
    const token = h.store.getState().scrollToken;
    await h.actions.applyFilter('even');
    expect(h.store.getState()).toMatchObject({ selectedFrame: 10, selectedPosition: 4, scrollToken: token + 1 });
    await h.actions.applyFilter('odd');
    expect(h.store.getState()).toMatchObject({ selectedFrame: 10, selectedPosition: null, scrollToken: token + 1 });
  });

  it('ignores where a frame is once another one is selected', async () => {
    const h = loaded(250);
    h.store.getState().selectFrame(10);
    const release = h.hold('frames:position');
    const locating = h.actions.locateSelection(true);
    h.store.getState().selectFrame(20, false, 19);
    release();
    expect(await locating).toBe(-1);
    expect(h.store.getState()).toMatchObject({ selectedFrame: 20, selectedPosition: 19 });
  });

  it('selects by position from the cache, fetching the page when it is not there', async () => {
    const h = loaded(250);
    await h.actions.applyFilter('even');
    const requests = h.rowRequests().length;
    await h.actions.selectAt(5);
    expect(h.store.getState()).toMatchObject({ selectedFrame: 12, selectedPosition: 5 });
    expect(h.rowRequests()).toHaveLength(requests);
    await h.actions.selectAt(124);
    expect(h.store.getState()).toMatchObject({ selectedFrame: 250, selectedPosition: 124 });
    expect(h.rowRequests().slice(requests)).toEqual([{ start: 100, count: PAGE_ROWS }]);
    const token = h.store.getState().scrollToken;
    await h.actions.selectAt(125);
    await h.actions.selectAt(-1);
    expect(h.store.getState()).toMatchObject({ selectedFrame: 250, selectedPosition: 124, scrollToken: token });
  });
});

describe('frame detail', () => {
  const detail = (number: number): FrameDetail => ({ number, tree: [{ label: `Frame ${number}` }], bytes: new Uint8Array([number]) });

  it('lands on the selected frame; missing and failing answers are told apart', async () => {
    let fail = false;
    const h = loaded(250, (channel, arg) => {
      if (channel !== 'frames:detail') return undefined;
      if (fail) throw new Error('worker gone');
      const n = (arg as { number: number }).number;
      return n <= 250 ? detail(n) : null;
    });
    h.store.getState().selectFrame(7);
    await h.actions.fetchDetail(7);
    expect(h.store.getState().detailStatus).toBe('ready');
    expect(h.store.getState().detail?.tree[0].label).toBe('Frame 7');
    h.store.getState().selectFrame(400);
    await h.actions.fetchDetail(400);
    expect(h.store.getState()).toMatchObject({ detailStatus: 'missing', detail: null });
    fail = true;
    h.store.getState().selectFrame(8);
    await h.actions.fetchDetail(8);
    expect(h.store.getState()).toMatchObject({ detailStatus: 'error', detail: null });
  });

  it('drops a late detail for a frame no longer selected', async () => {
    const gate = deferred();
    const h = loaded(250, async (channel, arg) => {
      if (channel !== 'frames:detail') return undefined;
      await gate.promise;
      return detail((arg as { number: number }).number);
    });
    h.store.getState().selectFrame(7);
    const late = h.actions.fetchDetail(7);
    h.store.getState().selectFrame(8);
    gate.release();
    await late;
    expect(h.store.getState()).toMatchObject({ selectedFrame: 8, detailStatus: 'loading', detail: null });
  });
});
