// Builds the flow graph of a selection from the back end's packet table, its log of MSNP commands
// and the analysis result: which arrows (commands or frames) belong to the selection, their lanes,
// the transaction pairs and the links to other diagrams. The graph is arrays of indices (a command
// or frame per arrow), not objects: its pages (flow-graph-page.ts) make the text of the arrows asked for.

import { MAX_FLOW_ARROWS, type FlowLane, type FlowLink, type FlowScope, type FlowUnit } from '../../../shared/flow-graph';
import type { AnalysisResult, ConnectionRecord } from '../../../shared/model';
import { endpointText } from '../../engine/decode/ip-address-text';
import { normalizeAccount } from '../../engine/analysis/account';
import type { PacketTable } from '../packet-table';
import type { FlowCommandLog } from './flow-command-log';
import { FlowLanes } from './flow-lanes';
import { FlowLinks } from './flow-links';

export interface FlowInputs {
  table: PacketTable;
  log: FlowCommandLog;
  /** The analysis so far (asked only when a graph is built). */
  result(): AnalysisResult | null;
  /** One byte per frame number, 1 when the display filter shows it (asked only for 'displayed'). */
  displayed(): Uint8Array;
}

export interface FlowGraph {
  unit: FlowUnit;
  lanes: FlowLane[];
  size: number;
  /** Per arrow: a command index (≥ 0) or a frame index i encoded as −(i + 1). */
  item: Int32Array;
  from: Uint16Array;
  to: Uint16Array;
  /** The other arrow of the transaction, or −1. */
  pair: Int32Array;
  /** An invitation's answer or an answer's invitation (flow-invitations.ts), or −1. */
  answer: Int32Array;
  links: Map<number, FlowLink>;
  /** More arrows than MAX_FLOW_ARROWS: the rest is left out. */
  truncated: boolean;
}

/** The frame index of arrow `a`. */
export function arrowFrameIndex(graph: FlowGraph, log: FlowCommandLog, a: number): number {
  const item = graph.item[a];
  return item >= 0 ? log.frame(item) - 1 : -item - 1;
}

class ArrowList {
  item: number[] = [];
  from: number[] = [];
  to: number[] = [];
  links = new Map<number, FlowLink>();

  push(item: number, from: number, to: number, link: FlowLink | null): void {
    if (link) this.links.set(this.item.length, link);
    this.item.push(item);
    this.from.push(from);
    this.to.push(to);
  }
}

/** The MSNP connections a session or account scope takes in, by id. */
function scopeConnections(scope: FlowScope, result: AnalysisResult | null): Set<number> | null {
  if (scope.kind === 'connection') return new Set([scope.connection]);
  if (scope.kind === 'session') return new Set(result?.sessions.find((s) => s.id === scope.session)?.connections ?? []);
  if (scope.kind === 'account') {
    const account = normalizeAccount(scope.account);
    return new Set((result?.connections ?? []).filter((c) => c.account === account).map((c) => c.id));
  }
  return null;
}

