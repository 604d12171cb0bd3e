// Starts and talks to one capture process (capture-process.ts). Requests are matched to replies
// by id; events and the process's exit go to listeners. The process is the dedicated capture
// helper when it is installed, else an Electron utility process or the script under plain Node
// (capture-launch.ts): capture never runs inside the app's own process.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseCaptureLaunch, helperPathFor, isExecutableFile, type CaptureLaunch } from './capture-launch';
import type { CaptureEvent, CaptureMessage, CaptureReply, CaptureRequest } from './capture-protocol';

export interface CaptureChildOptions {
  /** The capture-process script; default: capture-process.js beside this bundle, else the .ts source via tsx. */
  script?: string;
  /** Extra Node options (e.g. ['--import', 'tsx'] for the TypeScript source). */
  execArgv?: string[];
  /** A command to run the process under, e.g. ['ip', 'netns', 'exec', 'ns1'] (used by tests). */
  launcher?: string[];
  /**
   * The capture helper (msnp-capture) to use when it is installed; false: never use one. Default:
   * dist/capture-helper/msnp-capture when running from the bundle, none when running the source.
   */
  helper?: string | false;
  /** Starts the script as an Electron utility process (given by the Electron shell). */
  forkUtility?: (script: string) => CaptureProcessHandle;
  /** Run as this user/group (POSIX; used by tests to check the no-privilege message). */
  uid?: number;
  gid?: number;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the process wrote to stderr (a native assertion says why it aborted). */
  stderrTail: string;
}

/** What this class uses of a child process; an Electron utility process is adapted to it. */
export interface CaptureProcessHandle {
  readonly pid: number | undefined;
  readonly connected: boolean;
  readonly stderr: NodeJS.ReadableStream | null;
  send(message: CaptureRequest, callback: (error: Error | null) => void): boolean;
  disconnect(): void;
  kill(signal?: NodeJS.Signals): boolean;
  on(event: 'message', listener: (message: CaptureMessage) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
}

/** The capture helper: where it is (or would be, once built), whether it is there, whether it is used. */
export interface HelperLocation {
  path: string;
  installed: boolean;
  used: boolean;
}

type Pending = { resolve(reply: CaptureReply): void };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const STDERR_TAIL = 2000;
const STDERR_DRAIN_MS = 200;

/** Where the capture process script is, and how to run it. */
export function resolveCaptureScript(opts: CaptureChildOptions): { script: string; execArgv: string[] } {
  if (opts.script) return { script: opts.script, execArgv: opts.execArgv ?? [] };
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'capture-process.js');
  if (existsSync(bundled)) return { script: bundled, execArgv: opts.execArgv ?? [] };
  return { script: join(here, 'capture-process.ts'), execArgv: opts.execArgv ?? ['--import', 'tsx'] };
}

/**
 * The capture helper for these options: the one asked for, else where the build puts it (beside
 * this bundle, or the repository's dist/ when running the source); null when told not to use one.
 */
export function resolveHelper(opts: CaptureChildOptions): HelperLocation | null {
  if (opts.helper === false) return null;
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = existsSync(join(here, 'capture-process.js'));
  const path = opts.helper ?? helperPathFor(bundled ? here : join(findPackageRoot(here), 'dist', 'main'));
  // By default the helper is used only by the bundled app with its own capture-process script:
  // tests running the source (or giving a script) get what they ask for, built or not.
  const wanted = opts.helper !== undefined || (bundled && !opts.script);
  return { path, installed: isExecutableFile(path), used: wanted && isExecutableFile(path) };
}

/** The launch for these options in this process. */
export function captureLaunchFor(opts: CaptureChildOptions, helper = resolveHelper(opts)): CaptureLaunch {
  const { script, execArgv } = resolveCaptureScript(opts);
  return chooseCaptureLaunch({
    helper: helper?.used ? helper.path : null,
    electron: typeof process.versions.electron === 'string',
    execPath: process.execPath,
    script,
    execArgv,
    launcher: opts.launcher,
  });
}

function startProcess(launch: CaptureLaunch, opts: CaptureChildOptions): CaptureProcessHandle {
  if (launch.kind === 'utility') {
    if (!opts.forkUtility) throw new Error('capture needs the capture helper or an Electron utility process here');
    return opts.forkUtility(launch.script);
  }
  const script = launch.args.at(-1) ?? '';
  return spawn(launch.command, launch.args, {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
    // tsx resolves from the working directory; a bundled script or the helper needs nothing.
    cwd: launch.kind === 'node' && launch.args.includes('tsx') ? findPackageRoot(script) : undefined,
    uid: opts.uid,
    gid: opts.gid,
    windowsHide: true,
  }) as unknown as CaptureProcessHandle;
}

