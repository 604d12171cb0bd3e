// Restores the remembered layout when the window opens and remembers every change to it (columns,
// pane sizes, side panel, theme, filter buttons), a moment after the last one (a drag of a
// splitter or a column edge changes it on every mouse move) and at once when the page goes away.

import { useLayoutEffect } from 'react';
import type { AnalyzerStore } from '../store/analyzer-state';
import { preferencesOf, rememberedChanged, restoredPreferences } from '../store/window-preferences';
import { withColumns } from '../store/preferences-slice';
import type { PreferencesStore } from './preferences-storage';

const SAVE_DELAY_MS = 250;

/** Applies stored preferences to the store (the parts that pass their checks). */
export function restoreInto(store: AnalyzerStore, stored: unknown): void {
  store.setState((s) => {
    const restored = restoredPreferences(stored, s);
    return restored.columns ? { ...restored, ...withColumns(s, restored.columns) } : restored;
  });
}

export function useWindowPreferences(store: AnalyzerStore, preferences: PreferencesStore): void {
  // Before the first paint, so a remembered layout never flashes the default one first.
  useLayoutEffect(() => {
    let ready = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      preferences.save(preferencesOf(store.getState()));
    };
    const stored = preferences.load();
    const begin = (value: unknown): void => {
      // A change made before an asynchronous load answered wins over what was stored.
      if (!ready) restoreInto(store, value);
      ready = true;
    };
    if (stored instanceof Promise) void stored.then(begin);
    else begin(stored);
    const unsubscribe = store.subscribe((state, previous) => {
      if (!rememberedChanged(state, previous)) return;
      ready = true;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, SAVE_DELAY_MS);
    });
    const onHide = (): void => { if (timer !== null) flush(); };
    window.addEventListener('pagehide', onHide);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', onHide);
      onHide();
    };
  }, [store, preferences]);
}
