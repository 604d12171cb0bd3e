// Header row of a TanStack table: click to sort (▲/▼), drag the right edge to resize a column,
// double-click the edge to restore its width.

import { flexRender, type Table } from '@tanstack/react-table';
import type { RefObject } from 'react';

/** CSS grid columns for the table's visible columns; the last one takes the remaining width. */
export function gridColumns<T>(table: Table<T>): { template: string; width: number } {
  const columns = table.getVisibleLeafColumns();
  const sizes = columns.map((c, i) => (i === columns.length - 1 ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`));
  return { template: sizes.join(' '), width: columns.reduce((sum, c) => sum + c.getSize(), 0) };
}

export function TableHeader<T>({ table, headerRef }: { table: Table<T>; headerRef: RefObject<HTMLDivElement | null> }) {
  const { template, width } = gridColumns(table);
  return (
    <div className="grid-header" ref={headerRef}>
      <div className="grid-header-row" role="row" style={{ gridTemplateColumns: template, minWidth: width }}>
        {table.getFlatHeaders().map((header) => {
          const sorted = header.column.getIsSorted();
          return (
            <div
              key={header.id}
              role="columnheader"
              className="grid-th"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            >
              <button type="button" className="grid-th-label" onClick={header.column.getToggleSortingHandler()} title="Sort">
                {flexRender(header.column.columnDef.header, header.getContext())}
                <span className="grid-sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
              </button>
              {header.column.getCanResize() && (
                <div
                  className={`grid-resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
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