export class CaptureChild {
  private readonly proc: CaptureProcessHandle;
  /** How the process was started. */
  readonly launch: CaptureLaunch;
  /** The capture helper (used or not): what to grant capture privileges to. */
  readonly helper: HelperLocation | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderrTail = '';
  private exitInfo: ChildExit | null = null;
  private readonly exitWaiters: ((exit: ChildExit) => void)[] = [];
  onEvent: (event: CaptureEvent) => void = () => {};

  constructor(opts: CaptureChildOptions = {}) {
    this.helper = resolveHelper(opts);
    this.launch = captureLaunchFor(opts, this.helper);
    this.proc = startProcess(this.launch, opts);
    this.proc.stderr!.setEncoding('utf8');
    this.proc.stderr!.on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL);
    });
    this.proc.on('message', (msg: CaptureMessage) => this.dispatch(msg));
    // 'error' (spawn failure) is followed by 'close' only sometimes; settle on either.
    this.proc.on('error', (err) => this.exited({ code: null, signal: null, stderrTail: err.message }));
    // Not 'close': a grandchild (tsx's esbuild service) can hold stderr open after the exit.
    // Give stderr a moment to deliver the last words (a native assertion) first.
    let stderrEnded = false;
    const stderrEnd = new Promise<void>((resolve) => this.proc.stderr!.once('close', () => { stderrEnded = true; resolve(); }));
    this.proc.on('exit', (code, signal) => {
      const settle = () => this.exited({ code, signal, stderrTail: this.stderrTail.trim() });
      if (stderrEnded) return settle();
      const timer = setTimeout(settle, STDERR_DRAIN_MS);
      void stderrEnd.then(() => { clearTimeout(timer); settle(); });
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get exit(): ChildExit | null {
    return this.exitInfo;
  }

  /** Sends a request; resolves with the reply, or an error reply if the process dies first. */
  request(req: DistributiveOmit<CaptureRequest, 'id'>): Promise<CaptureReply> {
    const id = this.nextId++;
    if (this.exitInfo || !this.proc.connected) {
      return Promise.resolve({ id, ok: false, error: describeExit(this.exitInfo) });
    }
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      this.proc.send({ ...req, id } as CaptureRequest, (err) => {
        if (err) this.settle({ id, ok: false, error: `capture process unreachable: ${err.message}` });
      });
    });
  }

  /** Resolves once the process has exited. */
  waitExit(): Promise<ChildExit> {
    if (this.exitInfo) return Promise.resolve(this.exitInfo);
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  /** Asks the process to exit (it does when its IPC channel closes); kills it after `graceMs`. */
  async shutdown(graceMs = 2000): Promise<ChildExit> {
    if (this.proc.connected) this.proc.disconnect();
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    const exit = await this.waitExit();
    clearTimeout(timer);
    return exit;
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.exitInfo) this.proc.kill(signal);
  }

  private dispatch(msg: CaptureMessage): void {
    if ('id' in msg) this.settle(msg);
    else this.onEvent(msg);
  }

  private settle(reply: CaptureReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    p.resolve(reply);
  }

  private exited(exit: ChildExit): void {
    if (this.exitInfo) return;
    this.exitInfo = exit;
    for (const id of [...this.pending.keys()]) this.settle({ id, ok: false, error: describeExit(exit) });
    for (const w of this.exitWaiters.splice(0)) w(exit);
  }
}

/** "capture process crashed: SIGABRT (…assertion…)" or "…exited with code 1 (…)". */
export function describeExit(exit: ChildExit | null): string {
  if (!exit) return 'capture process is not running';
  const lastLine = exit.stderrTail.split('\n').filter((l) => l.trim() && !l.startsWith('Warning:')).pop();
  const detail = lastLine ? ` (${lastLine.trim()})` : '';
  if (exit.signal) return `capture process crashed: ${exit.signal}${detail}`;
  return `capture process exited with code ${exit.code}${detail}`;
}

/** The directory holding node_modules for the script, so `cap` and tsx resolve from it. */
function findPackageRoot(script: string): string {
  let dir = dirname(script);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return dirname(script);
    dir = up;
  }
}
