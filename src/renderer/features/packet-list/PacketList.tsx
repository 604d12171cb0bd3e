// The packet list: one row per frame, coloured by kind, sortable by any column. The rows live in
// the back end; this view asks for the pages around what is on screen (a few hundred rows at most
// exist here) and scrolls with a scaled scrollbar past the browser's element-height limit, so ten
// million rows scroll like a thousand. During a live capture it follows new packets while the view
// is at the bottom. TanStack Table gives the columns (header, sort marks, resizing); the user's
// column set (order, widths, alignment, hidden and custom columns) comes from the store and is
// remembered (column-layout.ts, window-preferences.ts).

import { flexRender, getCoreRowModel, useReactTable, type ColumnSizingState, type SortingState, type Updater } from '@tanstack/react-table';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useActions } from '../../app/analyzer-context';
import { anchorBelow, isMenuKey, useContextMenu, type MenuAnchor } from '../../components/ContextMenu';
import { gridColumns, TableHeader } from '../../components/TableHeader';
import { ROW_HEIGHT } from '../../components/use-virtual-grid';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import type { ListRow } from '../../store/row-cache';
import { columnHeaderMenu } from './column-header-menu';
import { BUILTIN_COLUMNS, moveBefore, setWidth, visibleColumns, type ColumnPref } from './column-layout';
import { fromSorting, toSorting, type PacketTableMeta } from './packet-columns';
import { packetRowMenu } from './packet-row-menu';
import { contentHeight, visibleRows } from './scaled-scroll';
import { usePacketKeys } from './use-packet-keys';
import { useScaledScroll } from './use-scaled-scroll';
import { visiblePacketColumns } from './visible-packet-columns';

/** Widths as TanStack's sizing state: a column missing from it has its default width (double-click on its edge). */
const sizingOf = (columns: readonly ColumnPref[]): ColumnSizingState => Object.fromEntries(visibleColumns(columns).map((c) => [c.id, c.width]));
const defaultWidth = (id: string): number => BUILTIN_COLUMNS.find((c) => c.id === id)?.width ?? 120;

