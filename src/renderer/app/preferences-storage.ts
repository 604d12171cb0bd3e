// Where the window's layout is remembered: in the browser mode the page's localStorage (each
// browser keeps its own), in the Electron app a JSON file in the config directory through the
// back end (prefs:load / prefs:save). Reads and writes never throw: a layout that cannot be read
// is the default one, one that cannot be written is just not remembered.

import type { AnalyzerApi } from '../../shared/ipc-contract';
import type { PreferenceStorage } from '../store/capture-preferences';
import type { WindowPreferences } from '../store/window-preferences';

export const WINDOW_PREFERENCES_KEY = 'msnp-analyzer.window';

export interface PreferencesStore {
  /** What was stored, unchecked; undefined when nothing (or nothing readable) was. Synchronous where it can be, so the first paint has the layout. */
  load(): unknown | Promise<unknown>;
  save(preferences: WindowPreferences): void;
}

export function localPreferences(storage: PreferenceStorage | null): PreferencesStore {
  return {
    load() {
      try {
        return JSON.parse(storage?.getItem(WINDOW_PREFERENCES_KEY) ?? 'null') ?? undefined;
      } catch {
        return undefined;
      }
    },
    save(preferences) {
      try {
        storage?.setItem(WINDOW_PREFERENCES_KEY, JSON.stringify(preferences));
      } catch {
        // quota, or a storage that refuses writes
      }
    },
  };
}

export function configDirPreferences(api: AnalyzerApi): PreferencesStore {
  return {
    load: () => api.request('prefs:load', undefined).catch(() => undefined),
    save(preferences) {
      void api.request('prefs:save', { preferences: { ...preferences } }).catch(() => undefined);
    },
  };
}

export function preferencesStoreFor(api: AnalyzerApi, storage: PreferenceStorage | null): PreferencesStore {
  return api.mode === 'electron' ? configDirPreferences(api) : localPreferences(storage);
}
