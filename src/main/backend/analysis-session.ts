// One capture's analysis inside the worker: feeds frames (from merged files or live capture) to
// the engine's Analyzer, streams packet-list rows, snapshots and progress through the pacer, and
// keeps per frame only where its bytes are (FrameIndex) and its filter fields, so that detail,
// display filters and saves work without holding packets in memory.

import { compileFilter } from '../../shared/display-filter/compile-filter';
import type { FrameFields } from '../../shared/display-filter/frame-fields';
import type { FilterResponse, LoadProgress } from '../../shared/ipc-contract';
import type { AnalysisResult, CaptureInfo, FrameDetail, FrameRow } from '../../shared/model';
import type { CapturedFrame } from '../engine/capture/captured-frame';
import { cancelledCaptureInfo } from './capture-sniff';
import { EventPacer, type PacerTiming } from './event-pacer';
import { FrameBytesReader } from './frame-bytes-reader';
import { FrameIndex } from './frame-index';
import { FrameSpool } from './frame-spool';
import { savePcapng } from './save-pcapng';
import type { SessionOptions, WorkerEvent } from './worker-protocol';

/** What the session needs of the engine's Analyzer (src/main/engine/analyzer.ts). */
export interface SessionAnalyzer {
  addFrame(frame: CapturedFrame): void;
  setCaptures(infos: CaptureInfo[]): void;
  snapshot(): AnalysisResult;
  finish(): AnalysisResult;
  describeFrame(frame: CapturedFrame): FrameDetail;
}

export interface AnalyzerFactory {
  (options: SessionOptions & { collectFrames: true }, listener: { frameRow(row: FrameRow): void; frameFields(f: FrameFields): void }): SessionAnalyzer;
}

export type CaptureBatchReader = (
  paths: string[],
  opts: { onProgress(bytesRead: number, total: number): void },
) => AsyncGenerator<CapturedFrame[], CaptureInfo[], undefined>;

export interface SessionDeps {
  createAnalyzer: AnalyzerFactory;
  readCaptures: CaptureBatchReader;
  emit(event: WorkerEvent): void;
  timing?: Partial<PacerTiming>;
}

/** Source number of the live spool in the frame index (capture files are 0…n-1). */
const SPOOL_SOURCE = 0xffff;

export class AnalysisSession {
  private analyzer: SessionAnalyzer | null = null;
  private readonly index = new FrameIndex();
  private readonly fields: FrameFields[] = [];
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

  constructor(private readonly deps: SessionDeps) {
    this.pacer = new EventPacer({
      emit: (e) => deps.emit(e),
      snapshot: () => this.analyzer!.snapshot(),
      progress: () => this.progress(false),
    }, deps.timing);
  }

  /** Reads the (merged) files to the end, or until cancel(); failures become analysis:error events. */
  async load(paths: string[], label: string, options: SessionOptions): Promise<void> {
    this.begin('file', label, options);
    this.reader = new FrameBytesReader(paths);
    const perFile = paths.map(() => ({ frames: 0, lastOffset: 0 }));
    let infos: CaptureInfo[] | null = null;
    const batches = this.deps.readCaptures(paths, {
      onProgress: (done, total) => {
        this.bytesDone = done;
        this.bytesTotal = total;
      },
    });
    try {
      for (;;) {
        const next = await batches.next();
        if (next.done) {
          infos = next.value;
          break;
        }
        if (this.cancelled) break;
        for (const frame of next.value) {
          this.index.add(frame, frame.captureIndex);
          const file = perFile[frame.captureIndex];
          if (file) {
            file.frames++;
            file.lastOffset = frame.fileOffset;
          }
          this.analyzer!.addFrame(frame);
        }
      }
    } catch (err) {
      this.emitError(err instanceof Error ? err.message : String(err));
    } finally {
      if (!infos) await batches.return([]).catch(() => undefined);
    }
    infos ??= paths.map((p, i) => cancelledCaptureInfo(p, perFile[i].frames, perFile[i].lastOffset));
    for (const info of infos) {
      if (info.damage && !this.cancelled) this.emitError(`${info.path}: ${info.damage.message} (frames before it were analysed)`);
    }
    this.analyzer!.setCaptures(infos);
    this.end();
  }

