// What the user can ask of the back end: open files, apply filters, fetch a frame's detail,
// live capture (capture-actions.ts), save and export (output-actions.ts). Each action talks to the
// AnalyzerApi and feeds the answer through the store's pure reducers; failures become notices,
// never unhandled rejections.

import type { AnalyzerApi } from '../../shared/ipc-contract';
import type { StatsKind, StatsResponse } from '../../shared/statistics';
import type { IoGraphRequest, IoGraphResponse } from '../../shared/io-graph';
import type { TimelineGrouping, TimelineResponse } from '../../shared/timeline';
import { downloadOutput } from '../api/download-output';
import type { AnalyzerStore } from '../store/analyzer-state';
import { closedCapture } from '../store/apply-event';
import { browserStorage, loadCapturePreferences, restoredCapture, type PreferenceStorage } from '../store/capture-preferences';
import type { FrameRowsRequest, SortSpec } from '../../shared/packet-page';
import { receiveCounts } from '../store/packet-list-slice';
import { PAGE_ROWS, RowCache } from '../store/row-cache';
import { receiveDetail } from '../store/selection-slice';
import { actionSupport } from './action-support';
import { createCaptureActions } from './capture-actions';
import { partitionCaptureFiles, rejectionMessage } from './capture-files';
import { checkDisplayFilter } from './filter-check';
import { createNavigationActions } from './navigation-actions';
import { createOutputActions } from './output-actions';

export type AnalyzerActions = ReturnType<typeof createAnalyzerActions>;

/** A page request, with the custom columns' fields when there are any. */
function rowsRequest(index: number, fields: readonly string[]): FrameRowsRequest {
  const request: FrameRowsRequest = { start: index * PAGE_ROWS, count: PAGE_ROWS };
  if (fields.length > 0) request.fields = [...fields];
  return request;
}

/** The page's side effects, replaceable in tests. */
export interface ActionEnvironment {
  /** Where the remembered capture interface and filter live (localStorage). */
  storage: PreferenceStorage | null;
  /** Browser mode: download a file the back end wrote. */
  download(path: string): void;
}

const pageEnvironment = (): ActionEnvironment => ({ storage: browserStorage(), download: (path) => downloadOutput(path) });

