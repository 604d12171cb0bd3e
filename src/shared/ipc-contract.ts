// The one IPC contract between the back end (Electron main process, or the browser-mode server)
// and the renderer. Channel names are `domain:verb`. Requests are invoke/handle pairs with typed
// arguments and results; events flow one way, back end → renderer.
// Only src/main/electron/ipc-main.ts, src/main/electron/preload.ts and the browser-mode transport
// (src/main/server/*, src/renderer/api/*) touch the transport; everything else uses these types.

import type { DissectionExportRequest, ExportAnswer, ObjectPreview, TranscriptFormat } from './export-requests';
import type { FlowPage, FlowRequest, FlowScope, FlowUnit } from './flow-graph';
import type { FollowedStream } from './followed-stream';
import type { IoGraphRequest, IoGraphResponse } from './io-graph';
import type { TimelineGrouping, TimelineResponse } from './timeline';
import type { FrameDetail } from './model';
import type { FrameCounts, FramePage, FrameRowsRequest, SortSpec, ViewResponse } from './packet-page';
import type { ResultDelta } from './result-delta';
import type { NavigationAction } from './navigation-commands';
import type { FindAnswer, FindRequest, MarkRequest, NeighbourAnswer, NeighbourRequest, TimeReferenceRequest } from './navigation';
import type { StatsKind, StatsResponse, StatsViewKind } from './statistics';

/** Which frames a save keeps; every condition given must hold (Wireshark's Export Specified Packets). */
export interface FrameSelection {
  /** Only frames of MSNP connections. */
  msnpOnly: boolean;
  /** Only the frames the display filter shows now. */
  displayedOnly?: boolean;
  /** Only the frames marked (Ctrl+M). */
  markedOnly?: boolean;
  /** Frame numbers such as "1-100, 250, 300-" (blank: no narrowing). */
  range?: string;
}

export type CaptureFileFormat = 'pcapng' | 'pcap';

export interface SaveRequest extends FrameSelection {
  /** pcapng (default) or classic pcap (frames of one link type only). */
  format?: CaptureFileFormat;
}

export interface InterfaceInfo {
  name: string;
  description: string;
  addresses: string[];
  /** Loopback, or flags libpcap reports. */
  loopback: boolean;
  up: boolean;
  isDefault: boolean;
}

/** Bounds of a ring of capture files (request-validation.ts refuses anything outside them). */
export const RING_LIMITS = { minFiles: 2, maxFiles: 1000, minFileSizeMb: 1, maxFileSizeMb: 4096 } as const;

export interface CaptureStartRequest {
  device: string;
  /** BPF capture filter. */
  filter: string;
  /**
   * Optional ring buffer of pcapng files: rotate at this many MB, keep `files` of them. Where
   * they go is not the renderer's to say: the back end asks (Electron) or uses the directory
   * given on the command line (browser mode: `serve --ring-dir DIR`).
   */
  ring?: { fileSizeMb: number; files: number } | null;
}

export interface LoadProgress {
  /** 'file' while a capture file loads, 'live' during live capture. */
  source: 'file' | 'live';
  label: string;
  bytesDone: number;
  bytesTotal: number;
  frames: number;
  framesPerSecond: number;
  done: boolean;
  /** The user cancelled the load: what was read so far stays. */
  cancelled?: boolean;
  /** Live capture: packets seen/dropped by libpcap, elapsed seconds. */
  captured?: number;
  dropped?: number;
  elapsedSeconds?: number;
  /**
   * The analysis has made no progress for more than `seconds`: stuck in frame `frame`, or outside
   * any frame (null). The window offers to stop it (analysis:cancel); cleared by the next progress.
   */
  stalled?: { frame: number | null; seconds: number };
  /**
   * The analysis stopped responding and was stopped, in frame `frame` (null: after frame
   * `lastFrame`, outside any frame). Frames up to `lastFrame` and their results stay.
   */
  stopped?: { frame: number | null; lastFrame: number };
}

export interface FlowPictureRequest {
  scope: FlowScope;
  unit: FlowUnit;
  start: number;
  count: number;
}

export type FlowExportRequest = { format: 'svg'; scope: FlowScope; unit: FlowUnit } | { format: 'png'; png: Uint8Array };

