// The flow graph drawn as hand-written SVG (Wireshark's sequence diagram): lane headers that stay
// in view, and only the rows of arrows on screen (virtual scrolling over the back end's pages), each
// with its time, frame, label, transaction bracket and link. Captured text is shown through
// visible-text.ts (markers for invisible and bidi characters) as SVG text nodes, never as markup.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { arrowY, fitLabel, flowTimeText, flowWidth, FLOW_HEADER_HEIGHT, FLOW_ROW_HEIGHT, FLOW_TIME_WIDTH, laneX, linkX } from '../../../shared/flow-layout';
import { answerBracket, arrowHead } from '../../../shared/flow-svg';
import type { FlowLink } from '../../../shared/flow-graph';
import { showInvisible } from '../../../shared/visible-text';
import type { FlowArrow, FlowViewProps } from './use-flow-pages';

const OVERSCAN = 8;


function laneRole(role: string, address: string): string {
  return role === 'client' ? `client ${address}` : role;
}

function Bracket({ x, y1, y2 }: { x: number; y1: number; y2: number }) {
  return <path className="flow-pair" d={`M${x - 2},${y1} H${x - 9} V${y2} H${x - 2}`} />;
}

/** An invitation and its answer: a dashed bracket right of the lane the invitation went to. */
function AnswerBracket({ x, y1, y2 }: { x: number; y1: number; y2: number }) {
  return <path className="flow-answer" d={answerBracket(x, y1, y2)} />;
}

function ArrowRow({ arrow, y, selected, width, lanes, first, last, firstTimeUs, onSelect, onFollow }: {
  arrow: FlowArrow; y: number; selected: boolean; width: number; lanes: number; first: number; last: number; firstTimeUs: number | null; onSelect(i: number): void; onFollow(l: FlowLink): void;
}) {
  const x1 = laneX(arrow.from);
  const x2 = laneX(arrow.to);
  const pairY = arrow.pair >= 0 ? y + (arrow.pair - arrow.index) * FLOW_ROW_HEIGHT : null;
  // Brackets are drawn from the request, or from a reply whose request is out of view.
  const bracket = pairY !== null && (arrow.pair > arrow.index || arrow.pair < first || arrow.pair > last);
  const answerY = arrow.answer >= 0 ? y + (arrow.answer - arrow.index) * FLOW_ROW_HEIGHT : null;
  const answered = answerY !== null && (arrow.answer > arrow.index || arrow.answer < first || arrow.answer > last);
  return (
    <g className={`flow-arrow kind-${arrow.kind}${selected ? ' selected' : ''}`} data-testid="flow-arrow" data-frame={arrow.frame} data-index={arrow.index}
      id={`flow-arrow-${arrow.index}`} role="option" aria-selected={selected}
      onMouseDown={() => onSelect(arrow.index)}>
      <title>{`Frame ${arrow.frame}: ${showInvisible(arrow.summary)}`}</title>
      <rect className="flow-hit" x={0} y={y - FLOW_ROW_HEIGHT * 0.72} width={width} height={FLOW_ROW_HEIGHT} />
      <text className="flow-time" x={8} y={y + 3}>{flowTimeText(arrow.timeUs, firstTimeUs)}</text>
      <text className="flow-frame" x={FLOW_TIME_WIDTH - 6} y={y + 3} textAnchor="end">{arrow.frame}</text>
      <line className="flow-line" x1={x1} y1={y} x2={x2} y2={y} />
      <path className="flow-head" d={arrowHead(x1, x2, y)} />
      <text className="flow-label" x={(x1 + x2) / 2} y={y - 5} textAnchor="middle">{showInvisible(fitLabel(arrow.summary, arrow.from, arrow.to))}</text>
      {bracket && <Bracket x={x1} y1={Math.min(y, pairY)} y2={Math.max(y, pairY)} />}
      {answered && <AnswerBracket x={arrow.answer > arrow.index ? x2 : x1} y1={Math.min(y, answerY)} y2={Math.max(y, answerY)} />}
      {arrow.link && (
        <text className="flow-link" data-testid="flow-link" x={linkX(lanes)} y={y + 3}
          onMouseDown={(e) => { e.stopPropagation(); e.preventDefault(); onFollow(arrow.link!); }}>
          {showInvisible(arrow.link.text)}
        </text>
      )}
    </g>
  );
}

