// Pages of a flow graph from the back end (flow:get), fetched for the arrows in view and kept in a
// small cache: the graph itself stays in the back end, only windows of arrows cross. A change of
// the packet list (frames:count) or of the selection starts over.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalyzerApi } from '../../../shared/ipc-contract';
import type { FlowArrowKind, FlowLane, FlowLink, FlowPage, FlowScope, FlowUnit } from '../../../shared/flow-graph';

export const FLOW_PAGE = 200;
const KEPT_PAGES = 40;

/** One arrow, as the views draw it. */
export interface FlowArrow {
  index: number;
  frame: number;
  timeUs: number;
  from: number;
  to: number;
  verb: string;
  summary: string;
  kind: FlowArrowKind;
  pair: number;
  answer: number;
  link: FlowLink | null;
}

export interface FlowPages {
  total: number | null;
  lanes: FlowLane[];
  firstTimeUs: number | null;
  truncated: boolean;
  error: string | null;
  /** The arrow at `index` when its page is here (asks for it otherwise). */
  arrow(index: number): FlowArrow | null;
  /** Ask for the pages covering [first, last]. */
  want(first: number, last: number): void;
  /** Index of the first arrow at or after `frame` (−1 when none). */
  find(frame: number): Promise<number>;
}

/** What the diagram and the table both take. */
export interface FlowViewProps {
  pages: FlowPages;
  selected: number;
  onSelect(index: number): void;
  onFollow(link: FlowLink): void;
  /** Scroll so this arrow is in view (changes when the selection moves by keyboard or a link lands). */
  reveal: { index: number; seq: number } | null;
}

export function arrowOf(page: FlowPage, i: number): FlowArrow {
  return {
    index: page.start + i, frame: page.frame[i], timeUs: page.timeUs[i], from: page.from[i], to: page.to[i], verb: page.verb[i],
    summary: page.summary[i], kind: page.kind[i], pair: page.pair[i], answer: page.answer[i], link: page.link[i],
  };
}

export function useFlowPages(api: AnalyzerApi, scope: FlowScope, unit: FlowUnit, version: number): FlowPages {
  const [head, setHead] = useState<FlowPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, FlowPage>());
  const asked = useRef(new Set<number>());
  const key = `${unit}:${JSON.stringify(scope)}:${version}`;
  const current = useRef(key);

  useEffect(() => {
    current.current = key;
    pages.current.clear();
    asked.current.clear();
    setError(null);
    let live = true;
    api.request('flow:get', { scope, unit, start: 0, count: FLOW_PAGE }).then(
      (page) => {
        if (!live) return;
        pages.current.set(0, page);
        setHead(page);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, key]);

  const fetchPage = useCallback((n: number) => {
    if (pages.current.has(n) || asked.current.has(n)) return;
    asked.current.add(n);
    const asking = current.current;
    void api.request('flow:get', { scope, unit, start: n * FLOW_PAGE, count: FLOW_PAGE }).then((page) => {
      if (current.current !== asking) return;
      asked.current.delete(n);
      pages.current.set(n, page);
      if (pages.current.size > KEPT_PAGES) pages.current.delete(pages.current.keys().next().value as number);
      setTick((t) => t + 1);
    }, () => asked.current.delete(n));
  }, [api, scope, unit]);

  const arrow = useCallback((index: number): FlowArrow | null => {
    const page = pages.current.get(Math.floor(index / FLOW_PAGE));
    const i = page ? index - page.start : -1;
    return page && i >= 0 && i < page.frame.length ? arrowOf(page, i) : null;
  }, []);

  const want = useCallback((first: number, last: number) => {
    for (let n = Math.floor(Math.max(0, first) / FLOW_PAGE); n <= Math.floor(Math.max(0, last) / FLOW_PAGE); n++) fetchPage(n);
  }, [fetchPage]);

  const find = useCallback(async (frame: number) => (await api.request('flow:get', { scope, unit, start: 0, count: 0, find: frame })).found ?? -1, [api, scope, unit]);

  return {
    total: head?.total ?? null, lanes: head?.lanes ?? [], firstTimeUs: head?.firstTimeUs ?? null, truncated: head?.truncated ?? false, error,
    arrow, want, find,
  };
}
