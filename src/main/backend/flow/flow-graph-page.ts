// One page of a flow graph for the renderer: the arrows at a window of indices, as columns, with
// their text made now (only for the arrows asked for); and the position of a frame in the graph.

import { MAX_FLOW_PAGE, type FlowPage } from '../../../shared/flow-graph';
import { arrowFrameIndex, type FlowGraph, type FlowInputs } from './flow-graph-builder';

/** Index of the first arrow at or after frame number `frame` (arrows are in frame order), −1 when none. */
export function arrowAtFrame(graph: FlowGraph, inputs: FlowInputs, frame: number): number {
  let lo = 0;
  let hi = graph.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arrowFrameIndex(graph, inputs.log, mid) + 1 < frame) lo = mid + 1;
    else hi = mid;
  }
  return lo < graph.size ? lo : -1;
}

/** `limit`: most arrows in the page (MAX_FLOW_PAGE for the window; an export asks for more). */
export function flowPage(graph: FlowGraph, inputs: FlowInputs, start: number, count: number, find?: number, limit = MAX_FLOW_PAGE): FlowPage {
  const { table, log } = inputs;
  const first = Math.max(0, Math.min(Math.floor(start), graph.size));
  const end = Math.min(graph.size, first + Math.max(0, Math.min(Math.floor(count), limit)));
  const page: FlowPage = {
    total: graph.size,
    lanes: graph.lanes,
    firstTimeUs: table.size > 0 ? table.timeUs(0) : null,
    start: first,
    frame: [], timeUs: [], from: [], to: [], verb: [], summary: [], kind: [], pair: [], answer: [], link: [],
  };
  if (graph.truncated) page.truncated = true;
  for (let a = first; a < end; a++) {
    const item = graph.item[a];
    const i = arrowFrameIndex(graph, log, a);
    page.frame.push(i + 1);
    page.timeUs.push(table.timeUs(i));
    page.from.push(graph.from[a]);
    page.to.push(graph.to[a]);
    page.verb.push(item >= 0 ? log.verb(item) : '');
    page.summary.push(item >= 0 ? log.summary(item) : table.info(i));
    page.kind.push(item >= 0 ? log.kind(item) : table.kind(i));
    page.pair.push(graph.pair[a]);
    page.answer.push(graph.answer[a]);
    page.link.push(graph.links.get(a) ?? null);
  }
  if (find !== undefined) page.found = arrowAtFrame(graph, inputs, find);
  return page;
}
