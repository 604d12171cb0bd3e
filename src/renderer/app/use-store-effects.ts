// Store-driven requests: fetch the detail of the selected frame when the selection changes (or a
// new capture replaced the frame it named).

import { useEffect } from 'react';
import { analyzerStore } from '../store/analyzer-state';
import type { AnalyzerActions } from './analyzer-actions';

export function useStoreEffects(actions: AnalyzerActions): void {
  useEffect(() => {
    return analyzerStore.subscribe((state, previous) => {
      if (state.selectedFrame !== null && (state.selectedFrame !== previous.selectedFrame || state.epoch !== previous.epoch)) {
        void actions.fetchDetail(state.selectedFrame);
      }
    });
  }, [actions]);
}