export function buildFlowGraph(inputs: FlowInputs, scope: FlowScope, unit: FlowUnit): FlowGraph {
  const { table, log } = inputs;
  const result = inputs.result();
  const byId = new Map<number, ConnectionRecord>((result?.connections ?? []).map((c) => [c.id, c]));
  const lanes = new FlowLanes();
  const links = new FlowLinks(table, log, result);
  const connections = scopeConnections(scope, result);
  const mask = scope.kind === 'displayed' ? inputs.displayed() : null;
  // Direct connections that used an endpoint offered in this session or by/to this account.
  const account = scope.kind === 'account' ? normalizeAccount(scope.account) : null;
  const direct = connections === null || scope.kind === 'connection' ? [] : links.direct.filter((d) => scope.kind === 'session' ? d.endpoint.session === scope.session : d.endpoint.offeredBy === account || d.endpoint.offeredTo === account);
  const directStreams = new Set(direct.map((d) => d.stream));
  const arrows = new ArrowList();
  let truncated = false;

  // A connection's frames before its first command (the handshake) belong to it by their TCP stream.
  const streamConnection = new Map<number, ConnectionRecord>();
  const connectionOf = (i: number): ConnectionRecord | undefined => byId.get(table.connection(i)) ?? streamConnection.get(table.stream(i));
  const frameArrow = (i: number): void => {
    const c = connectionOf(i);
    const src = endpointText(table.addresses.text(table.sourceId(i)), table.sourcePort(i));
    const dst = endpointText(table.addresses.text(table.destinationId(i)), table.destinationPort(i));
    if (c) {
      const fromClient = src === c.client || dst === c.server;
      const client = lanes.client(c);
      const server = lanes.server(c);
      arrows.push(-(i + 1), fromClient ? client : server, fromClient ? server : client, links.linkOf(c.id, i + 1, null, fromClient) ?? links.handOffOf(c, i + 1));
    } else {
      const peer = directStreams.has(table.stream(i));
      arrows.push(-(i + 1), lanes.endpoint(src, peer), lanes.endpoint(dst, peer), null);
    }
  };

  if (unit === 'segment') {
    const selected = (i: number): boolean => mask ? mask[i + 1] === 1
      : connections ? connections.has(connectionOf(i)?.id ?? -1) || directStreams.has(table.stream(i))
        : scope.kind === 'stream' && table.stream(i) === scope.stream;
    for (let i = 0; i < table.size; i++) {
      const c = byId.get(table.connection(i));
      if (c && table.stream(i) >= 0 && !streamConnection.has(table.stream(i))) streamConnection.set(table.stream(i), c);
    }
    for (let i = 0; i < table.size; i++) {
      if (!selected(i) || table.sourceId(i) === 0) continue;
      if (arrows.item.length >= MAX_FLOW_ARROWS) { truncated = true; break; }
      frameArrow(i);
    }
  } else {
    // A direct connection shows as its first frame, in time order among the commands.
    const extra = [...new Set(direct.map((d) => d.firstFrame - 1))].sort((a, b) => a - b);
    let next = 0;
    for (let k = 0; k < log.size; k++) {
      const frame = log.frame(k);
      const selected = mask ? mask[frame] === 1
        : connections ? connections.has(log.connection(k))
          : scope.kind === 'stream' && table.stream(frame - 1) === scope.stream;
      if (!selected) continue;
      while (next < extra.length && extra[next] < frame - 1) frameArrow(extra[next++]);
      const c = byId.get(log.connection(k));
      if (!c) continue;
      if (arrows.item.length >= MAX_FLOW_ARROWS) { truncated = true; break; }
      const fromClient = log.fromClient(k);
      const client = lanes.client(c);
      const server = lanes.server(c);
      arrows.push(k, fromClient ? client : server, fromClient ? server : client, links.linkOf(c.id, frame, log.verb(k), fromClient) ?? links.handOffOf(c, frame));
    }
    while (!truncated && next < extra.length) frameArrow(extra[next++]);
  }
  const size = arrows.item.length;
  const graph: FlowGraph = {
    unit, lanes: lanes.lanes, size, truncated, links: arrows.links,
    item: Int32Array.from(arrows.item), from: Uint16Array.from(arrows.from), to: Uint16Array.from(arrows.to), pair: new Int32Array(size).fill(-1), answer: new Int32Array(size).fill(-1),
  };
  pairArrows(graph, log);
  return graph;
}

/** Ties each request's arrow to its reply's (by command, or by the frames that carry them). */
function pairArrows(graph: FlowGraph, log: FlowCommandLog): void {
  if (graph.unit === 'command') {
    // Only commands of a transaction are remembered, so the map stays small.
    const arrowOfCommand = new Map<number, number>();
    for (let a = 0; a < graph.size; a++) if (graph.item[a] >= 0 && log.pair(graph.item[a]) >= 0) arrowOfCommand.set(graph.item[a], a);
    for (const [item, a] of arrowOfCommand) graph.pair[a] = arrowOfCommand.get(log.pair(item)) ?? -1;
    return;
  }
  // One arrow per frame, in frame order: a frame's first paired command decides its pair.
  for (let k = 0; k < log.size; k++) {
    const other = log.pair(k);
    if (other < 0) continue;
    const a = frameArrow(graph, log.frame(k) - 1);
    const b = frameArrow(graph, log.frame(other) - 1);
    if (a >= 0 && b >= 0 && a !== b && graph.pair[a] < 0) graph.pair[a] = b;
  }
}

/** The arrow of frame index `index` in a graph of one arrow per frame (binary search), or −1. */
function frameArrow(graph: FlowGraph, index: number): number {
  const key = -(index + 1);
  let lo = 0;
  let hi = graph.size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = graph.item[mid];
    if (v === key) return mid;
    // Items are −(i + 1) for ascending i: they descend.
    if (v > key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
