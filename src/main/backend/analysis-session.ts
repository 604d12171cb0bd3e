// One capture's analysis inside the worker: feeds frames (from merged files or live capture) to
// the engine's Analyzer and owns the packet list — a columnar PacketTable (where each frame's
// bytes are, and its row in compact form) and the DisplayOrder the display filter and sort make
// of it. The renderer pages through rows by display position; counts, result increments and
// progress go out through the pacer. Loading yields to the event loop every few milliseconds, so
// row pages, a frame's detail, a new filter or Cancel are answered while a file is still being read.

import type { CaptureFileFormat, FrameSelection, LoadProgress } from '../../shared/ipc-contract';
import type { AnalysisResult, CaptureInfo, FrameDetail } from '../../shared/model';
import type { FramePage, SortSpec, ViewResponse } from '../../shared/packet-page';
import type { CapturedFrame } from '../engine/capture/captured-frame';
import type { FrameOutcome } from '../engine/frame-summary';
import { withBaseNames } from './base-name-message';
import { cancelledCaptureInfo } from './capture-sniff';
import { DisplayOrder } from './display-order';
import { FrameBits } from './frame-bits';
import { neighbour } from './frame-neighbour';
import { FrameSearch } from './frame-search';
import { TimeReferences } from './time-references';
import type { FindAnswer, FindRequest, MarkRequest, NeighbourAnswer, NeighbourRequest, TimeReferenceRequest } from '../../shared/navigation';
import { EventPacer, type PacerTiming } from './event-pacer';
import { FrameBytesReader } from './frame-bytes-reader';
import { FrameSpool } from './frame-spool';
import { framePage } from './frame-page';
import type { StatsKind, StatsResponse } from '../../shared/statistics';
import { PacketTable } from './packet-table';
import { MsnpCommandTally } from './statistics/msnp-command-tally';
import { statistics } from './statistics/statistics';
import { ioGraph } from './statistics/io-graph';
import { sessionTimeline } from './statistics/session-timeline';
import type { TimelineGrouping, TimelineResponse } from '../../shared/timeline';
import type { IoGraphRequest, IoGraphResponse } from '../../shared/io-graph';
import { ProgressBoard } from './progress-board';
import { ResultDiffer } from './result-differ';
import { frameMask } from './frame-selection';
import { followStream } from './follow-stream';
import type { FollowedStream } from '../../shared/followed-stream';
import { saveFrames } from './save-frames';
import type { DissectionExportRequest, ObjectPreview } from '../../shared/export-requests';
import { dissectionRow } from './exports/dissection-row';
import { exportDissections } from './exports/export-dissections';
import { objectName, saveAllObjects, saveObject } from './exports/export-objects';
import { objectPreview } from './exports/object-preview';
import { FlowViews } from './flow/flow-views';
import type { FlowPage, FlowRequest, FlowScope, FlowUnit } from '../../shared/flow-graph';
import type { FlowPictureRequest } from '../../shared/ipc-contract';
import { addTcpStreamNodes } from './tcp-stream-nodes';
import { treeLabels } from '../../shared/tree-labels';
import type { ReplayLimit, SessionOptions, WorkerEvent } from './worker-protocol';

/** What the session needs of the engine's Analyzer (src/main/engine/analyzer.ts). */
export interface SessionAnalyzer {
  addFrame(frame: CapturedFrame): void;
  setCaptures(infos: CaptureInfo[]): void;
  snapshot(): AnalysisResult;
  finish(): AnalysisResult;
  describeFrame(frame: CapturedFrame): FrameDetail;
  /** Bytes shown to the user with login secrets masked (unless showSecrets). */
  redactBytes(data: Uint8Array): Uint8Array;
  /** Bytes of result.files[index] as rebuilt, or null when they were not kept. */
  fileBytes(index: number): Uint8Array | null;
}

export interface AnalyzerFactory {
  (options: SessionOptions & { collectFrames: true }, listener: { frameAnalysed(frame: CapturedFrame, outcome: FrameOutcome): void }): SessionAnalyzer;
}

export type CaptureBatchReader = (
  paths: string[],
  opts: { onProgress(bytesRead: number, total: number): void },
) => AsyncGenerator<CapturedFrame[], CaptureInfo[], undefined>;

export interface SessionDeps {
  createAnalyzer: AnalyzerFactory;
  readCaptures: CaptureBatchReader;
  emit(event: WorkerEvent): void;
  /** The main side is behind (event-outbox.ts): hold the next result increment. */
  congested?(): boolean;
  timing?: Partial<PacerTiming>;
  /** Longest stretch of loading between two turns of the event loop (default 8 ms). */
  sliceMs?: number;
}

