// What the user can ask of the back end: open files, apply filters, fetch a frame's detail,
// live capture (capture-actions.ts), save and export (output-actions.ts). Each action talks to the
// AnalyzerApi and feeds the answer through the store's pure reducers; failures become notices,
// never unhandled rejections.

import type { AnalyzerApi } from '../../shared/ipc-contract';
import { downloadOutput } from '../api/download-output';
import type { AnalyzerStore } from '../store/analyzer-state';
import { closedCapture } from '../store/apply-event';
import { browserStorage, loadCapturePreferences, restoredCapture, type PreferenceStorage } from '../store/capture-preferences';
import { answerFilter, requestFilter } from '../store/filter-slice';
import { receiveDetail } from '../store/selection-slice';
import { actionSupport } from './action-support';
import { createCaptureActions } from './capture-actions';
import { partitionCaptureFiles, rejectionMessage } from './capture-files';
import { createOutputActions } from './output-actions';

export type AnalyzerActions = ReturnType<typeof createAnalyzerActions>;

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
  store.setState(restoredCapture(loadCapturePreferences(env.storage)));

  async function openPath(path: string): Promise<void> {
    const answer = await attempt('Could not open the file', () => api.request('file:open', { paths: [path] }));
    if (answer && !answer.ok) fail(answer.error);
  }

  async function applyFilter(text: string): Promise<void> {
    store.setState((s) => requestFilter(s, text));
    const expression = get().filterRequest;
    if (expression === null) return;
    const { epoch, rowCount } = get();
    const response = await attempt('Display filter failed', () => api.request('frames:filter', { expression }));
    if (!response) {
      store.setState((s) => (s.filterRequest === expression ? { filterRequest: null } : {}));
      return;
    }
    // A new capture started meanwhile: its frames need their own answer.
    if (get().epoch !== epoch) {
      if (get().filterRequest === null) await applyFilter(expression);
      return;
    }
    store.setState((s) => answerFilter(s, expression, rowCount, response));
  }

  return {
    async openFiles(files: File[]): Promise<void> {
      const { accepted, rejected } = partitionCaptureFiles(files);
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
    /** Evaluates the applied filter again (new frames arrived since its answer). */
    refreshFilter: (): Promise<void> => applyFilter(get().appliedFilter),
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
  };
}
