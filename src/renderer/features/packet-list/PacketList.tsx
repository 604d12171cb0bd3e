// The packet list: one row per frame, coloured by kind, sortable by any column, virtualized so that
// a million rows scroll smoothly (TanStack Table for columns, TanStack Virtual for rows). During a
// live capture it follows new packets while the view is scrolled to the bottom.

import { flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { displayedCount, displayPositionOf, rowIndexAt } from '../../store/packet-order';
import { gridColumns, TableHeader } from '../../components/TableHeader';
import { ROW_HEIGHT, useVirtualGrid } from '../../components/use-virtual-grid';
import { fromSorting, packetColumns, toSorting, type PacketTableMeta } from './packet-columns';
import { usePacketKeys } from './use-packet-keys';

export function PacketList() {
  const s = useAnalyzer(useShallow((st) => ({
    rows: st.rows, rowCount: st.rowCount, order: st.order, sort: st.sort, selectedFrame: st.selectedFrame,
    scrollToken: st.scrollToken, firstTimeUs: st.firstTimeUs, timeFormat: st.timeFormat, live: st.captureSource === 'live',
  })));
  const count = displayedCount(s.order, s.rowCount);
  const { scrollRef, headerRef, virtualizer, syncHeader } = useVirtualGrid(count);
  const items = virtualizer.getVirtualItems();
  const visible = items.map((item) => s.rows[rowIndexAt(s.order, item.index)]);

  const sorting = toSorting(s.sort);
  const onSortingChange = useCallback((updater: Updater<SortingState>) => {
    const state = analyzerStore.getState();
    const next = typeof updater === 'function' ? updater(toSorting(state.sort)) : updater;
    state.setSort(fromSorting(next));
  }, []);
  const meta: PacketTableMeta = { firstTimeUs: s.firstTimeUs, timeFormat: s.timeFormat };
  const table = useReactTable({
    data: visible,
    columns: packetColumns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // The data is only the rows in view and changes on every scroll: without this, TanStack
    // queues a page-index reset per new data array, which re-renders forever.
    autoResetAll: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange,
    columnResizeMode: 'onChange',
    meta,
  });
  const { template, width } = gridColumns(table);
  const tableRows = table.getRowModel().rows;

  // Follow the newest packet during a live capture, as long as the user is at the bottom.
  const atBottom = useRef(true);
  const onScroll = (): void => {
    syncHeader();
    const el = scrollRef.current;
    if (el) atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 1.5;
  };
  useLayoutEffect(() => {
    if (s.live && atBottom.current && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, s.live, virtualizer]);

  // Scroll the selection into view when something asks for it (keys, transcript, go to packet).
  useEffect(() => {
    if (s.scrollToken === 0) return;
    const st = analyzerStore.getState();
    if (st.selectedFrame === null) return;
    const position = displayPositionOf(st.rows, st.rowCount, st.order, st.selectedFrame);
    if (position >= 0) virtualizer.scrollToIndex(position, { align: 'auto' });
    else if (st.rowCount > 0) st.notify('info', `Frame ${st.selectedFrame} is not displayed (hidden by the display filter).`);
  }, [s.scrollToken, virtualizer]);

  const onKeyDown = usePacketKeys(scrollRef, ROW_HEIGHT);
  const select = (frame: number): void => {
    analyzerStore.getState().selectFrame(frame);
    scrollRef.current?.focus({ preventScroll: true });
  };

  return (
    <div className="packet-list grid-table" role="grid" aria-label="Packet list" aria-rowcount={count}>
      <TableHeader table={table} headerRef={headerRef} />
      <div className="grid-body" ref={scrollRef} tabIndex={0} onScroll={onScroll} onKeyDown={onKeyDown} data-testid="packet-list">
        <div className="grid-canvas" style={{ height: virtualizer.getTotalSize(), minWidth: width }}>
          {items.map((item, i) => {
            const row = visible[i];
            const selected = row.number === s.selectedFrame;
            return (
              <div
                key={row.number}
                role="row"
                aria-selected={selected}
                data-testid="packet-row"
                data-frame={row.number}
                className={`grid-row packet-row kind-${row.kind}${selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template }}
                onMouseDown={() => select(row.number)}
              >
                {tableRows[i]?.getVisibleCells().map((cell) => (
                  <div key={cell.column.id} role="gridcell" className={`grid-cell col-${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {count === 0 && <div className="grid-empty">{s.rowCount === 0 ? 'No packets yet.' : 'No packets match the display filter.'}</div>}
      </div>
    </div>
  );
}
