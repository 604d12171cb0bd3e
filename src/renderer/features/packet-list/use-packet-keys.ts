// Keyboard navigation of the packet list: ↑/↓, PgUp/PgDn, Home/End move the selection through the
// displayed rows, and the list scrolls to follow it.

import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { analyzerStore } from '../../store/analyzer-state';
import { displayedCount, displayPositionOf, rowIndexAt } from '../../store/packet-order';

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

export function usePacketKeys(scrollRef: RefObject<HTMLDivElement | null>, rowHeight: number) {
  return useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const s = analyzerStore.getState();
    const count = displayedCount(s.order, s.rowCount);
    const current = s.selectedFrame === null ? -1 : displayPositionOf(s.rows, s.rowCount, s.order, s.selectedFrame);
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const next = nextPosition(event.key, current, count, pageRows);
    if (next === null) return;
    event.preventDefault();
    s.selectFrame(s.rows[rowIndexAt(s.order, next)].number, true);
  }, [scrollRef, rowHeight]);
}
