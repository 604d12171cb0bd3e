// Header row of a TanStack table: click to sort (▲/▼), drag the right edge to resize a column,
// double-click the edge to restore its width. Where the owner allows it, drag a header onto
// another to move the column there, and open the column's context menu (right-click, the
// ContextMenu key or Shift+F10 on a focused header).

import { flexRender, type Table } from '@tanstack/react-table';
import { useRef, useState, type PointerEvent, type RefObject } from 'react';
import { isMenuKey, type MenuAnchor } from './ContextMenu';

/** CSS grid columns for the table's visible columns; the last one takes the remaining width. */
export function gridColumns<T>(table: Table<T>): { template: string; width: number } {
  const columns = table.getVisibleLeafColumns();
  const sizes = columns.map((c, i) => (i === columns.length - 1 ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`));
  return { template: sizes.join(' '), width: columns.reduce((sum, c) => sum + c.getSize(), 0) };
}

interface TableHeaderProps<T> {
  table: Table<T>;
  headerRef: RefObject<HTMLDivElement | null>;
  /** Opens the context menu of column `id`. */
  onColumnMenu?(id: string, anchor: MenuAnchor): void;
  /** Column `id` was dragged onto column `target`. */
  onColumnDrop?(id: string, target: string): void;
  /** Extra class of a column's header cell (its alignment). */
  headerClass?(id: string): string;
}

/** A pointer that moved this far is dragging the header, not clicking it. */
const DRAG_THRESHOLD = 6;

const columnAt = (x: number, y: number): string | null =>
  document.elementFromPoint(x, y)?.closest('[data-column-id]')?.getAttribute('data-column-id') ?? null;

export function TableHeader<T>({ table, headerRef, onColumnMenu, onColumnDrop, headerClass }: TableHeaderProps<T>) {
  const { template, width } = gridColumns(table);
  const drag = useRef<{ id: string; x: number; moved: boolean } | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const suppressClick = useRef(false);

  const onPointerDown = (id: string, event: PointerEvent<HTMLButtonElement>): void => {
    if (!onColumnDrop || event.button !== 0) return;
    drag.current = { id, x: event.clientX, moved: false };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>): void => {
    const d = drag.current;
    if (!d) return;
    if (!d.moved && Math.abs(event.clientX - d.x) < DRAG_THRESHOLD) return;
    d.moved = true;
    const target = columnAt(event.clientX, event.clientY);
    setDropTarget(target && target !== d.id ? target : null);
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>): void => {
    const d = drag.current;
    drag.current = null;
    setDropTarget(null);
    if (!d?.moved) return;
    suppressClick.current = true;
    const target = columnAt(event.clientX, event.clientY);
    if (target && target !== d.id) onColumnDrop?.(d.id, target);
  };

  return (
    <div className="grid-header" ref={headerRef}>
      <div className="grid-header-row" role="row" style={{ gridTemplateColumns: template, minWidth: width }}>
        {table.getFlatHeaders().map((header) => {
          const sorted = header.column.getIsSorted();
          const id = header.column.id;
          const sortable = header.column.getCanSort();
          return (
            <div
              key={header.id}
              role="columnheader"
              data-column-id={id}
              data-testid={`column-header-${id}`}
              className={`grid-th${dropTarget === id ? ' drop-target' : ''} ${headerClass?.(id) ?? ''}`}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              onContextMenu={onColumnMenu && ((e) => {
                e.preventDefault();
                onColumnMenu(id, { x: e.clientX, y: e.clientY });
              })}
            >
              <button
                type="button"
                className="grid-th-label"
                title={sortable ? 'Sort (drag to move the column; right-click for columns)' : 'Drag to move the column; right-click for columns'}
                onClick={(e) => {
                  if (suppressClick.current) {
                    suppressClick.current = false;
                    return;
                  }
                  header.column.getToggleSortingHandler()?.(e);
                }}
                onKeyDown={onColumnMenu && ((e) => {
                  if (!isMenuKey(e)) return;
                  e.preventDefault();
                  const r = e.currentTarget.getBoundingClientRect();
                  onColumnMenu(id, { x: r.left + 8, y: r.bottom });
                })}
                onPointerDown={(e) => onPointerDown(id, e)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={() => { drag.current = null; setDropTarget(null); }}
              >
                <span className="grid-th-text">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                <span className="grid-sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
              </button>
              {header.column.getCanResize() && (
                <div
                  className={`grid-resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
                  data-testid={`column-resizer-${id}`}
                  onMouseDown={header.getResizeHandler()}
                  onTouchStart={header.getResizeHandler()}
                  onDoubleClick={() => header.column.resetSize()}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