/** Request channels: name → [argument, result]. */
export interface RequestChannels {
  /** Open a capture file by path (Electron, command line, recent files, bundled sample). */
  'file:open': [{ paths: string[] }, { ok: true } | { ok: false; error: string }];
  /** Close the current capture and clear the views. */
  'file:close': [void, void];
  /** Recently opened files, newest first. */
  'file:recent': [void, string[]];
  /** Path of the bundled sample capture in assets/. */
  'file:sample': [void, string];
  /** Cancel a load in progress (what was decoded so far stays); stops an analysis that stopped responding. */
  'analysis:cancel': [void, void];
  /** Full detail of one frame: command tree and bytes. */
  'frames:detail': [{ number: number }, FrameDetail | null];
  /** Rows of the packet list at display positions [start, start + count) (at most MAX_PAGE_ROWS), with the custom columns' fields. */
  'frames:rows': [FrameRowsRequest, FramePage];
  /** Set the display filter ('' for none) and sort; the back end keeps applying it to new frames. */
  'frames:view': [{ filter: string; sort: SortSpec | null }, ViewResponse];
  /** Display position of a frame (−1 when it does not exist or the filter hides it). */
  'frames:position': [{ number: number }, number];
  /** The next or previous displayed packet from a frame: any, of the same tcp.stream, or marked (null: none). */
  'frames:neighbour': [NeighbourRequest, NeighbourAnswer];
  /** Find Packet: the next (or previous) displayed frame that matches, wrapping around, searched in the back end. */
  'frames:find': [FindRequest, FindAnswer];
  /** Stop the Find Packet search that is running (it answers "cancelled"). */
  'frames:find-cancel': [void, void];
  /** Mark or unmark a frame, mark every displayed frame, or unmark all; the counts follow as frames:count. */
  'frames:mark': [MarkRequest, { marked: number }];
  /** Set or unset a frame as time reference, or clear them all. */
  'frames:time-reference': [TimeReferenceRequest, { references: number }];
  /** One Statistics view (capture properties, protocol hierarchy, conversations, endpoints, MSNP commands) as compact tables; nothing per frame. */
  'stats:get': [{ kind: StatsKind }, StatsResponse];
  /** Statistics → I/O Graph: per line (metric + display filter), one value and first frame per interval; nothing per frame. */
  'stats:io-graph': [IoGraphRequest, IoGraphResponse];
  /** Statistics → Session Timeline: sessions, transfers, messages and presence on the time axis, by conversation or by account. */
  'stats:timeline': [{ grouping: TimelineGrouping }, TimelineResponse];
  /**
   * Follow TCP Stream: stream `stream`'s bytes in order, both directions, gaps marked, at most
   * `limitBytes` (default and cap FOLLOW_LIMIT_BYTES), with its MSNP commands; null when no such stream.
   */
  'stream:follow': [{ stream: number; limitBytes?: number }, FollowedStream | null];
  /**
   * The MSNP flow graph (sequence diagram) of a selection: lanes and the arrows
   * [start, start + count) (at most MAX_FLOW_PAGE), built by the back end and kept while it is paged.
   */
  'flow:get': [FlowRequest, FlowPage];
  /** Arrows [start, start + count) (at most MAX_PNG_ARROWS) as a self-contained SVG document, for the window to turn into a PNG. */
  'flow:svg': [FlowPictureRequest, string];
  /**
   * Export a flow graph: as SVG (written by the back end, the first MAX_SVG_ARROWS arrows), or as
   * the PNG the window drew (its bytes; at most MAX_PNG_BYTES). Where it goes is the back end's to
   * decide, as for capture:save.
   */
  'flow:export': [FlowExportRequest, { ok: true; path: string } | { ok: false; error: string }];
  /** Interfaces libpcap can capture on. */
  'capture:interfaces': [void, { ok: true; interfaces: InterfaceInfo[] } | { ok: false; error: string }];
  /** Check a BPF filter without starting. */
  'capture:check-filter': [{ device: string; filter: string }, { ok: true } | { ok: false; error: string }];
  'capture:start': [CaptureStartRequest, { ok: true } | { ok: false; error: string }];
  'capture:stop': [void, void];
  /**
   * Save the current capture (Export Specified Packets): all frames, or only those of MSNP
   * connections, those the display filter shows, and/or a range of frame numbers; as pcapng
   * (default) or pcap. The back end decides where (Electron: a save dialog in the main process; browser mode: its output
   * directory, then a download); a request naming a path is refused. Error 'cancelled' when the
   * user closed the dialog.
   */
  'capture:save': [SaveRequest, { ok: true; path: string; frames: number } | { ok: false; error: string }];
  /** Export the analysis as JSON or CSV, to where the back end decides (as for capture:save). */
  'file:export': [{ format: 'json' | 'csv' }, { ok: true; path: string } | { ok: false; error: string }];
  /** Export Packet Dissections (packet list as CSV, details as text or JSON) of all or the displayed frames, narrowed by a range; written as for capture:save. */
  'export:dissections': [DissectionExportRequest, { ok: true; path: string; frames: number } | { ok: false; error: string }];
  /** Export Objects → MSN files: save recovered file `index` (result.files order), or every one as a zip when `index` is absent. */
  'export:objects': [{ index?: number }, { ok: true; path: string; files: number } | { ok: false; error: string }];
  /** What the Export Objects viewer shows of recovered file `index`: an image (sniffed type), text, or why neither. */
  'objects:preview': [{ index: number }, ObjectPreview];
  /** A session's transcript as text, HTML (self-contained, no script) or JSON, written as for capture:save. */
  'export:transcript': [{ session: number; format: TranscriptFormat }, ExportAnswer];
  /** The window's remembered layout from the config directory (the Electron app; the browser mode uses localStorage); null when none. */
  'prefs:load': [void, Record<string, unknown> | null];
  /** Remember the window's layout in the config directory (an object of at most 256 KiB; the renderer checks it when loading). */
  'prefs:save': [{ preferences: Record<string, unknown> }, void];
}