export function PacketList() {
  const actions = useActions();
  const s = useAnalyzer(useShallow((st) => ({
    count: st.displayedCount, frames: st.frameCount, cache: st.rowCache, arrived: st.rowsArrived, sort: st.sort,
    selectedFrame: st.selectedFrame, scrollToken: st.scrollToken, firstTimeUs: st.firstTimeUs, timeFormat: st.timeFormat,
    live: st.captureSource === 'live', busy: st.viewPending, columns: st.columns, timePrecision: st.timePrecision,
  })));
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const scroll = useScaledScroll(scrollRef, s.count, ROW_HEIGHT);
  const { first, last } = visibleRows(scroll.geometry, scroll.offset);

  // Ask for the rows in view (the cache says which pages it lacks).
  useEffect(() => {
    if (last > first) void actions.fetchRows(first, last);
  }, [actions, first, last, s.cache, s.count]);

  const positions: number[] = [];
  const visible: ListRow[] = [];
  for (let p = first; p < last; p++) {
    const row = s.cache.row(p);
    if (row) {
      positions.push(p);
      visible.push(row);
    }
  }

  // Busy while a new order is being made or rows in view are still on their way (tests wait on it).
  const busy = s.busy || (s.count > 0 && !s.cache.holds(first, last));
  const sorting = toSorting(s.sort);
  const onSortingChange = useCallback((updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(toSorting(analyzerStore.getState().sort)) : updater;
    void actions.setSort(fromSorting(next));
  }, [actions]);
  const meta: PacketTableMeta = { firstTimeUs: s.firstTimeUs, timeFormat: s.timeFormat, timePrecision: s.timePrecision };
  const fields = s.cache.fields;
  const columnDefs = useMemo(() => visiblePacketColumns(s.columns, fields), [s.columns, fields]);
  const columnSizing = useMemo(() => sizingOf(s.columns), [s.columns]);
  const onColumnSizingChange = useCallback((updater: Updater<ColumnSizingState>) => {
    const store = analyzerStore.getState();
    const next = typeof updater === 'function' ? updater(sizingOf(store.columns)) : updater;
    store.changeColumns((columns) => visibleColumns(columns).reduce((all, c) => setWidth(all, c.id, next[c.id] ?? defaultWidth(c.id)), columns));
  }, []);
  const table = useReactTable({
    data: visible,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // The data is only the rows in view and changes on every scroll: without this, TanStack
    // queues a page-index reset per new data array, which re-renders forever.
    autoResetAll: false,
    sortDescFirst: false,
    state: { sorting, columnSizing },
    onSortingChange,
    onColumnSizingChange,
    columnResizeMode: 'onChange',
    meta,
  });
  const { template, width } = gridColumns(table);
  const tableRows = table.getRowModel().rows;

  // Follow the newest packet during a live capture, as long as the user is at the bottom.
  const following = useRef(true);
  following.current = scroll.atEnd;
  useLayoutEffect(() => {
    if (s.live && following.current && s.count > 0) scroll.show(s.count - 1, 'end');
  }, [s.count, s.live]);

  // Scroll the selection into view when something asks for it (keys, transcript, go to packet).
  useEffect(() => {
    if (s.scrollToken === 0) return;
    const st = analyzerStore.getState();
    if (st.selectedFrame === null) return;
    if (st.selectedPosition !== null) {
      scroll.show(st.selectedPosition);
      return;
    }
    void actions.locateSelection(false).then((position) => {
      if (position >= 0) scroll.show(position);
      // −1 also when the selection moved on meanwhile (arrow keys in a view that selects frames): say nothing then.
      else if (analyzerStore.getState().frameCount > 0 && analyzerStore.getState().selectedFrame === st.selectedFrame) st.notify('info', `Frame ${st.selectedFrame} is not displayed (hidden by the display filter).`);
    });
  }, [s.scrollToken]);

  const menu = useContextMenu();
  const openMenu = (row: ListRow, anchor: MenuAnchor): void => menu.open(anchor, packetRowMenu(actions, row, meta, analyzerStore.getState().result?.sessions));
  const alignOf = useMemo(() => new Map(s.columns.map((c) => [c.id, `align-${c.align}`])), [s.columns]);
  const moveKeys = usePacketKeys(actions, scroll.geometry.viewport, ROW_HEIGHT);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!isMenuKey(event)) return moveKeys(event);
    const row = visible.find((r) => r.number === s.selectedFrame);
    if (!row) return;
    event.preventDefault();
    openMenu(row, anchorBelow(scrollRef.current?.querySelector('.packet-row.selected')));
  };
  const select = (frame: number, position: number): void => {
    analyzerStore.getState().selectFrame(frame, false, position);
    scrollRef.current?.focus({ preventScroll: true });
  };
  const onScroll = (): void => {
    scroll.onScroll();
    if (headerRef.current && scrollRef.current) headerRef.current.scrollLeft = scrollRef.current.scrollLeft;
  };
  const scrollTop = scrollRef.current?.scrollTop ?? 0;

  return (
    <div className="packet-list grid-table" role="grid" aria-label="Packet list" aria-rowcount={s.count} aria-busy={busy}>
      <TableHeader
        table={table}
        headerRef={headerRef}
        headerClass={(id) => alignOf.get(id) ?? ''}
        onColumnMenu={(id, anchor) => menu.open(anchor, columnHeaderMenu(analyzerStore.getState().columns, id))}
        onColumnDrop={(id, target) => analyzerStore.getState().changeColumns((columns) => moveBefore(columns, id, target))}
      />
      <div className="grid-body" ref={scrollRef} tabIndex={0} onScroll={onScroll} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()} data-testid="packet-list" aria-busy={busy}>
        <div className="grid-canvas" style={{ height: contentHeight(scroll.geometry), minWidth: width }}>
          {visible.map((row, i) => {
            const selected = row.number === s.selectedFrame;
            // Where the row sits in the viewport, placed in the canvas at the current scrollTop.
            const top = scrollTop + positions[i] * ROW_HEIGHT - scroll.offset;
            return (
              <div
                key={positions[i]}
                role="row"
                aria-rowindex={positions[i] + 1}
                aria-selected={selected}
                data-testid="packet-row"
                data-frame={row.number}
                data-marked={row.marked ? 'true' : undefined}
                className={`grid-row packet-row kind-${row.kind}${selected ? ' selected' : ''}${row.marked ? ' marked' : ''}${row.timeReference ? ' time-reference' : ''}`}
                style={{ transform: `translateY(${top}px)`, gridTemplateColumns: template }}
                onMouseDown={(e) => { if (e.button !== 1) select(row.number, positions[i]); }}
                onContextMenu={(e) => {
                  e.preventDefault();
                  openMenu(row, { x: e.clientX, y: e.clientY });
                }}
              >
                {tableRows[i]?.getVisibleCells().map((cell) => (
                  <div key={cell.column.id} role="gridcell" data-column={cell.column.id} className={`grid-cell col-${cell.column.id} ${alignOf.get(cell.column.id) ?? ''}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {menu.element}
        {s.count === 0 && <div className="grid-empty">{s.frames === 0 ? 'No packets yet.' : 'No packets match the display filter.'}</div>}
      </div>
    </div>
  );
}