  beginLive(label: string, options: SessionOptions): void {
    this.begin('live', label, options);
    this.spool = new FrameSpool();
    this.reader = new FrameBytesReader([], new Map([[SPOOL_SOURCE, this.spool.path]]));
  }

  /** Frames from live capture, numbered by the capture side. */
  addLive(frames: CapturedFrame[]): void {
    if (this.mode !== 'live' || this.finished || !this.spool) return;
    const offsets = this.spool.append(frames);
    for (let i = 0; i < frames.length; i++) {
      try {
        this.index.add(frames[i], SPOOL_SOURCE, offsets[i]);
        this.bytesDone += frames[i].data.length;
        this.analyzer!.addFrame(frames[i]);
      } catch (err) {
        this.emitError(`live frame ${frames[i].number}: ${(err as Error).message}`);
      }
    }
  }

  endLive(): void {
    if (this.mode !== 'live' || this.finished) return;
    this.analyzer!.setCaptures([{ path: this.label, format: 'pcapng', frames: this.index.size, gzip: false }]);
    this.end();
  }

  cancel(): void {
    this.cancelled = true;
  }

  async detail(number: number): Promise<FrameDetail | null> {
    const where = this.index.get(number);
    if (!where || !this.reader || !this.analyzer) return null;
    const data = await this.reader.read(where.source, where.offset, where.capturedLength);
    if (!data) return null;
    return this.analyzer.describeFrame({
      number,
      captureIndex: where.source === SPOOL_SOURCE ? 0 : where.source,
      fileOffset: where.offset,
      tsUs: where.tsUs,
      linkType: where.linkType,
      originalLength: where.originalLength,
      data,
    });
  }

  filter(expression: string): FilterResponse {
    const compiled = compileFilter(expression);
    if (!compiled.ok) return { ok: false, error: compiled.error, position: compiled.position };
    const frames: number[] = [];
    for (const f of this.fields) if (compiled.predicate(f)) frames.push(f.number);
    return { ok: true, frames };
  }

  msnpFrames(): Uint8Array {
    return this.index.msnpFrames();
  }

  async save(path: string, msnpOnly: boolean): Promise<number> {
    if (!this.reader) throw new Error('no capture loaded');
    return savePcapng(path, this.index, this.reader, msnpOnly ? this.index.msnpFrames() : null);
  }

  async dispose(): Promise<void> {
    this.cancelled = true;
    this.pacer.stop();
    await this.reader?.close();
    this.spool?.dispose();
  }

  private begin(mode: 'file' | 'live', label: string, options: SessionOptions): void {
    if (this.mode !== 'idle') throw new Error('this analysis session already has a capture');
    this.mode = mode;
    this.label = label;
    this.startedAt = performance.now();
    this.analyzer = this.deps.createAnalyzer({ ...options, collectFrames: true }, {
      frameRow: (row) => {
        this.index.noteStream(row.number, row.stream, row.connection !== undefined);
        this.pacer.addRow(row);
      },
      frameFields: (f) => {
        this.fields.push(f);
      },
    });
    this.deps.emit({ channel: 'analysis:reset', payload: { label, source: mode } });
    this.pacer.start(mode);
  }

  private end(): void {
    this.finished = true;
    this.pacer.finish(this.analyzer!.finish());
  }

  private emitError(message: string): void {
    this.pacer.flushRows();
    this.deps.emit({ channel: 'analysis:error', payload: { message } });
  }

  private progress(done: boolean): LoadProgress {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const frames = this.index.size;
    return {
      source: this.mode === 'live' ? 'live' : 'file',
      label: this.label,
      bytesDone: this.bytesDone,
      bytesTotal: this.mode === 'live' ? 0 : this.bytesTotal,
      frames,
      framesPerSecond: seconds > 0 ? Math.round(frames / seconds) : 0,
      done,
    };
  }
}