/** Also restores the remembered capture choice into the store. */
export function createAnalyzerActions(api: AnalyzerApi, store: AnalyzerStore, env: ActionEnvironment = pageEnvironment()) {
  const get = store.getState;
  const support = actionSupport(store);
  const { fail, attempt } = support;
  const capture = createCaptureActions(api, store, support, env.storage);
  const output = createOutputActions(api, store, support, env.download);
  const navigation = createNavigationActions(api, store, support);
  store.setState(restoredCapture(loadCapturePreferences(env.storage)));

  async function openPath(path: string): Promise<void> {
    // A banner about what was open before does not stay over the next capture.
    store.getState().dismissNotice();
    const answer = await attempt('Could not open the file', () => api.request('file:open', { paths: [path] }));
    if (answer && !answer.ok) fail(answer.error);
  }

  /**
   * Sends the display filter and sort to the back end, which applies them to this capture (and to
   * frames arriving later, and to the next capture opened).
   */
  async function setView(filter: string, sort: SortSpec | null): Promise<boolean> {
    store.setState({ filterRequest: filter, viewPending: true });
    const answer = await attempt('Display filter failed', () => api.request('frames:view', { filter, sort }));
    const done = (patch: object) => store.setState((s) => (s.filterRequest === filter ? { filterRequest: null, viewPending: false, ...patch } : {}));
    if (!answer) {
      done({});
      return false;
    }
    if (!answer.ok) {
      done({ filterCheck: { status: 'invalid', error: answer.error, position: answer.position } });
      return false;
    }
    // The new order replaces the old one at once, with the rows in view already fetched: the list
    // never shows old rows under a new sort, nor a blank list while they come.
    const cache = new RowCache(answer.counts.version, null, get().rowCache.fields);
    const span = Math.max(1, visible.last - visible.first);
    const from = Math.max(0, Math.min(visible.first, answer.counts.displayed - span));
    await Promise.all(pagesOf(from, from + span).map(async (index) => {
      const page = await api.request('frames:rows', rowsRequest(index, cache.fields)).catch(() => null);
      if (page) cache.put(index, page);
    }));
    store.setState((s) => {
      if (s.filterRequest !== filter || answer.counts.version < s.listVersion) return {};
      return { frameCount: answer.counts.frames, displayedCount: answer.counts.displayed, listVersion: answer.counts.version, firstTimeUs: answer.counts.firstTimeUs ?? s.firstTimeUs, rowCache: cache, rowsArrived: s.rowsArrived + 1 };
    });
    done({ appliedFilter: filter, sort });
    // Where the selection went in the new order.
    if (get().selectedFrame !== null && (await locateSelection(false)) >= 0) store.setState((s) => ({ scrollToken: s.scrollToken + 1 }));
    return true;
  }

  async function applyFilter(text: string): Promise<void> {
    await setView(text.trim(), get().sort);
  }

  const inFlight = new Set<string>();
  /** Display positions the packet list shows (it tells us as it scrolls). */
  const visible = { first: 0, last: PAGE_ROWS };
  const pagesOf = (from: number, to: number): number[] => {
    const pages: number[] = [];
    for (let p = Math.floor(from / PAGE_ROWS); p * PAGE_ROWS < to; p++) pages.push(p);
    return pages;
  };

  /** Fetches the pages needed to show display positions [from, to) that the cache lacks. */
  async function fetchRows(from: number, to: number, inView = true): Promise<void> {
    if (inView) {
      visible.first = from;
      visible.last = to;
    }
    const { rowCache, displayedCount } = get();
    const wanted = rowCache.missing(from, to, displayedCount);
    const { fields } = rowCache;
    await Promise.all(wanted.map(async (index) => {
      const key = `${rowCache.version}:${index}:${displayedCount}:${fields.join(',')}`;
      if (inFlight.has(key)) return;
      inFlight.add(key);
      try {
        const page = await api.request('frames:rows', rowsRequest(index, fields));
        store.setState((s) => {
          const counts = receiveCounts(s, page);
          const cache = counts.rowCache ?? s.rowCache;
          return cache.put(index, page, fields) ? { ...counts, rowsArrived: s.rowsArrived + 1 } : counts;
        });
      } catch {
        // The capture was closed or replaced meanwhile: the next render asks again.
      } finally {
        inFlight.delete(key);
      }
    }));
  }

  /** Asks the back end where the selected frame is shown; scrolls to it when `scroll`. */
  async function locateSelection(scroll: boolean): Promise<number> {
    const frame = get().selectedFrame;
    if (frame === null) return -1;
    const position = await api.request('frames:position', { number: frame }).catch(() => -1);
    if (get().selectedFrame !== frame) return -1;
    store.setState((s) => ({ selectedPosition: position >= 0 ? position : null, ...(scroll ? { scrollToken: s.scrollToken + 1 } : {}) }));
    return position;
  }

  /** Selects the row at a display position (keys, Home/End), fetching its page when needed. */
  async function selectAt(position: number): Promise<void> {
    const s = get();
    if (position < 0 || position >= s.displayedCount) return;
    let row = s.rowCache.row(position);
    if (!row) {
      await fetchRows(position, position + 1, false);
      row = get().rowCache.row(position);
    }
    if (row) get().selectFrame(row.number, true, position);
  }

  return {
    async openFiles(files: File[]): Promise<void> {
      const { accepted, rejected } = partitionCaptureFiles(files);
      store.getState().dismissNotice();
      if (rejected.length > 0) fail(rejectionMessage(rejected));
      if (accepted.length === 0) return;
      const answer = await attempt('Could not open the file', () => api.openDropped(accepted));
      if (answer && !answer.ok) fail(answer.error);
    },
    openPath,
    async openSample(): Promise<void> {
      const path = await attempt('No bundled sample', () => api.request('file:sample', undefined));
      if (path) await openPath(path);
    },
    recentFiles: async (): Promise<string[]> => (await attempt('Recent files', () => api.request('file:recent', undefined))) ?? [],
    applyFilter,
    /** Puts `expression` in the filter bar and applies it (Statistics' "filter on this"). */
    async filterOn(expression: string): Promise<void> {
      get().editFilter(expression, checkDisplayFilter(expression));
      await applyFilter(expression);
    },
    /** One Statistics view's tables, computed by the back end. */
    statistics: (kind: StatsKind): Promise<StatsResponse | undefined> => attempt('Statistics', () => api.request('stats:get', { kind })),
    /** The I/O graph's buckets, counted by the back end. */
    ioGraph: (request: IoGraphRequest): Promise<IoGraphResponse | undefined> => attempt('I/O graph', () => api.request('stats:io-graph', request)),
    /** The session timeline, built by the back end from the analysis. */
    timeline: (grouping: TimelineGrouping): Promise<TimelineResponse | undefined> => attempt('Session timeline', () => api.request('stats:timeline', { grouping })),
    setSort: (sort: SortSpec | null): Promise<boolean> => setView(get().appliedFilter, sort),
    fetchRows,
    locateSelection,
    selectAt,
    async fetchDetail(frame: number): Promise<void> {
      try {
        const detail = await api.request('frames:detail', { number: frame });
        store.setState((s) => receiveDetail(s, frame, detail));
      } catch {
        store.setState((s) => receiveDetail(s, frame, 'error'));
      }
    },
    ...capture,
    async cancelLoad(): Promise<void> {
      await attempt('Could not cancel', () => api.request('analysis:cancel', undefined));
    },
    async closeCapture(): Promise<void> {
      if (get().capturing) await capture.stopCapture();
      await attempt('Could not close the capture', () => api.request('file:close', undefined));
      store.setState((s) => closedCapture(s));
    },
    ...output,
    ...navigation,
  };
}
