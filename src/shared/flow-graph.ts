// The MSNP flow graph (sequence diagram) as the back end builds it and the renderer pages through
// it: lanes for the hosts and accounts of a selection (one TCP connection, one switchboard session,
// one account's activity, or the displayed packets) and one arrow per MSNP command or per frame.
// A page is columnar (one array per column), like the packet list's, so a window of arrows
// crosses IPC as a handful of arrays and a graph of any size never crosses whole.

/** What the graph shows: a TCP connection, an MSNP connection (all the TCP connections an HTTP-gateway one used), a switchboard session, an account, the displayed packets. */
export type FlowScope =
  | { kind: 'stream'; stream: number }
  | { kind: 'connection'; connection: number }
  | { kind: 'session'; session: number }
  | { kind: 'account'; account: string }
  | { kind: 'displayed' };

/** One arrow per MSNP command, or one per frame (TCP segment) of the selection. */
export type FlowUnit = 'command' | 'segment';

export type FlowLaneRole = 'client' | 'notification' | 'switchboard' | 'dispatch' | 'peer' | 'host';

export interface FlowLane {
  /** An account, a server's role, or an address. */
  label: string;
  role: FlowLaneRole;
  /** "ip:port" of the endpoint (the first one seen, for an account on several connections). */
  address: string;
}

/** What an arrow's colour says. */
export type FlowArrowKind = 'msnp' | 'chat' | 'presence' | 'p2p' | 'error' | 'tcp' | 'other';

/** An arrow that leads to another diagram: a switchboard hand-off, or the direct connection that used an offered endpoint. */
export interface FlowLink {
  scope: FlowScope;
  /** The frame to land on there. */
  frame: number;
  text: string;
}

export interface FlowRequest {
  scope: FlowScope;
  unit: FlowUnit;
  /** First arrow index of the page. */
  start: number;
  count: number;
  /** Also answer the index of the first arrow at or after this frame (`found`). */
  find?: number;
}

/** Arrows start … start + frame.length − 1 of a graph, one array per column. */
export interface FlowPage {
  total: number;
  lanes: FlowLane[];
  /** Time of the capture's first frame (µs since the epoch), for relative times; null when empty. */
  firstTimeUs: number | null;
  start: number;
  frame: number[];
  timeUs: number[];
  /** Lane indices. */
  from: number[];
  to: number[];
  /** Command verb ('' in segment mode). */
  verb: string[];
  /** The command's summary or the frame's Info, as captured (render as text only). */
  summary: string[];
  kind: FlowArrowKind[];
  /** The other arrow of the request/reply transaction, or −1. */
  pair: number[];
  /** An MSNSLP invitation's answer (200 OK, decline), or the answer's invitation; −1 otherwise. */
  answer: number[];
  link: (FlowLink | null)[];
  /** Index of the first arrow at or after `find`, −1 when none; absent without `find`. */
  found?: number;
  /** The selection has more than MAX_FLOW_ARROWS arrows: the graph stops there. */
  truncated?: boolean;
}

/** Most arrows one page carries. */
export const MAX_FLOW_PAGE = 1000;
/** Most arrows a graph holds; beyond, the graph says it is cut (`FlowPage.total` stops there). */
export const MAX_FLOW_ARROWS = 1_000_000;
/** Most arrows an SVG export holds (the first ones of the graph). */
export const MAX_SVG_ARROWS = 20_000;
/** Most arrows a PNG export holds (from the top of the view; the PNG crosses the browser mode's WebSocket, at most 1 MiB a message). */
export const MAX_PNG_ARROWS = 250;
/** Largest PNG the back end writes for the window. */
export const MAX_PNG_BYTES = 700 * 1024;

export function isFlowScope(v: unknown): v is FlowScope {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const keys = Object.keys(s);
  switch (s.kind) {
    case 'stream':
      return keys.length === 2 && Number.isSafeInteger(s.stream) && (s.stream as number) >= 0;
    case 'session':
      return keys.length === 2 && Number.isSafeInteger(s.session) && (s.session as number) >= 0;
    case 'connection':
      return keys.length === 2 && Number.isSafeInteger(s.connection) && (s.connection as number) >= 0;
    case 'account':
      return keys.length === 2 && typeof s.account === 'string' && s.account.length > 0 && s.account.length <= 320;
    case 'displayed':
      return keys.length === 1;
    default:
      return false;
  }
}

export function flowScopeTitle(scope: FlowScope): string {
  switch (scope.kind) {
    case 'stream': return `TCP stream ${scope.stream}`;
    case 'session': return `switchboard session ${scope.session}`;
    case 'connection': return `MSNP connection ${scope.connection}`;
    case 'account': return scope.account;
    case 'displayed': return 'the displayed packets';
  }
}

/** The answer when there is no capture: no lanes, no arrows. */
export function emptyFlowPage(start = 0): FlowPage {
  return { total: 0, lanes: [], firstTimeUs: null, start, frame: [], timeUs: [], from: [], to: [], verb: [], summary: [], kind: [], pair: [], answer: [], link: [] };
}
