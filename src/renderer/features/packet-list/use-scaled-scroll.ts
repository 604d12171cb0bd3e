// The packet list's scroll state for scaled virtual scrolling (scaled-scroll.ts): the virtual
// offset into the whole list, the viewport's height, and wheel handling that moves the offset by
// real pixels when the scrollbar is scaled.

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { clampOffset, offsetForScrollTop, offsetToShow, scrollTopForOffset, type ScrollGeometry } from './scaled-scroll';

const LINE_PX = 20;

export function useScaledScroll(scrollRef: RefObject<HTMLDivElement | null>, rows: number, rowHeight: number) {
  const [viewport, setViewport] = useState(400);
  const [offset, setOffset] = useState(0);
  const offsetRef = useRef(0);
  /** The scrollTop we set ourselves: a scroll event at it is ours, not the user dragging the bar. */
  const ownScrollTop = useRef<number | null>(null);
  const geometry: ScrollGeometry = { rows, rowHeight, viewport };
  const geometryRef = useRef(geometry);
  geometryRef.current = geometry;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 400);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scrollRef]);

  const moveTo = useCallback((next: number) => {
    const g = geometryRef.current;
    const clamped = clampOffset(g, next);
    offsetRef.current = clamped;
    setOffset(clamped);
    const el = scrollRef.current;
    if (el) {
      const top = scrollTopForOffset(g, clamped);
      ownScrollTop.current = top;
      el.scrollTop = top;
    }
  }, [scrollRef]);

  /** The scroll element's scroll event. */
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const own = ownScrollTop.current;
    ownScrollTop.current = null;
    if (own !== null && Math.abs(el.scrollTop - own) < 1.5) return;
    const next = offsetForScrollTop(geometryRef.current, el.scrollTop);
    offsetRef.current = next;
    setOffset(next);
  }, [scrollRef]);

  // Wheel: real pixels of virtual offset (a scaled scrollbar would turn one notch into hundreds of rows).
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      const g = geometryRef.current;
      if (g.rows * g.rowHeight <= el.scrollHeight + 1) return; // not scaled: native scrolling is exact
      if (event.ctrlKey || Math.abs(event.deltaY) < Math.abs(event.deltaX)) return;
      event.preventDefault();
      const unit = event.deltaMode === 1 ? LINE_PX : event.deltaMode === 2 ? g.viewport : 1;
      moveTo(offsetRef.current + event.deltaY * unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scrollRef, moveTo]);

  // The list shrank (a filter) or the viewport grew: keep the offset in range.
  useLayoutEffect(() => {
    const clamped = clampOffset(geometryRef.current, offsetRef.current);
    if (clamped !== offsetRef.current) moveTo(clamped);
  }, [rows, viewport, rowHeight, moveTo]);

  const show = useCallback((position: number, align: 'auto' | 'start' | 'end' = 'auto') => {
    moveTo(offsetToShow(geometryRef.current, offsetRef.current, position, align));
  }, [moveTo]);

  const atEnd = offset >= clampOffset(geometry, Number.MAX_SAFE_INTEGER) - rowHeight * 1.5;
  return { geometry, offset, onScroll, show, moveTo, atEnd };
}
