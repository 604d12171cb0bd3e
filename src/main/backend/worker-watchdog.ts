// Watches one analysis worker's progress board from the main thread. When neither the heartbeat
// nor the frame count has moved for `stallMs`, the worker is stuck (a frame that never finishes,
// or a request that never returns): the owner is told once, so it can offer to stop; after
// `stopMs` without progress it is told to stop the worker itself. Progress after a stall says so.
// The clock starts at the first heartbeat: starting a worker (loading its code) is not a stall.

import type { BoardReading, ProgressBoard } from './progress-board';

export interface WatchdogLimits {
  /** No progress for this long: report a stall (default 5 s). */
  stallMs: number;
  /** No progress for this long: stop the worker without asking (default 30 s). */
  stopMs: number;
}

export const DEFAULT_WATCHDOG_LIMITS: WatchdogLimits = { stallMs: 5000, stopMs: 30_000 };

export interface Stall {
  /** The frame whose analysis has not returned, or null when the worker is stuck outside a frame. */
  frame: number | null;
  /** The last frame analysed in full. */
  lastDone: number;
  finishing: boolean;
  /** How long without progress, in milliseconds, when reported. */
  ms: number;
}

export interface WatchdogListener {
  stalled(stall: Stall): void;
  resumed(): void;
  expired(stall: Stall): void;
}

export class WorkerWatchdog {
  private timer: ReturnType<typeof setInterval> | null = null;
  private last: BoardReading;
  private lastChange: number;
  private stall: Stall | null = null;
  private expired = false;

  constructor(
    private readonly board: ProgressBoard,
    private readonly limits: WatchdogLimits,
    private readonly listener: WatchdogListener,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.last = board.read();
    this.lastChange = now();
  }

  start(): void {
    // A few looks per bound: a stall is reported at most a quarter of the bound late.
    const every = Math.max(10, Math.min(250, this.limits.stallMs / 4));
    this.timer ??= setInterval(() => this.check(), every);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The stall reported and not yet over, if any. */
  get stalled(): Stall | null {
    return this.stall;
  }

  check(): void {
    const reading = this.board.read();
    const now = this.now();
    if (reading.beats === 0) {
      this.lastChange = now;
      return;
    }
    if (reading.beats !== this.last.beats || reading.lastDone !== this.last.lastDone) {
      this.last = reading;
      this.lastChange = now;
      this.expired = false;
      if (this.stall) {
        this.stall = null;
        this.listener.resumed();
      }
      return;
    }
    const ms = now - this.lastChange;
    const stall = (): Stall => ({ frame: reading.frame, lastDone: reading.lastDone, finishing: reading.finishing, ms });
    if (!this.stall && ms >= this.limits.stallMs) {
      this.stall = stall();
      this.listener.stalled(this.stall);
    }
    if (this.stall && !this.expired && ms >= this.limits.stopMs) {
      this.expired = true;
      this.listener.expired(stall());
    }
  }
}
