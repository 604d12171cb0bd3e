// Runs cases in a child process (case-child.ts, bundled once with esbuild so it starts as plain
// Node) with a time limit and a memory cap: the V8 heap is limited with --max-old-space-size, and
// the child's resident memory (buffers live outside the heap) is polled and capped at twice that.
// One child serves case after case (starting Node per case would cost more than most cases); it
// is replaced after a hang, an OOM or a death, and `fresh` runs a case in a new child to confirm
// that a failure does not come from an earlier case.

import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { CaseOutcome } from './case-outcome';
import type { CaseReply, CaseRequest } from './case-child';

export interface RunnerOptions {
  timeoutMs: number;
  memoryMb: number;
  /** The child's source (default case-child.ts; tests of the classification give a fake one). */
  childSource?: string;
}

const CHILD_SOURCE = fileURLToPath(new URL('./case-child.ts', import.meta.url));
const OOM_TEXT = /heap out of memory|Allocation failed|Reached heap limit|ERR_MEMORY|Array buffer allocation failed/i;
const RSS_POLL_MS = 25;
const PAGE = 4096;

export class CaseRunner {
  private readonly dir = mkdtempSync(join(tmpdir(), 'msnp-fuzz-'));
  private readonly bundle = join(this.dir, 'case-child.mjs');
  private readonly input = join(this.dir, 'case.pcap');
  private child: { process: ChildProcess; ready: Promise<void> } | null = null;
  private stderr = '';
  private nextId = 1;
  private built: Promise<unknown> | null = null;

  constructor(readonly options: RunnerOptions) {}

  /** Runs the engine over `bytes` in the child; never rejects for anything the case does. */
  async run(bytes: Uint8Array, opts: { fresh?: boolean } = {}): Promise<CaseOutcome> {
    this.built ??= build({ entryPoints: [this.options.childSource ?? CHILD_SOURCE], outfile: this.bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
    await this.built;
    if (opts.fresh) this.stopChild();
    writeFileSync(this.input, bytes);
    this.child ??= this.startChild();
    // The time limit counts from the case, not from Node's start-up (slow on a loaded machine).
    await this.child.ready;
    const child = this.child.process;
    if (child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return { kind: 'crash', detail: `child died before its first case: ${this.stderr.slice(-2000).trim()}`, ms: 0 };
    }
    this.stderr = '';
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<CaseOutcome>((resolve) => {
      const finish = (outcome: Omit<CaseOutcome, 'ms'>, stop: boolean) => {
        clearTimeout(timer);
        clearInterval(poll);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (stop) this.stopChild();
        resolve({ ...outcome, ms: Math.round(performance.now() - started) });
      };
      const onMessage = (message: CaseReply) => {
        if (message.id !== id) return;
        const { kind, detail, summary } = message;
        finish(summary ? { kind, detail, summary } : { kind, detail }, false);
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        const tail = this.stderr.slice(-2000);
        finish(OOM_TEXT.test(tail) ? { kind: 'oom', detail: `heap limit of ${this.options.memoryMb} MB reached: ${tail.trim()}` } : { kind: 'crash', detail: `child died (code ${code}, signal ${signal}): ${tail.trim()}` }, false);
      };
      const timer = setTimeout(() => finish({ kind: 'hang', detail: `no result within ${this.options.timeoutMs} ms` }, true), this.options.timeoutMs);
      const poll = setInterval(() => {
        const rssMb = residentMb(child.pid);
        if (rssMb > 2 * this.options.memoryMb) finish({ kind: 'oom', detail: `resident memory ${rssMb.toFixed(0)} MB over the cap of ${2 * this.options.memoryMb} MB` }, true);
      }, RSS_POLL_MS);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, path: this.input } satisfies CaseRequest);
    });
  }

  close(): void {
    this.stopChild();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private startChild(): { process: ChildProcess; ready: Promise<void> } {
    const child = fork(this.bundle, [], { execArgv: [`--max-old-space-size=${this.options.memoryMb}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-8000);
    });
    // A child says { ready: true } once it listens; one that dies first resolves too (its case then sees the exit).
    const ready = new Promise<void>((resolve) => {
      child.once('message', () => resolve());
      child.once('exit', () => resolve());
    });
    return { process: child, ready };
  }

  private stopChild(): void {
    const child = this.child?.process;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
    }
  }
}

/** Resident set of a process in MB (Linux /proc; 0 elsewhere or once it has gone). */
function residentMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE) / (1024 * 1024);
  } catch {
    return 0;
  }
}
