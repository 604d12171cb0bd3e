// The flow graph's text equivalent: one row per arrow (time, from, to, command, summary, frame,
// link), scrolled virtually over the same back-end pages as the diagram. Click or arrow keys
// select, as in the diagram; captured text goes through CapturedText.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flowTimeText } from '../../../shared/flow-layout';
import { CapturedText } from '../../components/CapturedText';
import { FLOW_CSV_HEADER } from './flow-csv';
import type { FlowViewProps } from './use-flow-pages';

const ROW = 22;
const OVERSCAN = 10;


export function FlowTable({ pages, selected, onSelect, onFollow, reveal }: FlowViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const total = pages.total ?? 0;
  const first = Math.max(0, Math.floor(view.top / ROW) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((view.top + view.height) / ROW) + OVERSCAN);
  useEffect(() => pages.want(first, last), [pages, first, last]);
  useEffect(() => {
    const el = scroller.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
  }, []);
  useEffect(() => {
    const el = scroller.current;
    if (!el || !reveal) return;
    const top = reveal.index * ROW;
    if (top < el.scrollTop || top + 2 * ROW > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [reveal]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step && total > 0) {
      e.preventDefault();
      onSelect(Math.max(0, Math.min(total - 1, (selected < 0 ? -1 : selected) + step)));
    } else if (e.key === 'Enter' && selected >= 0) {
      const link = pages.arrow(selected)?.link;
      if (link) onFollow(link);
    }
  };

  const rows = [];
  for (let i = first; i <= last; i++) {
    const a = pages.arrow(i);
    if (!a) continue;
    rows.push(
      <div key={i} role="row" aria-selected={i === selected} className={`flow-table-row kind-${a.kind}${i === selected ? ' selected' : ''}`} style={{ top: i * ROW }}
        data-testid="flow-table-row" data-frame={a.frame} onMouseDown={() => onSelect(i)}>
        <span role="cell">{flowTimeText(a.timeUs, pages.firstTimeUs)}</span>
        <span role="cell"><CapturedText text={pages.lanes[a.from]?.label ?? ''} /></span>
        <span role="cell"><CapturedText text={pages.lanes[a.to]?.label ?? ''} /></span>
        <span role="cell"><CapturedText text={a.verb} /></span>
        <span role="cell"><CapturedText text={a.summary} /></span>
        <span role="cell">{a.frame}</span>
        <span role="cell">{a.link ? <button type="button" className="flow-table-link" onMouseDown={(e) => { e.stopPropagation(); e.preventDefault(); onFollow(a.link!); }}><CapturedText text={a.link.text} /></button> : null}</span>
      </div>,
    );
  }
  return (
    <div className="flow-table" role="table" aria-label="Flow graph as a table" aria-rowcount={total}>
      <div className="flow-table-row flow-table-head" role="row">{FLOW_CSV_HEADER.map((h) => <span key={h} role="columnheader">{h}</span>)}</div>
      <div className="flow-table-scroll" ref={scroller} tabIndex={0} data-testid="flow-table" onKeyDown={onKeyDown}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div className="flow-table-body" role="rowgroup" style={{ height: total * ROW }}>{rows}</div>
      </div>
    </div>
  );
}
