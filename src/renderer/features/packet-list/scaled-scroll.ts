// Scaled virtual scrolling: Chromium caps an element's height at 33,554,428 px (1.68 million rows
// of 20 px), so a list of ten million rows cannot be one tall element. The scroll element's content
// is capped at MAX_SCROLL_HEIGHT; the scrollbar maps linearly onto the list's virtual height, while
// wheel and keys move the virtual offset by real pixels, so small moves never jump rows. Pure
// functions, tested in Node.

/** Well under Chromium's limit, and small enough that scrollTop keeps sub-pixel precision. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface ScrollGeometry {
  rows: number;
  rowHeight: number;
  viewport: number;
}

/** Height of the scrolled content element. */
export function contentHeight(g: ScrollGeometry): number {
  return Math.min(g.rows * g.rowHeight, MAX_SCROLL_HEIGHT);
}

/** How far the virtual list can scroll (px), and how far the element can. */
function ranges(g: ScrollGeometry): { virtual: number; element: number } {
  const virtual = Math.max(0, g.rows * g.rowHeight - g.viewport);
  const element = Math.max(0, contentHeight(g) - g.viewport);
  return { virtual, element };
}

export function clampOffset(g: ScrollGeometry, offset: number): number {
  return Math.max(0, Math.min(ranges(g).virtual, offset));
}

/** The virtual offset (px into the whole list) for an element scrollTop. */
export function offsetForScrollTop(g: ScrollGeometry, scrollTop: number): number {
  const { virtual, element } = ranges(g);
  if (element <= 0) return 0;
  return virtual === element ? Math.min(scrollTop, virtual) : (Math.min(scrollTop, element) / element) * virtual;
}

/** The element scrollTop that shows a virtual offset. */
export function scrollTopForOffset(g: ScrollGeometry, offset: number): number {
  const { virtual, element } = ranges(g);
  if (virtual <= 0) return 0;
  return virtual === element ? clampOffset(g, offset) : (clampOffset(g, offset) / virtual) * element;
}

/** Rows [first, last) intersecting the viewport at `offset`, with `overscan` rows either side. */
export function visibleRows(g: ScrollGeometry, offset: number, overscan = 8): { first: number; last: number } {
  if (g.rows === 0) return { first: 0, last: 0 };
  const first = Math.max(0, Math.floor(offset / g.rowHeight) - overscan);
  const last = Math.min(g.rows, Math.ceil((offset + g.viewport) / g.rowHeight) + overscan);
  return { first, last };
}

/** The offset that brings row `position` into view: unchanged when it already is ('auto'). */
export function offsetToShow(g: ScrollGeometry, offset: number, position: number, align: 'auto' | 'start' | 'end' = 'auto'): number {
  const top = position * g.rowHeight;
  const bottom = top + g.rowHeight;
  if (align === 'start') return clampOffset(g, top);
  if (align === 'end') return clampOffset(g, bottom - g.viewport);
  if (top < offset) return clampOffset(g, top);
  if (bottom > offset + g.viewport) return clampOffset(g, bottom - g.viewport);
  return offset;
}
