// The back end's handle on one analysis worker: typed calls as `{seq, request}` with a map of
// pending replies (Signal Desktop's worker pool pattern), the worker's events handed to a
// listener (each batch of them acknowledged once handed over, so the worker can send more), and
// live frames packed into one transferable buffer per batch. If the worker dies,
// every pending call is rejected and the owner is told once.

import { Worker } from 'node:worker_threads';
import type { CapturedFrame } from '../engine/capture/captured-frame';
import type { FromWorker, ToWorker, WorkerCall, WorkerCalls, WorkerEvent, WorkerInit, WorkerRequest } from './worker-protocol';

/** What WorkerClient needs of a worker_threads Worker. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface WorkerLocation {
  url: URL;
  /** The entry is TypeScript: load it through tsx's API (a dev/test-only path). */
  typescript?: boolean;
}

/** Next to the bundle in dist/main/ (analysis-worker.js); from source (tsx, vitest), the .ts entry. */
export function defaultWorkerLocation(): WorkerLocation {
  if (import.meta.url.endsWith('.ts')) return { url: new URL('./analysis-worker.ts', import.meta.url), typescript: true };
  return { url: new URL('./analysis-worker.js', import.meta.url) };
}

/**
 * A larger young generation than V8's default: a batch of thousands of frames (and their decoded
 * packets) is alive while it is analysed, so with the default most scavenges copied and promoted
 * it, and the old generation's collections that followed took a quarter of the worker's time.
 * For a 3M-frame load in process (3 alternating runs each): 16 MB, CPU 3.0–3.3 s and peak RSS
 * 347–369 MB; 32 MB, 2.5–2.6 s and 335–338 MB; 64 MB, 2.4–2.7 s and 364–370 MB.
 */
const WORKER_LIMITS = { resourceLimits: { maxYoungGenerationSizeMb: 32 } };

export function spawnAnalysisWorker(location: WorkerLocation = defaultWorkerLocation()): WorkerLike {
  if (!location.typescript) return new Worker(location.url, WORKER_LIMITS);
  // `execArgv: ['--import', 'tsx']` does not reach a worker's entry module in Node 20; registering
  // tsx from a small bootstrap before importing the entry does.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(location.url.href)}); })`;
  return new Worker(bootstrap, { eval: true, ...WORKER_LIMITS });
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class WorkerClient {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private deadReason: string | null = null;

  constructor(
    private readonly worker: WorkerLike,
    onEvent: (event: WorkerEvent) => void,
    private readonly onDeath: (reason: string) => void,
    init?: WorkerInit,
  ) {
    if (init) worker.postMessage({ init });
    worker.on('message', (message) => {
      if ('batch' in message) {
        try {
          for (const event of message.events) onEvent(event);
        } finally {
          if (this.deadReason === null) worker.postMessage({ ack: message.batch });
        }
        return;
      }
      const pending = this.pending.get(message.seq);
      if (!pending) return;
      this.pending.delete(message.seq);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(message.error));
    });
    worker.on('error', (error) => this.die(`analysis worker failed: ${error.message}`));
    worker.on('exit', (code) => this.die(`analysis worker exited (code ${code})`));
  }

  get alive(): boolean {
    return this.deadReason === null;
  }

  call<K extends WorkerCall>(type: K, arg: WorkerCalls[K][0]): Promise<WorkerCalls[K][1]> {
    if (this.deadReason !== null) return Promise.reject(new Error(this.deadReason));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ seq, request: { type, arg } as WorkerRequest });
    });
  }

  /** Live frames: their bytes are copied into one buffer that is transferred, not cloned per frame. */
  sendLive(frames: CapturedFrame[]): void {
    if (this.deadReason !== null || frames.length === 0) return;
    let total = 0;
    for (const f of frames) total += f.data.length;
    const packed = new Uint8Array(total);
    let pos = 0;
    const out = frames.map((f) => {
      packed.set(f.data, pos);
      const data = packed.subarray(pos, pos + f.data.length);
      pos += f.data.length;
      return { ...f, data };
    });
    this.worker.postMessage({ live: out }, [packed.buffer]);
  }

  /** Asks the worker to clean up (bounded wait), then terminates it. */
  async dispose(timeoutMs = 2000): Promise<void> {
    if (this.deadReason === null) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([this.call('dispose', undefined).catch(() => undefined), timeout]);
      clearTimeout(timer);
    }
    this.die('analysis worker stopped');
    await this.worker.terminate();
  }

  /** Kills a worker that stopped responding: no clean-up call (it would never be answered). */
  async terminate(reason: string): Promise<void> {
    this.die(reason);
    await this.worker.terminate();
  }

  private die(reason: string): void {
    if (this.deadReason !== null) return;
    this.deadReason = reason;
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
    this.onDeath(reason);
  }
}
