// A fake AnalyzerApi for action tests: answers requests with `handle`, records the calls and the
// files handed to openDropped; and a Map-backed storage standing in for localStorage.
import type { AnalyzerApi, RequestChannel } from '../../src/shared/ipc-contract';
import type { PreferenceStorage } from '../../src/renderer/store/capture-preferences';

export function fakeApi(handle: (channel: RequestChannel, arg: unknown) => unknown, mode: AnalyzerApi['mode'] = 'browser') {
  const calls: Array<{ channel: string; arg: unknown }> = [];
  const dropped: string[] = [];
  const api: AnalyzerApi = {
    mode,
    request: (async (channel: RequestChannel, arg: unknown) => { calls.push({ channel, arg }); return handle(channel, arg); }) as AnalyzerApi['request'],
    on: () => () => {},
    openDropped: async (files) => { dropped.push(...files.map((f) => f.name)); return { ok: true }; },
  };
  return { api, calls, dropped, channels: () => calls.map((c) => c.channel) };
}

export function memoryStorage(initial: Record<string, string> = {}): PreferenceStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}
