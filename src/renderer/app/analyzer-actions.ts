// What the user can ask of the back end: open files, apply filters, fetch a frame's detail,
// start and stop live capture. Each action talks to the AnalyzerApi and feeds the answer through
// the store's pure reducers; failures become notices, never unhandled rejections.

import type { AnalyzerApi } from '../../shared/ipc-contract';
import type { AnalyzerStore } from '../store/analyzer-state';
import { closedCapture } from '../store/apply-event';
import { receiveInterfaces } from '../store/capture-slice';
import { answerFilter, requestFilter } from '../store/filter-slice';
import { receiveDetail } from '../store/selection-slice';
import { partitionCaptureFiles, rejectionMessage } from './capture-files';

export type AnalyzerActions = ReturnType<typeof createAnalyzerActions>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createAnalyzerActions(api: AnalyzerApi, store: AnalyzerStore) {
  const get = store.getState;
  const fail = (text: string): void => get().notify('error', text);

  async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      fail(`${what}: ${messageOf(error)}`);
      return undefined;
    }
  }

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

  async function startCapture(): Promise<void> {
    const { device, captureFilter, captureBusy, capturing } = get();
    if (captureBusy || capturing) return;
    if (!device) {
      fail('Choose an interface to capture on.');
      return;
    }
    store.setState({ captureBusy: true });
    const answer = await attempt('Could not start the capture', () => api.request('capture:start', { device, filter: captureFilter }));
    store.setState({ captureBusy: false, capturing: answer?.ok === true });
    if (answer && !answer.ok) {
      store.setState({ captureFilterCheck: /filter/i.test(answer.error) ? { status: 'invalid', error: answer.error } : get().captureFilterCheck });
      fail(answer.error);
    }
  }

  async function stopCapture(): Promise<void> {
    store.setState({ captureBusy: true });
    await attempt('Could not stop the capture', () => api.request('capture:stop', undefined));
    store.setState({ captureBusy: false, capturing: false });
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
    async loadInterfaces(): Promise<void> {
      const answer = await attempt('Could not list interfaces', () => api.request('capture:interfaces', undefined));
      if (answer) store.setState((s) => receiveInterfaces(s, answer));
    },
    async checkCaptureFilter(): Promise<void> {
      const { device, captureFilter } = get();
      if (!device) return;
      store.setState({ captureFilterCheck: { status: 'checking' } });
      const answer = await attempt('Could not check the capture filter', () => api.request('capture:check-filter', { device, filter: captureFilter }));
      if (get().captureFilter !== captureFilter) return;
      store.setState({ captureFilterCheck: !answer ? { status: 'unchecked' } : answer.ok ? { status: 'valid' } : { status: 'invalid', error: answer.error } });
    },
    startCapture,
    stopCapture,
    toggleCapture: (): Promise<void> => (get().capturing ? stopCapture() : startCapture()),
    async cancelLoad(): Promise<void> {
      await attempt('Could not cancel', () => api.request('analysis:cancel', undefined));
    },
    async closeCapture(): Promise<void> {
      if (get().capturing) await stopCapture();
      await attempt('Could not close the capture', () => api.request('file:close', undefined));
      store.setState((s) => closedCapture(s));
    },
    async exportAnalysis(format: 'json' | 'csv'): Promise<void> {
      const answer = await attempt('Export failed', () => api.request('file:export', { format }));
      if (!answer) return;
      if (answer.ok) get().notify('info', `Analysis exported to ${answer.path}`);
      else fail(answer.error);
    },
  };
}
