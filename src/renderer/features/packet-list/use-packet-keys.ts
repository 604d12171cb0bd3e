// Keyboard navigation of the packet list: ↑/↓, PgUp/PgDn, Home/End move the selection through the
// displayed rows (by display position, asked of the back end when not yet known), and the list
// scrolls to follow it.

import { useCallback, type KeyboardEvent } from 'react';
import type { AnalyzerActions } from '../../app/analyzer-actions';
import { analyzerStore } from '../../store/analyzer-state';

/** Where a key moves the selection from `current` (-1: nothing selected); null for other keys. */
export function nextPosition(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown': return current < 0 ? 0 : Math.min(last, current + 1);
    case 'ArrowUp': return current < 0 ? 0 : Math.max(0, current - 1);
    case 'PageDown': return Math.min(last, Math.max(0, current) + pageRows);
    case 'PageUp': return Math.max(0, current - pageRows);
    case 'Home': return 0;
    case 'End': return last;
    default: return null;
  }
}

export function usePacketKeys(actions: AnalyzerActions, viewport: number, rowHeight: number) {
  return useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    // Ctrl+↑/↓ is "previous/next packet" from anywhere (use-shortcuts.ts), not a move of the list's own.
    if (event.ctrlKey || event.metaKey) return;
    const s = analyzerStore.getState();
    const pageRows = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    if (nextPosition(event.key, -1, s.displayedCount, pageRows) === null) return;
    event.preventDefault();
    const key = event.key;
    void (async () => {
      let current = s.selectedPosition ?? -1;
      if (s.selectedFrame !== null && s.selectedPosition === null) current = await actions.locateSelection(false);
      const next = nextPosition(key, current, analyzerStore.getState().displayedCount, pageRows);
      if (next !== null) await actions.selectAt(next);
    })();
  }, [actions, viewport, rowHeight]);
}
