// A draggable divider between two panes. It reports the pointer position relative to its parent
// pane; the owner turns that into a size. Arrow keys move it too (it is a focusable separator).

import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** 'columns' separates side-by-side panes (drag left/right); 'rows' stacked panes (drag up/down). */
  between: 'columns' | 'rows';
  label: string;
  onDrag(position: { x: number; y: number; rect: DOMRect }): void;
  onStep(delta: number): void;
}

export function Splitter({ between, label, onDrag, onStep }: SplitterProps) {
  const dragging = useRef(false);
  const report = (event: PointerEvent<HTMLDivElement>): void => {
    const parent = event.currentTarget.parentElement;
    if (parent) onDrag({ x: event.clientX, y: event.clientY, rect: parent.getBoundingClientRect() });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const back = between === 'columns' ? 'ArrowLeft' : 'ArrowUp';
    const forward = between === 'columns' ? 'ArrowRight' : 'ArrowDown';
    if (event.key === back) onStep(-1);
    else if (event.key === forward) onStep(1);
    else return;
    event.preventDefault();
  };
  return (
    <div
      className={`splitter splitter-${between}`}
      role="separator"
      aria-label={label}
      aria-orientation={between === 'columns' ? 'vertical' : 'horizontal'}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
        event.preventDefault();
      }}
      onPointerMove={(event) => dragging.current && report(event)}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
    />
  );
}
