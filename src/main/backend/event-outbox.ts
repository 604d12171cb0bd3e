// The worker's events to the main thread go out in batches, and at most `maxInFlight` batches are
// unacknowledged: while the main side is behind, events wait here instead of piling up in the
// message port. What waits stays bounded: events that only state the latest value (the packet
// list's counts, progress) replace their older copy, errors beyond a cap are counted and said in
// one line, and the pacer takes no new result increment while one waits (`congested`), so
// increments accumulate in the result differ, which merges them, rather than here.

import type { WorkerEvent, WorkerEventChannel } from './worker-protocol';

export interface OutboxBatch {
  batch: number;
  events: WorkerEvent[];
}

export interface OutboxLimits {
  maxInFlight: number;
  maxQueuedErrors: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { maxInFlight: 2, maxQueuedErrors: 100 };

const LATEST_ONLY: ReadonlySet<WorkerEventChannel> = new Set(['frames:count', 'analysis:progress']);

export class EventOutbox {
  private inFlight = 0;
  private lastBatch = 0;
  private queue: WorkerEvent[] = [];
  private queuedErrors = 0;
  private droppedErrors = 0;
  private flushScheduled = false;
  private readonly limits: OutboxLimits;

  constructor(private readonly post: (batch: OutboxBatch) => void, limits: Partial<OutboxLimits> = {}) {
    this.limits = { ...DEFAULT_OUTBOX_LIMITS, ...limits };
  }

  /** Queues an event; events of one turn of the event loop go out together. */
  send(event: WorkerEvent): void {
    if (LATEST_ONLY.has(event.channel)) this.queue = this.queue.filter((e) => e.channel !== event.channel);
    if (event.channel === 'analysis:error') {
      if (this.queuedErrors >= this.limits.maxQueuedErrors) {
        this.droppedErrors++;
        return;
      }
      this.queuedErrors++;
    }
    this.queue.push(event);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** The main side is behind, or a result increment already waits: take no new one. */
  get congested(): boolean {
    return this.inFlight >= this.limits.maxInFlight || this.queue.some((e) => e.channel === 'analysis:result');
  }

  /** Batches posted and not yet acknowledged. */
  get unacknowledged(): number {
    return this.inFlight;
  }

  /** Events waiting for credit. */
  get waiting(): number {
    return this.queue.length;
  }

  /** The main side has processed a batch. */
  ack(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.flush();
  }

  private flush(): void {
    if (this.queue.length === 0 || this.inFlight >= this.limits.maxInFlight) return;
    if (this.droppedErrors > 0) {
      this.queue.push({ channel: 'analysis:error', payload: { message: `${this.droppedErrors} more errors not shown` } });
      this.droppedErrors = 0;
    }
    const events = this.queue;
    this.queue = [];
    this.queuedErrors = 0;
    this.inFlight++;
    this.post({ batch: ++this.lastBatch, events });
  }
}
