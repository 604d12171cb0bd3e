// One live capture as the back end sees it: the sink handed to the LiveCaptureController, which
// batches frames (every ~20 ms or 2000 frames) towards the analysis worker, remembers the latest
// libpcap statistics for the progress bar, and reports errors and the end of the capture.

import type { CaptureSink } from '../capture/live-capture';
import type { CapturedFrame } from '../engine/capture/captured-frame';

export interface LiveStats {
  captured: number;
  dropped: number | null;
  elapsedSeconds: number;
}

const FLUSH_MS = 20;
const MAX_BATCH = 2000;

export class LiveRun {
  stats: LiveStats | null = null;
  private pending: CapturedFrame[] = [];
  private send: ((frames: CapturedFrame[]) => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;
  readonly sink: CaptureSink;

  constructor(readonly label: string, events: { error(message: string): void; stopped(): void }) {
    this.sink = {
      frame: (f) => this.push(f),
      stats: (s) => {
        this.stats = s;
      },
      error: (message) => events.error(message),
      stopped: () => {
        if (this.ended) return;
        this.flush();
        this.ended = true;
        events.stopped();
      },
    };
  }

  get running(): boolean {
    return !this.ended;
  }

  /** Frames received so far (and from now on) go to `send`. */
  attach(send: (frames: CapturedFrame[]) => void): void {
    this.send = send;
    this.flush();
  }

  /** The capture ended without the controller saying so: stop forwarding. */
  end(): void {
    this.flush();
    this.ended = true;
  }

  private push(frame: CapturedFrame): void {
    if (this.ended) return;
    this.pending.push(frame);
    if (this.pending.length >= MAX_BATCH) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.send || this.pending.length === 0) return;
    const frames = this.pending;
    this.pending = [];
    this.send(frames);
  }
}
