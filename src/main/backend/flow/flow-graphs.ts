// The flow graphs the window is looking at, built once and paged many times: a graph is rebuilt
// only when the packet list grew, its display order changed (for the displayed packets) or the
// analysis moved on. A few are kept, so following a hand-off link and coming back costs nothing.

import type { FlowPage, FlowRequest, FlowScope, FlowUnit } from '../../../shared/flow-graph';
import { buildFlowGraph, type FlowGraph, type FlowInputs } from './flow-graph-builder';
import { flowPage } from './flow-graph-page';
import { tieInvitations } from './flow-invitations';

const KEPT = 4;

export class FlowGraphs {
  private readonly kept = new Map<string, { state: string; graph: FlowGraph }>();

  /** `state` changes whenever the inputs do (frames read, display version, commands logged). */
  graph(inputs: FlowInputs, scope: FlowScope, unit: FlowUnit, state: string): FlowGraph {
    const key = `${unit}:${JSON.stringify(scope)}`;
    const known = this.kept.get(key);
    if (known && known.state === state) return known.graph;
    const result = inputs.result();
    const graph = buildFlowGraph({ ...inputs, result: () => result }, scope, unit);
    tieInvitations(graph, inputs, result);
    this.kept.delete(key);
    this.kept.set(key, { state, graph });
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return graph;
  }

  page(inputs: FlowInputs, request: FlowRequest, state: string, limit?: number): FlowPage {
    const graph = this.graph(inputs, request.scope, request.unit, state);
    return flowPage(graph, inputs, request.start, request.count, request.find, limit);
  }
}