/** The View menu's window-layout actions (Electron's menu; the browser mode's toolbar View menu). */
export type ViewAction = 'reset-layout' | 'toggle-side-panel' | 'side-panel-placement' | 'theme-system' | 'theme-light' | 'theme-dark';

/** Event channels: name → payload. */
export interface EventChannels {
  /** A new capture (file or live) replaced the previous one: clear the views. */
  'analysis:reset': { label: string; source: 'file' | 'live' };
  /** The packet list grew or its display order changed: the renderer asks for the rows it shows. */
  'frames:count': FrameCounts;
  /** What changed in the analysis since the previous increment (throttled while loading, and once at the end). */
  'analysis:result': { delta: ResultDelta; final: boolean };
  'analysis:progress': LoadProgress;
  /** A load or capture failed; what was decoded before the failure stays. */
  'analysis:error': { message: string };
  /** Menu actions forwarded to the renderer (open, go to packet, start/stop, exports, the flow graph, a Statistics view, View, the navigation commands). */
  'menu:action': { action: 'open' | 'goto' | 'capture-toggle' | 'close' | 'export' | ExportMenuAction | 'flow-graph' | `stats-${StatsViewKind}` | ViewAction | NavigationAction };
}

/** File-menu exports, each opening its dialog in the window. */
export type ExportMenuAction = 'export-dissections' | 'export-objects' | 'export-transcript';

export type RequestChannel = keyof RequestChannels;
export type EventChannel = keyof EventChannels;
export type RequestArg<C extends RequestChannel> = RequestChannels[C][0];
export type RequestResult<C extends RequestChannel> = RequestChannels[C][1];

export const REQUEST_CHANNELS: readonly RequestChannel[] = [
  'file:open', 'file:close', 'file:recent', 'file:sample', 'analysis:cancel', 'frames:detail',
  'frames:rows', 'frames:view', 'frames:position', 'frames:neighbour', 'frames:find', 'frames:find-cancel', 'frames:mark', 'frames:time-reference', 'stats:get', 'stats:io-graph', 'stats:timeline', 'stream:follow', 'capture:interfaces', 'capture:check-filter', 'capture:start', 'capture:stop',
  'capture:save', 'file:export', 'export:dissections', 'export:objects', 'objects:preview', 'export:transcript',
  'flow:get', 'flow:svg', 'flow:export', 'prefs:load', 'prefs:save',
] as const;

export const EVENT_CHANNELS: readonly EventChannel[] = [
  'analysis:reset', 'frames:count', 'analysis:result', 'analysis:progress', 'analysis:error', 'menu:action',
] as const;

/** What the preload exposes as `window.msnpAnalyzer`, and the browser-mode client implements. */
export interface AnalyzerApi {
  request<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestResult<C>>;
  on<E extends EventChannel>(channel: E, listener: (payload: EventChannels[E]) => void): () => void;
  /** Open dropped files: Electron resolves their paths; the browser mode uploads their bytes. */
  openDropped(files: File[]): Promise<{ ok: true } | { ok: false; error: string }>;
  /** 'electron' or 'browser'. */
  readonly mode: 'electron' | 'browser';
}
