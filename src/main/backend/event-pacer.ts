// Paces the worker's events so the renderer gets few, small messages: the packet list's counts
// every ~50 ms when they changed (the rows themselves are asked for by the renderer), result
// increments at most every 500 ms while a file loads and every 150 ms during live capture (so the
// status bar's command and session counts keep up), longer when taking and sending one is slow,
// and only when frames arrived since the last one, and not while the main side is behind (the next
// increment then carries both); progress every ~100 ms.

import type { LoadProgress } from '../../shared/ipc-contract';
import type { FrameCounts } from '../../shared/packet-page';
import type { ResultDelta } from '../../shared/result-delta';
import type { WorkerEvent } from './worker-protocol';

export interface PacerSource {
  emit(event: WorkerEvent): void;
  /** The result's increment since the previous call. */
  snapshot(): ResultDelta;
  /** The packet list's counts, or null when unchanged since the previous call. */
  counts(): FrameCounts | null;
  progress(): LoadProgress;
  /** The main side has not taken what was sent: a snapshot now would only wait. */
  congested?(): boolean;
}

export interface PacerTiming {
  countIntervalMs: number;
  resultIntervalMs: number;
  /** The snapshot interval during live capture, where frames trickle in and people watch. */
  liveResultIntervalMs: number;
  progressIntervalMs: number;
  now(): number;
}

const DEFAULT_TIMING: PacerTiming = {
  countIntervalMs: 50,
  resultIntervalMs: 500,
  liveResultIntervalMs: 150,
  progressIntervalMs: 100,
  now: () => performance.now(),
};

export class EventPacer {
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastResult: number;
  private lastProgress: number;
  private baseResultInterval: number;
  /** Grows with the cost of a snapshot, so snapshots never take more than ~10% of the time. */
  private resultInterval: number;
  /** Frames seen since the last snapshot: without any, a new snapshot would say the same. */
  private framesSinceResult = false;
  private readonly timing: PacerTiming;

  constructor(private readonly source: PacerSource, timing: Partial<PacerTiming> = {}) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
    this.lastResult = this.lastProgress = this.timing.now();
    this.baseResultInterval = this.resultInterval = this.timing.resultIntervalMs;
  }

  /** Ticks every count interval until stop(); a live capture gets snapshots more often. */
  start(source: 'file' | 'live' = 'file'): void {
    this.baseResultInterval = this.resultInterval = source === 'live' ? this.timing.liveResultIntervalMs : this.timing.resultIntervalMs;
    this.timer ??= setInterval(() => this.tick(), this.timing.countIntervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private flushCounts(): boolean {
    const counts = this.source.counts();
    if (!counts) return false;
    this.source.emit({ channel: 'frames:count', payload: counts });
    return true;
  }

  /** Sends what is due: counts always (when changed), a snapshot and progress when their time has come. */
  tick(): void {
    if (this.flushCounts()) this.framesSinceResult = true;
    const now = this.timing.now();
    if (this.framesSinceResult && now - this.lastResult >= this.resultInterval && !this.source.congested?.()) {
      this.framesSinceResult = false;
      this.source.emit({ channel: 'analysis:result', payload: { delta: this.source.snapshot(), final: false } });
      // Sending counts too: the increment is copied to the main thread and serialised again there.
      const took = this.timing.now() - now;
      this.resultInterval = Math.max(this.baseResultInterval, took * 10);
      this.lastResult = this.timing.now();
    }
    if (now - this.lastProgress >= this.timing.progressIntervalMs) {
      this.source.emit({ channel: 'analysis:progress', payload: this.source.progress() });
      this.lastProgress = now;
    }
  }

  /** The end: the last counts, the final increment, then the final progress. */
  finish(delta: ResultDelta): void {
    this.stop();
    this.flushCounts();
    this.source.emit({ channel: 'analysis:result', payload: { delta, final: true } });
    this.source.emit({ channel: 'analysis:progress', payload: { ...this.source.progress(), done: true } });
  }
}
