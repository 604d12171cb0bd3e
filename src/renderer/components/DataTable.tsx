// A sortable, resizable, virtualized table for the side views (sessions, connections, endpoints,
// files, contacts, presence, expert). Clicking a row (or Enter on it) activates it. A text cell
// without a renderer of its own shows its value as captured text (isolated, hidden characters
// made visible): nearly everything in these tables came off the wire. A context menu (right-click,
// ContextMenu key, Shift+F10) copies a row or a cell and filters on the row where a filter exists.

import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useState, type KeyboardEvent } from 'react';
import { useActions } from '../app/analyzer-context';
import type { FilterChoice } from '../app/filter-menu';
import { CapturedText } from './CapturedText';
import { anchorBelow, isMenuKey, useContextMenu, type MenuEntry } from './ContextMenu';
import { tableRowMenu } from './table-row-menu';
import { gridColumns, TableHeader } from './TableHeader';
import { useVirtualGrid } from './use-virtual-grid';

interface DataTableProps<T> {
  label: string;
  data: T[];
  // TanStack's own examples type heterogeneous column lists this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId(row: T, index: number): string;
  onActivate?(row: T): void;
  selectedId?: string | null;
  rowTestId?: string;
  rowClassName?(row: T): string;
  emptyText: string;
  initialSorting?: SortingState;
  /** Display filters for a row ("Session: msnp.session == 3"), offered by its context menu. */
  rowFilters?(row: T): FilterChoice[];
  /** More context-menu entries for a row (a recovered file's Save, "Flow graph of this session"), before the copy entries. */
  rowEntries?(row: T): MenuEntry[];
  className?: string;
}

const capturedCell: Partial<ColumnDef<unknown, unknown>> = {
  cell: (c) => {
    const value = c.getValue();
    return typeof value === 'string' ? <CapturedText text={value} /> : (value as number | null | undefined);
  },
};

export function DataTable<T>(props: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(props.initialSorting ?? []);
  const [active, setActive] = useState(-1);
  const table = useReactTable({
    data: props.data,
    columns: props.columns,
    defaultColumn: capturedCell as Partial<ColumnDef<T, unknown>>,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    state: { sorting },
    onSortingChange: setSorting,
    autoResetAll: false,
    sortDescFirst: false,
    columnResizeMode: 'onChange',
  });
  const rows = table.getRowModel().rows;
  const { scrollRef, headerRef, virtualizer, syncHeader } = useVirtualGrid(rows.length);
  const { template, width } = gridColumns(table);

  const actions = useActions();
  const menu = useContextMenu();
  const openMenu = (index: number, columnId: string | null, anchor: { x: number; y: number }): void => {
    const row = rows[index];
    if (row) menu.open(anchor, tableRowMenu(actions, row, props.rowFilters?.(row.original) ?? [], columnId, props.rowEntries?.(row.original) ?? []));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // Ctrl+↑/↓ is the window's "previous/next packet", wherever the focus is.
    if (rows.length === 0 || event.ctrlKey || event.metaKey) return;
    let next = active;
    if (isMenuKey(event)) {
      const index = active >= 0 ? active : rows.findIndex((r) => r.id === props.selectedId);
      if (index < 0) return;
      event.preventDefault();
      openMenu(index, null, anchorBelow(scrollRef.current?.querySelector(`[data-index="${index}"]`)));
      return;
    }
    if (event.key === 'ArrowDown') next = Math.min(rows.length - 1, active + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, active - 1);
    else if (event.key === 'Enter' && rows[active]) props.onActivate?.(rows[active].original);
    else return;
    event.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className={`grid-table data-table ${props.className ?? ''}`} role="grid" aria-label={props.label} aria-rowcount={rows.length}>
      <TableHeader table={table} headerRef={headerRef} />
      <div className="grid-body" ref={scrollRef} tabIndex={0} onScroll={syncHeader} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
        <div className="grid-canvas" style={{ height: virtualizer.getTotalSize(), minWidth: width }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const selected = row.id === props.selectedId;
            const extra = props.rowClassName?.(row.original) ?? '';
            return (
              <div
                key={row.id}
                data-index={item.index}
                role="row"
                aria-selected={selected}
                data-testid={props.rowTestId}
                className={`grid-row${props.onActivate ? ' clickable' : ''}${selected ? ' selected' : ''}${item.index === active ? ' active' : ''} ${extra}`}
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                onClick={() => {
                  setActive(item.index);
                  props.onActivate?.(row.original);
                }}
                onContextMenu={(e) => {
                  e.preventDefault();
                  setActive(item.index);
                  const cell = (e.target as Element).closest('[data-column]');
                  openMenu(item.index, cell?.getAttribute('data-column') ?? null, { x: e.clientX, y: e.clientY });
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.column.id} role="gridcell" data-column={cell.column.id} className={`grid-cell col-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {rows.length === 0 && <div className="grid-empty">{props.emptyText}</div>}
        {menu.element}
      </div>
    </div>
  );
}
