// Queues back-end events and applies them once per animation frame: a burst of a thousand
// `frames:appended` events costs one store update and one render, and when rendering falls
// behind the batches simply grow.

export type FrameScheduler = (callback: () => void) => void;

export const animationFrameScheduler: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
};

export class EventQueue<E> {
  private queue: E[] = [];
  private scheduled = false;

  constructor(
    private readonly applyBatch: (events: E[]) => void,
    private readonly schedule: FrameScheduler = animationFrameScheduler,
  ) {}

  push(event: E): void {
    this.queue.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Applies everything queued so far (also callable directly, e.g. in tests). */
  flush(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.applyBatch(batch);
  }

  get pending(): number {
    return this.queue.length;
  }
}
