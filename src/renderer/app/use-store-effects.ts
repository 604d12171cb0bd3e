// Store-driven requests: fetch the detail of the selected frame, and evaluate the applied display
// filter again (throttled) when new frames arrived after its last answer (loading, live capture).

import { useEffect } from 'react';
import { analyzerStore } from '../store/analyzer-state';
import { filterIsStale } from '../store/filter-slice';
import type { AnalyzerActions } from './analyzer-actions';

const REFILTER_DELAY_MS = 750;

export function useStoreEffects(actions: AnalyzerActions): void {
  useEffect(() => {
    let refilterTimer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = analyzerStore.subscribe((state, previous) => {
      if (state.selectedFrame !== null && (state.selectedFrame !== previous.selectedFrame || state.epoch !== previous.epoch)) {
        void actions.fetchDetail(state.selectedFrame);
      }
      if (refilterTimer === null && filterIsStale(state)) {
        refilterTimer = setTimeout(() => {
          refilterTimer = null;
          if (filterIsStale(analyzerStore.getState())) void actions.refreshFilter();
        }, REFILTER_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      if (refilterTimer) clearTimeout(refilterTimer);
    };
  }, [actions]);
}
