// Paces the worker's events so the renderer gets few, large messages: packet-list rows in batches
// (every ~50 ms or 5000 rows), analysis snapshots at most every 500 ms while a file loads and every
// 150 ms during live capture (so the status bar's command and session counts keep up with the
// streamed rows), longer when taking and sending one is slow, and only when frames arrived since
// the last one; progress every ~100 ms.

import type { LoadProgress } from '../../shared/ipc-contract';
import type { AnalysisResult, FrameRow } from '../../shared/model';
import type { WorkerEvent } from './worker-protocol';

export interface PacerSource {
  emit(event: WorkerEvent): void;
  snapshot(): AnalysisResult;
  progress(): LoadProgress;
}

export interface PacerTiming {
  rowIntervalMs: number;
  maxRows: number;
  resultIntervalMs: number;
  /** The snapshot interval during live capture, where frames trickle in and people watch. */
  liveResultIntervalMs: number;
  progressIntervalMs: number;
  now(): number;
}

const DEFAULT_TIMING: PacerTiming = {
  rowIntervalMs: 50,
  maxRows: 5000,
  resultIntervalMs: 500,
  liveResultIntervalMs: 150,
  progressIntervalMs: 100,
  now: () => performance.now(),
};

export class EventPacer {
  private rows: FrameRow[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastResult: number;
  private lastProgress: number;
  private baseResultInterval: number;
  /** Grows with the cost of a snapshot, so snapshots never take more than ~10% of the time. */
  private resultInterval: number;
  /** Frames seen since the last snapshot: without any, a new snapshot would say the same. */
  private rowsSinceResult = 0;
  private readonly timing: PacerTiming;

  constructor(private readonly source: PacerSource, timing: Partial<PacerTiming> = {}) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
    this.lastResult = this.lastProgress = this.timing.now();
    this.baseResultInterval = this.resultInterval = this.timing.resultIntervalMs;
  }

  /** Ticks every row interval until stop(); a live capture gets snapshots more often. */
  start(source: 'file' | 'live' = 'file'): void {
    this.baseResultInterval = this.resultInterval = source === 'live' ? this.timing.liveResultIntervalMs : this.timing.resultIntervalMs;
    this.timer ??= setInterval(() => this.tick(), this.timing.rowIntervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  addRow(row: FrameRow): void {
    this.rows.push(row);
    this.rowsSinceResult++;
    if (this.rows.length >= this.timing.maxRows) this.flushRows();
  }

  flushRows(): void {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    this.source.emit({ channel: 'frames:appended', payload: { rows } });
  }

  /** Sends what is due: rows always (they are at most one interval old), a snapshot and progress when their time has come. */
  tick(): void {
    this.flushRows();
    const now = this.timing.now();
    if (this.rowsSinceResult > 0 && now - this.lastResult >= this.resultInterval) {
      this.rowsSinceResult = 0;
      this.source.emit({ channel: 'analysis:result', payload: { result: this.source.snapshot(), final: false } });
      // Sending counts too: the snapshot is copied to the main thread and serialised again there.
      const took = this.timing.now() - now;
      this.resultInterval = Math.max(this.baseResultInterval, took * 10);
      this.lastResult = this.timing.now();
    }
    if (now - this.lastProgress >= this.timing.progressIntervalMs) {
      this.source.emit({ channel: 'analysis:progress', payload: this.source.progress() });
      this.lastProgress = now;
    }
  }

  /** The end: remaining rows, the final result, then the final progress. */
  finish(result: AnalysisResult): void {
    this.stop();
    this.flushRows();
    this.source.emit({ channel: 'analysis:result', payload: { result, final: true } });
    this.source.emit({ channel: 'analysis:progress', payload: { ...this.source.progress(), done: true } });
  }
}
