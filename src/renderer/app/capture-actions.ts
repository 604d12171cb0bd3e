// Live-capture actions: list interfaces, check the BPF capture filter, start and stop. Start
// checks the filter with libpcap first (unless it was just checked), so a filter that does not
// compile is reported next to the field and nothing starts; a capture that did start remembers
// its interface and filter for the next session (capture-preferences.ts).

import type { AnalyzerApi } from '../../shared/ipc-contract';
import type { AnalyzerStore } from '../store/analyzer-state';
import { receiveInterfaces, type CaptureFilterCheck } from '../store/capture-slice';
import { saveCapturePreferences, type PreferenceStorage } from '../store/capture-preferences';
import type { ActionSupport } from './action-support';

export function createCaptureActions(api: AnalyzerApi, store: AnalyzerStore, { fail, attempt }: ActionSupport, storage: PreferenceStorage | null) {
  const get = store.getState;

  /** Records a check's outcome unless the filter or device changed while it ran. */
  function settleCheck(device: string, filter: string, check: CaptureFilterCheck): void {
    store.setState((s) => (s.captureFilter === filter && s.device === device ? { captureFilterCheck: check } : {}));
  }

  /** True when libpcap compiles the filter for the device; otherwise the reason is shown by the field. */
  async function filterCompiles(device: string, filter: string): Promise<boolean> {
    if (get().captureFilterCheck.status === 'valid') return true;
    store.setState({ captureFilterCheck: { status: 'checking' } });
    const answer = await attempt('Could not check the capture filter', () => api.request('capture:check-filter', { device, filter }));
    settleCheck(device, filter, !answer ? { status: 'unchecked' } : answer.ok ? { status: 'valid' } : { status: 'invalid', error: answer.error });
    return answer?.ok === true;
  }

  async function startCapture(): Promise<void> {
    const { device, captureFilter: filter, captureBusy, capturing } = get();
    if (captureBusy || capturing) return;
    if (!device) {
      fail('Choose an interface to capture on.');
      return;
    }
    store.setState({ captureBusy: true });
    try {
      if (!(await filterCompiles(device, filter))) return;
      const answer = await attempt('Could not start the capture', () => api.request('capture:start', { device, filter }));
      store.setState({ capturing: answer?.ok === true });
      if (answer?.ok) saveCapturePreferences(storage, { device, filter });
      else if (answer) {
        if (/filter/i.test(answer.error)) settleCheck(device, filter, { status: 'invalid', error: answer.error });
        fail(answer.error);
      }
    } finally {
      store.setState({ captureBusy: false });
    }
  }

  async function stopCapture(): Promise<void> {
    store.setState({ captureBusy: true });
    await attempt('Could not stop the capture', () => api.request('capture:stop', undefined));
    store.setState({ captureBusy: false, capturing: false });
  }

  return {
    async loadInterfaces(): Promise<void> {
      const answer = await attempt('Could not list interfaces', () => api.request('capture:interfaces', undefined));
      if (answer) store.setState((s) => receiveInterfaces(s, answer));
    },
    async checkCaptureFilter(): Promise<void> {
      const { device, captureFilter } = get();
      if (device) await filterCompiles(device, captureFilter);
    },
    startCapture,
    stopCapture,
    toggleCapture: (): Promise<void> => (get().capturing ? stopCapture() : startCapture()),
  };
}
