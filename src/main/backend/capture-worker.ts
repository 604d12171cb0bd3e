// One capture's analysis worker as the back end holds it: the client for its calls, the progress
// board and watchdog that notice when it stops responding, and its own temporary directory
// (removed however the worker ends, killed while hung included). The back end decides what a
// stall means; this only keeps the pieces of one worker together.

import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadProgress } from '../../shared/ipc-contract';
import { ProgressBoard } from './progress-board';
import { WorkerClient, type WorkerLike } from './worker-client';
import type { WorkerEvent } from './worker-protocol';
import { WorkerWatchdog, type Stall, type WatchdogLimits } from './worker-watchdog';

/** Where a worker that stopped responding was stopped, as LoadProgress.stopped says it. */
export type StoppedAt = NonNullable<LoadProgress['stopped']>;

/** What a replaying worker rebuilds: the stopped worker's frames, and whether its load had ended. */
export interface ReplayOf extends StoppedAt {
  loadEnded: boolean;
}

export interface CaptureWorkerSpec {
  label: string;
  source: 'file' | 'live';
  paths: string[];
  /** Set on a worker that rebuilds what a stopped one had decoded. */
  replayOf: ReplayOf | null;
  spawn: () => WorkerLike;
  limits: WatchdogLimits;
  /** Parent of the worker's temporary directory. */
  tempParent: string;
}

export interface CaptureWorkerListener {
  event(worker: CaptureWorker, event: WorkerEvent): void;
  death(worker: CaptureWorker, reason: string): void;
  stalled(worker: CaptureWorker, stall: Stall): void;
  resumed(worker: CaptureWorker): void;
  expired(worker: CaptureWorker, stall: Stall): void;
}

export class CaptureWorker {
  readonly label: string;
  readonly source: 'file' | 'live';
  /** The files read; a stopped live capture's replay reads the frames saved from it. */
  paths: string[];
  readonly replayOf: ReplayOf | null;
  readonly client: WorkerClient;
  readonly watchdog: WorkerWatchdog;
  readonly tempDir: string;
  private readonly board = new ProgressBoard();
  /** What the renderer was last told about this worker's progress. */
  lastProgress: LoadProgress | null = null;
  /** The load call returned: the final flush is behind it. */
  loadEnded = false;
  /** The user asked to cancel: if the worker turns out to be stuck, stop it without asking again. */
  stopRequested = false;
  /** Being killed for not responding. */
  stopping = false;
  /** Resolves once the worker can answer for its whole capture (a replay has to be read first). */
  ready: Promise<void> = Promise.resolve();

  constructor(spec: CaptureWorkerSpec, listener: CaptureWorkerListener) {
    this.label = spec.label;
    this.source = spec.source;
    this.paths = spec.paths;
    this.replayOf = spec.replayOf;
    this.tempDir = mkdtempSync(join(spec.tempParent, 'msnp-analyzer-worker-'));
    this.watchdog = new WorkerWatchdog(this.board, spec.limits, {
      stalled: (stall) => listener.stalled(this, stall),
      resumed: () => listener.resumed(this),
      expired: (stall) => listener.expired(this, stall),
    });
    this.client = new WorkerClient(
      spec.spawn(),
      (event) => listener.event(this, event),
      (reason) => {
        this.watchdog.stop();
        listener.death(this, reason);
      },
      { board: this.board.buffer, tempDir: this.tempDir },
    );
    this.watchdog.start();
  }

  /** The last progress without its stall; made from the board when the worker sent none (stuck before its first). */
  progressWithoutStall(): LoadProgress {
    if (this.lastProgress) {
      const { stalled: _, ...rest } = this.lastProgress;
      return rest;
    }
    const { lastDone, bytes } = this.board.read();
    return { source: this.source, label: this.label, bytesDone: bytes, bytesTotal: 0, frames: lastDone, framesPerSecond: 0, done: false };
  }

  /** Ends the worker: politely when it answers, by termination when it is stuck. */
  async end(reason = 'analysis worker stopped'): Promise<void> {
    this.watchdog.stop();
    if (this.stopping || this.watchdog.stalled) await this.client.terminate(reason);
    else await this.client.dispose();
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}
