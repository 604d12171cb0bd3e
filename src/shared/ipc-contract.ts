// The one IPC contract between the back end (Electron main process, or the browser-mode server)
// and the renderer. Channel names are `domain:verb`. Requests are invoke/handle pairs with typed
// arguments and results; events flow one way, back end → renderer.
// Only src/main/electron/ipc-main.ts, src/main/electron/preload.ts and the browser-mode transport
// (src/main/server/*, src/renderer/api/*) touch the transport; everything else uses these types.

import type { FollowedStream } from './followed-stream';
import type { FrameDetail } from './model';
import type { FrameCounts, FramePage, FrameRowsRequest, SortSpec, ViewResponse } from './packet-page';
import type { ResultDelta } from './result-delta';
import type { StatsKind, StatsResponse } from './statistics';

/** Which frames a save keeps; every condition given must hold (Wireshark's Export Specified Packets). */
export interface FrameSelection {
  /** Only frames of MSNP connections. */
  msnpOnly: boolean;
  /** Only the frames the display filter shows now. */
  displayedOnly?: boolean;
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
  /** One Statistics view (capture properties, protocol hierarchy, conversations, MSNP commands) as compact tables; nothing per frame. */
  'stats:get': [{ kind: StatsKind }, StatsResponse];
  /**
   * Follow TCP Stream: stream `stream`'s bytes in order, both directions, gaps marked, at most
   * `limitBytes` (default and cap FOLLOW_LIMIT_BYTES), with its MSNP commands; null when no such stream.
   */
  'stream:follow': [{ stream: number; limitBytes?: number }, FollowedStream | null];
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
  /** Menu actions forwarded to the renderer (open, find, go to packet, start/stop, a Statistics view). */
  'menu:action': { action: 'open' | 'find' | 'goto' | 'capture-toggle' | 'close' | 'export' | `stats-${StatsKind}` | ViewAction };
}

export type RequestChannel = keyof RequestChannels;
export type EventChannel = keyof EventChannels;
export type RequestArg<C extends RequestChannel> = RequestChannels[C][0];
export type RequestResult<C extends RequestChannel> = RequestChannels[C][1];

export const REQUEST_CHANNELS: readonly RequestChannel[] = [
  'file:open', 'file:close', 'file:recent', 'file:sample', 'analysis:cancel', 'frames:detail',
  'frames:rows', 'frames:view', 'frames:position', 'stats:get', 'stream:follow', 'capture:interfaces', 'capture:check-filter', 'capture:start', 'capture:stop',
  'capture:save', 'file:export', 'prefs:load', 'prefs:save',
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