export function FlowDiagram({ pages, selected, onSelect, onFollow, reveal }: FlowViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const total = pages.total ?? 0;
  const width = flowWidth(pages.lanes.length);
  const bodyHeight = FLOW_ROW_HEIGHT * total + 16;
  const first = Math.max(0, Math.floor(view.top / FLOW_ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((view.top + view.height) / FLOW_ROW_HEIGHT) + OVERSCAN);
  // Empty for a moment when the graph shrank under a scroll position (the browser then clamps it).
  const rowsHeight = Math.max(0, last - first + 1) * FLOW_ROW_HEIGHT + 8;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => pages.want(first, last), [pages, first, last]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || !reveal) return;
    const top = reveal.index * FLOW_ROW_HEIGHT;
    const room = el.clientHeight - FLOW_HEADER_HEIGHT;
    if (top < el.scrollTop || top + FLOW_ROW_HEIGHT > el.scrollTop + room) el.scrollTop = Math.max(0, top - room / 2);
  }, [reveal]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const rows = Math.max(1, Math.floor((view.height - FLOW_HEADER_HEIGHT) / FLOW_ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: rows, PageUp: -rows, Home: -Infinity, End: Infinity };
    if (e.key in moves && total > 0) {
      e.preventDefault();
      const from = selected < 0 ? (moves[e.key] > 0 ? -1 : total) : selected;
      onSelect(Math.max(0, Math.min(total - 1, from + moves[e.key])));
    } else if (e.key === 'Enter' && selected >= 0) {
      const link = pages.arrow(selected)?.link;
      if (link) onFollow(link);
    }
  };

  const rows: FlowArrow[] = [];
  for (let i = first; i <= last; i++) {
    const a = pages.arrow(i);
    if (a) rows.push(a);
  }
  return (
    <div className="flow-scroll" ref={scroller} tabIndex={0} role="listbox" aria-label="Flow graph arrows" data-testid="flow-diagram"
      aria-activedescendant={selected >= 0 ? `flow-arrow-${selected}` : undefined}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })} onKeyDown={onKeyDown}>
      <svg className="flow-lanes" width={width} height={FLOW_HEADER_HEIGHT} aria-hidden="true">
        <text className="flow-lane-label" x={8} y={18}>Time (s)</text>
        <text className="flow-lane-address" x={FLOW_TIME_WIDTH - 6} y={32} textAnchor="end">Frame</text>
        {pages.lanes.length > 0 && <text className="flow-lane-label" x={linkX(pages.lanes.length)} y={18}>Leads to</text>}
        {pages.lanes.map((lane, i) => (
          <g key={i} data-testid="flow-lane">
            <text className="flow-lane-label" x={laneX(i)} y={18} textAnchor="middle">{showInvisible(lane.label)}</text>
            <text className="flow-lane-address" x={laneX(i)} y={32} textAnchor="middle">{showInvisible(laneRole(lane.role, lane.address))}</text>
          </g>
        ))}
      </svg>
      <div className="flow-body" style={{ height: bodyHeight, width }}>
        <svg className="flow-rows" width={width} height={rowsHeight} style={{ top: first * FLOW_ROW_HEIGHT }}>
          {pages.lanes.map((_, i) => <line key={i} className="flow-lane" x1={laneX(i)} y1={0} x2={laneX(i)} y2={rowsHeight} />)}
          {rows.map((a) => (
            <ArrowRow key={a.index} arrow={a} firstTimeUs={pages.firstTimeUs} y={arrowY(a.index - first) - FLOW_HEADER_HEIGHT}
              selected={a.index === selected} width={width} lanes={pages.lanes.length} first={first} last={last} onSelect={onSelect} onFollow={onFollow} />
          ))}
        </svg>
      </div>
    </div>
  );
}