/** Test-only hang (SessionOptions.__testHangAtFrame): a loop that never returns, as a defect's would. */
function hangForever(): never {
  for (;;) {
    // spins until the worker is terminated
  }
}

/** Source number of the live spool in the packet table (capture files are 0…n-1). */
const SPOOL_SOURCE = 0xff;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class AnalysisSession {
  private analyzer: SessionAnalyzer | null = null;
  private readonly table = new PacketTable();
  private readonly tally = new MsnpCommandTally();
  /** Marked frames (Ctrl+M) and time references (Ctrl+T), by frame index. */
  private readonly marks = new FrameBits();
  private readonly references = new TimeReferences();
  private readonly order = new DisplayOrder(this.table, undefined, (index) => this.bytesAt(index), this.marks);
  private readonly search = new FrameSearch(this.order, {
    columns: (i) => [String(i + 1), this.table.addresses.text(this.table.sourceId(i)), this.table.addresses.text(this.table.destinationId(i)),
      this.table.protocols.text(this.table.protocolId(i)), String(this.table.length(i)), this.table.info(i)],
    details: async (i) => {
      const detail = await this.detail(i + 1);
      return detail ? treeLabels(detail.tree) : null;
    },
    bytes: (i) => this.bytesAt(i),
    filter: (predicate, i) => this.order.passes(predicate, i),
  });
  private readonly differ = new ResultDiffer();
  private readonly flows = new FlowViews(
    { table: this.table, result: () => this.result(), displayed: () => this.order.displayedFrames() },
    () => `${this.table.size}/${this.order.counts().version}/${this.finished}`,
  );
  private readonly pacer: EventPacer;
  private reader: FrameBytesReader | null = null;
  private spool: FrameSpool | null = null;
  private mode: 'idle' | 'file' | 'live' = 'idle';
  private label = '';
  private cancelled = false;
  private finished = false;
  private bytesDone = 0;
  private bytesTotal = 0;
  private startedAt = 0;
  /** Source and offset of the frame being added (the listener records it in the table). */
  private source = 0;
  private offset = 0;
  private lastCounts = '';
  private hangAt = 0;
  /** A replay of a stopped worker's frames: no events until the end (see ReplayLimit). */
  private replay: ReplayLimit | null = null;
  /** Read by the back end's watchdog; a private one until the worker hands over the shared board. */
  board = new ProgressBoard();
  /** Where the live spool goes (the worker's own temporary directory, when given). */
  tempDir: string | undefined;

  constructor(private readonly deps: SessionDeps) {
    this.pacer = new EventPacer({
      emit: (e) => deps.emit(e),
      snapshot: () => this.differ.delta(this.analyzer!.snapshot()),
      counts: () => this.countsIfChanged(),
      progress: () => this.progress(false),
      congested: () => deps.congested?.() ?? false,
    }, deps.timing);
  }

  /** Reads the (merged) files to the end, or until cancel(); failures become analysis:error events. */
  async load(paths: string[], label: string, options: SessionOptions, replay?: ReplayLimit): Promise<void> {
    this.replay = replay ?? null;
    this.begin('file', label, options);
    this.reader = new FrameBytesReader(paths);
    const perFile = paths.map(() => ({ frames: 0, lastOffset: 0 }));
    let infos: CaptureInfo[] | null = null;
    const batches = this.deps.readCaptures(paths, {
      onProgress: (done, total) => {
        this.bytesDone = done;
        this.bytesTotal = total;
        this.board.bytesRead(done);
      },
    });
    const sliceMs = this.deps.sliceMs ?? 8;
    let sliceStart = performance.now();
    let firstBatchShown = false;
    try {
      for (;;) {
        const next = await batches.next();
        if (next.done) {
          infos = next.value;
          break;
        }
        for (const frame of next.value) {
          if (this.replay && frame.number > this.replay.lastFrame) this.cancelled = true;
          if (this.cancelled) break;
          this.source = frame.captureIndex;
          this.offset = frame.fileOffset;
          const file = perFile[frame.captureIndex];
          if (file) {
            file.frames++;
            file.lastOffset = frame.fileOffset;
          }
          this.analyse(frame);
          // A batch is a whole chunk of the file: give requests (rows, detail, cancel) a turn inside it too.
          if ((file?.frames ?? 0) % 256 === 0 && performance.now() - sliceStart >= sliceMs) {
            await yieldToEventLoop();
            sliceStart = performance.now();
          }
        }
        if (this.cancelled) break;
        // The first rows should not wait for the pacer's first tick (50 ms: a third of the time to them).
        if (!firstBatchShown && !this.replay) {
          firstBatchShown = true;
          this.pacer.tick();
        }
        if (performance.now() - sliceStart >= sliceMs) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
    } catch (err) {
      this.emitError(withBaseNames(err instanceof Error ? err.message : String(err), paths));
    } finally {
      if (!infos) await batches.return([]).catch(() => undefined);
    }
    infos ??= paths.map((p, i) => cancelledCaptureInfo(p, perFile[i].frames, perFile[i].lastOffset));
    for (const info of infos) {
      if (info.damage && !info.cancelled) this.emitError(withBaseNames(`${info.path}: ${info.damage.message} (frames before it were analysed)`, paths));
    }
    this.analyzer!.setCaptures(infos);
    this.end();
  }

  beginLive(label: string, options: SessionOptions): void {
    this.begin('live', label, options);
    this.spool = new FrameSpool(this.tempDir);
    this.reader = new FrameBytesReader([], new Map([[SPOOL_SOURCE, this.spool.path]]));
  }

  /** Frames from live capture, numbered by the capture side. */
  addLive(frames: CapturedFrame[]): void {
    if (this.mode !== 'live' || this.finished || !this.spool) return;
    const offsets = this.spool.append(frames);
    for (let i = 0; i < frames.length; i++) {
      try {
        this.source = SPOOL_SOURCE;
        this.offset = offsets[i];
        this.bytesDone += frames[i].data.length;
        this.board.bytesRead(this.bytesDone);
        this.analyse(frames[i]);
      } catch (err) {
        this.emitError(`live frame ${frames[i].number}: ${(err as Error).message}`);
      }
    }
  }

  endLive(): void {
    if (this.mode !== 'live' || this.finished) return;
    this.analyzer!.setCaptures([{ path: this.label, format: 'pcapng', frames: this.table.size, gzip: false }]);
    this.end();
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** Rows at display positions [start, start + count), with the text of the custom columns' `fields`. */
  rows(start: number, count: number, fields: readonly string[] = []): FramePage {
    this.order.catchUp();
    return framePage(this.table, this.order, start, count, fields, { marks: this.marks, references: this.references });
  }

  /** The next or previous displayed packet (of the same conversation, or marked) from a frame. */
  neighbour(request: NeighbourRequest): NeighbourAnswer {
    return neighbour({ table: this.table, order: this.order, marks: this.marks }, request);
  }

  /** Find Packet from a frame onwards or backwards, wrapping around; a newer search or findCancel() stops it. */
  async find(request: FindRequest): Promise<FindAnswer> {
    // Bytes and filters read frames synchronously during the walk: open the files first.
    if (request.mode !== 'string' || request.scope === 'bytes') await this.reader?.openAll();
    return this.search.find(request);
  }

  findCancel(): void {
    this.search.cancel();
  }

  /** Marks or unmarks frames; rows on screen are stale (their style), so the counts go out. */
  mark(request: MarkRequest): { marked: number } {
    this.order.catchUp();
    if (request.op === 'toggle') {
      if (this.table.get(request.number)) this.marks.toggle(request.number - 1);
    } else if (request.op === 'unmark-all') {
      this.marks.clear();
    } else {
      for (let p = 0; p < this.order.displayed; p++) this.marks.set(this.order.frameAt(p), true);
    }
    this.order.touch();
    this.emitCounts();
    return { marked: this.marks.count };
  }

  /** Sets or unsets a time reference, or clears them all; relative times of rows on screen change. */
  timeReference(request: TimeReferenceRequest): { references: number } {
    if (request.op === 'clear') this.references.clear();
    else if (this.table.get(request.number)) this.references.toggle(request.number - 1);
    this.order.touch();
    this.emitCounts();
    return { references: this.references.count };
  }

  /** A new display filter and sort; the counts go out at once so every view agrees. */
  async view(expression: string, sort: SortSpec | null): Promise<ViewResponse> {
    // A filter that tests bytes reads them synchronously in its pass: open the files first.
    const compiled = DisplayOrder.compile(expression);
    if (compiled.ok && compiled.usesBytes && this.reader) await this.reader.openAll();
    const answer = this.order.setView(expression, sort, compiled);
    if (answer.ok && this.mode !== 'idle') this.emitCounts();
    return answer;
  }

  private bytesAt(index: number): Uint8Array | null {
    const where = this.table.get(index + 1);
    return where && this.reader ? this.reader.readSync(where.source, where.offset, where.capturedLength) : null;
  }

  /** Display position of frame `number`, or −1 when it does not exist or is hidden. */
  position(number: number): number {
    this.order.catchUp();
    return Number.isSafeInteger(number) ? this.order.positionOf(number - 1) : -1;
  }

  async detail(number: number): Promise<FrameDetail | null> {
    const where = this.table.get(number);
    if (!where || !this.reader || !this.analyzer) return null;
    const data = await this.reader.read(where.source, where.offset, where.capturedLength);
    if (!data) return null;
    const detail = this.analyzer.describeFrame({
      number,
      captureIndex: where.source === SPOOL_SOURCE ? 0 : where.source,
      fileOffset: where.offset,
      tsUs: where.tsUs,
      linkType: where.linkType,
      originalLength: where.originalLength,
      data,
    });
    // The stream index and relative sequence numbers come from the table, which saw the whole stream.
    addTcpStreamNodes(detail.tree, this.table.fields(number - 1, { number }));
    return detail;
  }

  /** TCP stream `stream`'s bytes in order, both ways, re-read from the files (null: no such stream). */
  follow(stream: number, limitBytes?: number): Promise<FollowedStream | null> {
    const reader = this.reader;
    const analyzer = this.analyzer;
    if (!reader || !analyzer) return Promise.resolve(null);
    return followStream({
      framesOf: (s) => this.table.framesOf(s),
      location: (n) => this.table.get(n),
      read: (where) => reader.read(where.source, where.offset, where.capturedLength),
      isMsnpStream: (s) => this.table.isMsnpStream(s),
      redact: (bytes) => analyzer.redactBytes(bytes),
    }, stream, limitBytes);
  }

  /** The analysis so far (whole, for reports written in the worker). */
  result(): AnalysisResult | null {
    return this.analyzer?.snapshot() ?? null;
  }

  /** The tables of one Statistics view over what has been analysed so far. */
  statistics(kind: StatsKind): StatsResponse {
    return statistics(kind, { table: this.table, result: this.result(), tally: this.tally });
  }

  /** A page of the flow graph of a selection (built once, then paged). */
  flow(request: FlowRequest): FlowPage {
    this.order.catchUp();
    return this.flows.page(request);
  }

  /** Arrows of a flow graph as an SVG document (the window draws it into a PNG). */
  flowSvg(request: FlowPictureRequest): string {
    this.order.catchUp();
    return this.flows.svg(request);
  }

  exportFlowSvg(scope: FlowScope, unit: FlowUnit, path: string): Promise<void> {
    this.order.catchUp();
    return this.flows.exportSvg(scope, unit, path);
  }

  /** Statistics → I/O Graph: the buckets of each line (a filter that reads bytes opens the files first). */
  async ioGraph(request: IoGraphRequest): Promise<IoGraphResponse> {
    this.order.catchUp();
    if (this.reader && request.lines.some((l) => { const c = DisplayOrder.compile(l.filter); return c.ok && c.usesBytes; })) await this.reader.openAll();
    const messagesByFrame = new Map<number, number>();
    for (const s of this.result()?.sessions ?? []) for (const m of s.messages) messagesByFrame.set(m.frame, (messagesByFrame.get(m.frame) ?? 0) + 1);
    return ioGraph(request, { table: this.table, readBytes: (index) => this.bytesAt(index), messagesByFrame });
  }

  /** Statistics → Session Timeline, from the analysis so far. */
  timeline(grouping: TimelineGrouping): TimelineResponse {
    return sessionTimeline(this.table, this.result(), grouping);
  }

  msnpFrames(): Uint8Array {
    return this.table.msnpFrames();
  }

  /** The frames `selection` keeps, one byte per frame number; null: every frame. */
  frameMask(selection: FrameSelection): Uint8Array | null {
    this.order.catchUp();
    return frameMask(selection, this.table.size, {
      msnp: () => this.table.msnpFrames(),
      displayed: () => this.order.displayedFrames(),
      marked: () => this.markedFrames(),
    });
  }

  /** One byte per frame number (index 0 unused): 1 when the frame is marked. */
  private markedFrames(): Uint8Array {
    const out = new Uint8Array(this.table.size + 1);
    if (this.marks.count > 0) for (let i = 0; i < this.table.size; i++) if (this.marks.has(i)) out[i + 1] = 1;
    return out;
  }

  async save(path: string, selection: FrameSelection, format: CaptureFileFormat = 'pcapng'): Promise<number> {
    if (!this.reader) throw new Error('no capture loaded');
    return saveFrames(path, this.table, this.reader, this.frameMask(selection), format);
  }

  /** Export Packet Dissections of every frame or the displayed ones, narrowed by a range; returns the frames written. */
  async exportDissections(path: string, request: DissectionExportRequest): Promise<number> {
    if (!this.reader) throw new Error('no capture loaded');
    const keep = this.frameMask({ msnpOnly: false, displayedOnly: request.displayedOnly, range: request.range });
    const time = request.time ?? 'relative';
    return exportDissections(path, request.format, {
      count: this.table.size,
      keep,
      row: (n) => dissectionRow(this.table, n, time),
      detail: (n) => this.detail(n),
    });
  }

  private recoveredFiles() {
    return this.result()?.files ?? [];
  }

  objectName(index: number): string | null {
    return objectName(this.recoveredFiles(), index);
  }

  /** Writes recovered file `index`, or every one (as a zip) when no index is given; returns how many. */
  async saveObjects(path: string, index?: number): Promise<number> {
    const bytesOf = (i: number) => this.analyzer?.fileBytes(i) ?? null;
    if (index === undefined) return saveAllObjects(path, this.recoveredFiles(), bytesOf);
    await saveObject(path, this.recoveredFiles(), bytesOf, index);
    return 1;
  }

  objectPreview(index: number): ObjectPreview {
    const file = this.recoveredFiles()[index];
    if (!file) return { kind: 'none', reason: `no recovered file #${index}` };
    return objectPreview(this.analyzer?.fileBytes(index) ?? null, file.size);
  }

  async dispose(): Promise<void> {
    this.cancelled = true;
    this.search.cancel();
    this.pacer.stop();
    await this.reader?.close();
    this.spool?.dispose();
  }

  /** Analyses one frame, with the board saying which while it does (a frame that throws has returned too). */
  private analyse(frame: CapturedFrame): void {
    this.board.frameStarted(frame.number);
    try {
      if (frame.number === this.hangAt) hangForever();
      this.analyzer!.addFrame(frame);
    } finally {
      this.board.frameDone(frame.number);
    }
  }

  private begin(mode: 'file' | 'live', label: string, options: SessionOptions): void {
    if (this.mode !== 'idle') throw new Error('this analysis session already has a capture');
    this.mode = mode;
    this.hangAt = options.__testHangAtFrame ?? 0;
    this.label = label;
    this.startedAt = performance.now();
    this.analyzer = this.deps.createAnalyzer({ ...options, collectFrames: true }, {
      frameAnalysed: (frame, outcome) => {
        this.table.add(frame, this.source, outcome, this.offset);
        this.tally.add(outcome);
        this.flows.add(frame.number, outcome.commands);
      },
    });
    if (this.replay) return;
    this.deps.emit({ channel: 'analysis:reset', payload: { label, source: mode } });
    this.pacer.start(mode);
  }

  private end(): void {
    this.finished = true;
    this.board.finishing(true);
    const result = this.replay && !this.replay.finish ? this.analyzer!.snapshot() : this.analyzer!.finish();
    this.board.finishing(false);
    this.pacer.finish(this.differ.delta(result));
  }

  private countsIfChanged() {
    this.order.catchUp();
    const counts = this.order.counts();
    const key = `${counts.frames}/${counts.displayed}/${counts.version}`;
    if (key === this.lastCounts) return null;
    this.lastCounts = key;
    return counts;
  }

  private emitCounts(): void {
    const counts = this.countsIfChanged();
    if (counts) this.deps.emit({ channel: 'frames:count', payload: counts });
  }

  private emitError(message: string): void {
    this.emitCounts();
    this.deps.emit({ channel: 'analysis:error', payload: { message } });
  }

  private progress(done: boolean): LoadProgress {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const frames = this.table.size;
    return {
      source: this.mode === 'live' ? 'live' : 'file',
      label: this.label,
      bytesDone: this.bytesDone,
      bytesTotal: this.mode === 'live' ? 0 : this.bytesTotal,
      frames,
      framesPerSecond: seconds > 0 ? Math.round(frames / seconds) : 0,
      done,
      ...(this.cancelled && this.mode === 'file' ? { cancelled: true } : {}),
    };
  }
}
