// Shared plumbing of the virtualized tables: a scroll body with fixed-height rows (only the rows in
// view exist in the DOM) and a header kept outside it, scrolled sideways in step with the body.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';

export const ROW_HEIGHT = 20;

export function useVirtualGrid(count: number, rowHeight = ROW_HEIGHT, overscan = 12) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  // Stable callbacks: a new estimateSize on every render makes the virtualizer re-measure and
  // re-render again, which loops once updates are synchronous (a click).
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useVirtualizer({ count, getScrollElement, estimateSize, overscan });
  const syncHeader = useCallback(() => {
    if (headerRef.current && scrollRef.current) headerRef.current.scrollLeft = scrollRef.current.scrollLeft;
  }, []);
  return { scrollRef, headerRef, virtualizer, syncHeader };
}
