// One analysis worker started ahead of need, so opening a capture does not wait for a worker
// thread to boot and compile the analysis bundle (about 90 ms on an idle 2-core machine, several
// times that on a busy one: most of the time to the first rows in process). It is started when
// the back end starts and when a capture is closed, not beside a capture that is open (an idle
// worker is some 20–40 MB of RSS the results did not ask for, and one started during a load would
// take CPU from it). A spare that dies while it waits is dropped; a capture without a spare
// starts its own.

import type { WorkerLike } from './worker-client';

export class SpareWorker {
  private spare: WorkerLike | null = null;

  constructor(private readonly spawn: () => WorkerLike) {}

  /** Starts a spare unless one waits already. */
  warm(): void {
    if (this.spare) return;
    const worker = this.spawn();
    const drop = () => {
      if (this.spare === worker) this.spare = null;
    };
    worker.on('exit', drop);
    worker.on('error', drop);
    this.spare = worker;
  }

  /** The waiting spare, or a new worker when none waits. */
  take(): WorkerLike {
    const worker = this.spare ?? this.spawn();
    this.spare = null;
    return worker;
  }

  async dispose(): Promise<void> {
    const worker = this.spare;
    this.spare = null;
    await worker?.terminate();
  }
}
