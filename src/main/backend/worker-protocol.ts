// Messages between the back end (main thread) and the analysis worker. As in Signal Desktop's
// worker pool, every call is `{seq, request}` and gets exactly one `{seq, ok, …}` reply; the
// worker's events (rows, snapshots, progress, errors) carry no seq and are forwarded to the
// renderer as they are. Live frames travel one way in batches (`{live}`), without replies.
// Events travel in numbered batches that the main side acknowledges (`{ack}`) once it has
// processed them: the worker keeps only a few unacknowledged (event-outbox.ts).

import type { DissectionExportRequest, ObjectPreview, TranscriptFormat } from '../../shared/export-requests';
import type { CaptureFileFormat, EventChannels, FlowPictureRequest, FrameSelection } from '../../shared/ipc-contract';
import type { FlowPage, FlowRequest, FlowScope, FlowUnit } from '../../shared/flow-graph';
import type { FollowedStream } from '../../shared/followed-stream';
import type { IoGraphRequest, IoGraphResponse } from '../../shared/io-graph';
import type { TimelineGrouping, TimelineResponse } from '../../shared/timeline';
import type { FrameDetail } from '../../shared/model';
import type { FramePage, FrameRowsRequest, SortSpec, ViewResponse } from '../../shared/packet-page';
import type { StatsKind, StatsResponse } from '../../shared/statistics';
import type { FindAnswer, FindRequest, MarkRequest, NeighbourAnswer, NeighbourRequest, TimeReferenceRequest } from '../../shared/navigation';
import type { CapturedFrame } from '../engine/capture/captured-frame';

export interface SessionOptions {
  msnpPorts?: number[];
  heuristics?: boolean;
  showSecrets?: boolean;
  /**
   * TEST-ONLY: the session spins forever when it reaches this frame, so tests can drive the
   * watchdog deterministically. Set only by the main side's BackendOptions (never by a renderer).
   */
  __testHangAtFrame?: number;
}

/**
 * Rebuild what a stopped worker had decoded: read frames up to `lastFrame` only, without events
 * until the end, then send the counts and the whole result once. `finish`: the stopped worker had
 * finished its load, so the final flush is safe to repeat (otherwise it may be what hung).
 */
export interface ReplayLimit {
  lastFrame: number;
  finish: boolean;
}

/** Worker calls: name → [argument, result]. */
export interface WorkerCalls {
  /** Start reading (merged) capture files; replies once reading has ended (done, cancelled or failed). */
  load: [{ paths: string[]; label: string; options: SessionOptions; replay?: ReplayLimit }, void];
  /** Start a live session: frames follow as `{live}` messages. */
  'live-begin': [{ label: string; options: SessionOptions }, void];
  /** No more live frames: finish the analysis. */
  'live-end': [void, void];
  /** Stop reading; what was decoded stays. */
  cancel: [void, void];
  detail: [{ number: number }, FrameDetail | null];
  rows: [FrameRowsRequest, FramePage];
  view: [{ filter: string; sort: SortSpec | null }, ViewResponse];
  position: [{ number: number }, number];
  /** Next/previous packet, in the conversation, or marked (frame-neighbour.ts). */
  neighbour: [NeighbourRequest, NeighbourAnswer];
  /** Find Packet (frame-search.ts); a newer find or find-cancel stops the one running. */
  find: [FindRequest, FindAnswer];
  'find-cancel': [void, void];
  mark: [MarkRequest, { marked: number }];
  'time-reference': [TimeReferenceRequest, { references: number }];
  /** The tables of one Statistics view (computed in the worker from its packet table and analysis). */
  stats: [{ kind: StatsKind }, StatsResponse];
  /** Statistics → I/O Graph: the bucket arrays of each line. */
  'io-graph': [IoGraphRequest, IoGraphResponse];
  /** Statistics → Session Timeline, from the analysis result. */
  timeline: [{ grouping: TimelineGrouping }, TimelineResponse];
  /** One TCP stream's bytes in order, both directions (Follow TCP Stream). */
  follow: [{ stream: number; limitBytes?: number }, FollowedStream | null];
  /** A page of a flow graph (built and kept in the worker). */
  flow: [FlowRequest, FlowPage];
  /** Arrows of a flow graph as an SVG document (for the window's PNG). */
  'flow-svg': [FlowPictureRequest, string];
  /** Write a flow graph as SVG to `path` (chosen by the main side). */
  'flow-export': [{ scope: FlowScope; unit: FlowUnit; path: string }, void];
  /** Write the analysis so far as a JSON or CSV report to `path` (chosen by the main side). */
  export: [{ format: 'json' | 'csv'; path: string }, void];
  /** One byte per frame number (index 0 unused): 1 when the frame belongs to an MSNP connection's TCP stream. */
  'msnp-frames': [void, Uint8Array];
  /** Write the loaded frames (all, or the MSNP ones) as pcapng; returns the number written. */
  save: [{ path: string; selection: FrameSelection; format: CaptureFileFormat }, number];
  /** The frames a selection keeps (index = frame number), null for all. */
  'frame-mask': [FrameSelection, Uint8Array | null];
  /** Export Packet Dissections to `path`; returns the number of frames written. */
  dissections: [{ path: string; request: DissectionExportRequest }, number];
  /** The name recovered file `index` is saved under, null when there is no such file. */
  'object-name': [{ index: number }, string | null];
  /** Write recovered file `index` (index absent: all of them, as a zip) to `path`; returns the number of files. */
  'object-save': [{ path: string; index?: number }, number];
  /** What the inline viewer shows of recovered file `index`. */
  'object-preview': [{ index: number }, ObjectPreview];
  /** Write session `session`'s transcript to `path`. */
  transcript: [{ path: string; session: number; format: TranscriptFormat }, void];
  /** Stop and remove temporary files; the worker is terminated right after. */
  dispose: [void, void];
}

export type WorkerCall = keyof WorkerCalls;

export type WorkerRequest = { [K in WorkerCall]: { type: K; arg: WorkerCalls[K][0] } }[WorkerCall];

/** Events the worker emits: the renderer's analysis channels. */
export type WorkerEventChannel = 'analysis:reset' | 'frames:count' | 'analysis:result' | 'analysis:progress' | 'analysis:error';

export type WorkerEvent = { [E in WorkerEventChannel]: { channel: E; payload: EventChannels[E] } }[WorkerEventChannel];

/** First message to a worker: the progress board it writes (read by the watchdog) and its own temporary directory (removed by the main side, even when the worker had to be killed). */
export interface WorkerInit {
  board: SharedArrayBuffer;
  tempDir: string;
}

export type ToWorker = { seq: number; request: WorkerRequest } | { live: CapturedFrame[] } | { init: WorkerInit } | { ack: number };

export type FromWorker =
  | { seq: number; ok: true; result: unknown }
  | { seq: number; ok: false; error: string }
  | { batch: number; events: WorkerEvent[] };
