// The app's side of live capture: lists interfaces, checks filters and runs captures in a
// separate capture process (capture-process.ts) so a native failure cannot take the app down;
// numbers and spools the frames (capture-spool.ts) and hands them to the back end's sink.
// Nothing here throws at the caller unexpectedly: start() rejects with a readable message when
// a capture cannot start (nothing was started then); once running, failures arrive as
// sink.error(message) followed by sink.stopped().

import { tmpdir } from 'node:os';
import type { CaptureStartRequest, InterfaceInfo } from '../../shared/ipc-contract';
import type { CapturedFrame } from '../engine/capture/captured-frame';
import { CaptureParser } from '../engine/capture/capture-parser';
import { CaptureChild, describeExit, type CaptureChildOptions, type ChildExit } from './capture-child';
import { explainOpenError } from './capture-errors';
import { defaultBufferSize, type CaptureEvent, type CaptureStats } from './capture-protocol';
import { CaptureSpool } from './capture-spool';
import { sweepStaleSpools } from './spool-directory';
import { describeInterfaces } from './interface-list';
import { readPacketBatch } from './packet-batch';

const STOP_REPLY_MS = 3000;

export interface CaptureSink {
  frame(f: CapturedFrame): void;
  stats(s: { captured: number; dropped: number | null; elapsedSeconds: number }): void;
  error(message: string): void;
  stopped(): void;
}

/** What the back end asks the capture side to start: the renderer's request, with the ring's directory the back end chose. */
export interface LiveCaptureRequest extends Omit<CaptureStartRequest, 'ring'> {
  ring?: { directory: string; fileSizeMb: number; files: number } | null;
}

export interface LiveCaptureController {
  listInterfaces(): Promise<InterfaceInfo[]>;
  /** The libpcap error text, or null when the filter compiles for that device. */
  checkFilter(device: string, filter: string): Promise<string | null>;
  start(req: LiveCaptureRequest, sink: CaptureSink): Promise<void>;
  stop(): Promise<void>;
  /** Writes the spooled frames (all, or those isMsnpFrame accepts) as pcapng; returns frames written. */
  save(path: string, msnpOnly: boolean, isMsnpFrame: (n: number) => boolean): Promise<number>;
  /** Stops any capture and deletes what is only temporary (the spool). */
  dispose?(): Promise<void>;
}

export interface LiveCaptureOptions extends CaptureChildOptions {
  /** libpcap kernel buffer (default 32 MiB, 128 MiB on loopback: see capture-protocol.ts). */
  bufferSize?: number;
  /** Where the temporary spool's private directory goes when no ring is asked for (default: OS temp dir). */
  tempDirectory?: string;
}

interface Session {
  child: CaptureChild;
  sink: CaptureSink;
  spool: CaptureSpool;
  linkType: number;
  device: string;
  stopping: Promise<void> | null;
  finished: boolean;
}

export class LiveCapture implements LiveCaptureController {
  private session: Session | null = null;
  /** The spool of the last capture, kept after it stops so it can still be saved. */
  private spool: CaptureSpool | null = null;
  private starting = false;
  /**
   * The list being asked for: a window asks for it twice as it starts, and starting the capture
   * process blocks the main thread while it forks (about 125 ms each here), delaying the first
   * rows of a capture opened at the same time. Concurrent askers share one child.
   */
  private listing: Promise<InterfaceInfo[]> | null = null;

  constructor(private readonly opts: LiveCaptureOptions = {}) {
    sweepOnce(opts.tempDirectory ?? tmpdir());
  }

  /** True between a successful start() and the sink's stopped(). */
  get running(): boolean {
    return !!this.session && !this.session.finished;
  }

  /** Process id of the running capture process (tests use it to crash it on purpose). */
  get capturePid(): number | undefined {
    return this.session?.finished === false ? this.session.child.pid : undefined;
  }

  /** Files of the current or last capture's spool still on disk, oldest first. */
  get spoolPaths(): string[] {
    return this.spool ? this.spool.spoolFiles.filter((f) => !f.removed).map((f) => f.path) : [];
  }

  listInterfaces(): Promise<InterfaceInfo[]> {
    this.listing ??= this.askInterfaces().finally(() => (this.listing = null));
    return this.listing;
  }

  private async askInterfaces(): Promise<InterfaceInfo[]> {
    const reply = await this.oneShot({ op: 'list' });
    if (!reply.ok) throw new Error(`cannot list capture interfaces: ${reply.error}`);
    if (!('devices' in reply)) throw new Error('cannot list capture interfaces: no device list in the reply');
    return describeInterfaces(reply.devices);
  }

  async checkFilter(device: string, filter: string): Promise<string | null> {
    const reply = await this.oneShot({ op: 'check', device, filter });
    return reply.ok ? null : reply.error;
  }

  async start(req: LiveCaptureRequest, sink: CaptureSink): Promise<void> {
    if (this.running || this.starting) throw new Error('a capture is already running');
    this.starting = true;
    try {
      await this.startSession(req, sink);
    } finally {
      this.starting = false;
    }
  }

  async stop(): Promise<void> {
    const s = this.session;
    if (!s || s.finished) return;
    s.stopping ??= (async () => {
      // A wedged process gets a few seconds to answer, then shutdown() kills it.
      await Promise.race([s.child.request({ op: 'stop' }), new Promise((r) => setTimeout(r, STOP_REPLY_MS))]);
      await s.child.shutdown();
      this.finish(s, null);
    })();
    await s.stopping;
  }

  async save(path: string, msnpOnly: boolean, isMsnpFrame: (n: number) => boolean): Promise<number> {
    if (!this.spool) throw new Error('nothing was captured yet');
    return this.spool.saveTo(path, msnpOnly ? isMsnpFrame : () => true);
  }

  /** Re-reads frame `n` of the current or last capture from its spool (null if rotated away). */
  async readFrame(n: number): Promise<CapturedFrame | null> {
    const spool = this.spool;
    if (!spool) return null;
    const record = await spool.readRecord(n);
    if (!record) return null;
    const parser = new CaptureParser(0);
    parser.push(spool.header);
    const [frame] = parser.push(record);
    if (!frame) return null;
    return { ...frame, number: n, fileOffset: spool.offsetOf(n) };
  }

  /** Stops any capture and deletes the temporary spool (ring files stay where the user put them). */
  async dispose(): Promise<void> {
    await this.stop();
    this.dropSpool();
  }

  private async startSession(req: LiveCaptureRequest, sink: CaptureSink): Promise<void> {
    const ring = req.ring;
    if (ring && !(ring.fileSizeMb > 0 && Number.isInteger(ring.files) && ring.files >= 1 && ring.directory)) {
      throw new Error('ring buffer needs a directory, a file size above 0 MB and at least 1 file');
    }
    const child = new CaptureChild(this.opts);
    const reply = await child.request({ op: 'start', device: req.device, filter: req.filter, bufferSize: this.opts.bufferSize ?? defaultBufferSize(req.device) });
    if (!reply.ok || !('linkType' in reply)) {
      await child.shutdown();
      const error = reply.ok ? 'capture process gave no link type' : reply.error;
      throw new Error(explainOpenError(error, req.device, process.platform, child.helper));
    }
    let spool: CaptureSpool;
    try {
      spool = new CaptureSpool({ linkType: reply.linkType, device: req.device, ring: req.ring, tempDirectory: this.opts.tempDirectory });
    } catch (err) {
      await child.shutdown();
      throw new Error(`cannot create the capture file: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    this.dropSpool();
    this.spool = spool;
    const s: Session = { child, sink, spool, linkType: reply.linkType, device: req.device, stopping: null, finished: false };
    this.session = s;
    child.onEvent = (event) => this.onEvent(s, event);
    void child.waitExit().then(async (exit) => {
      if (s.stopping || s.finished) return;
      const message = await this.crashMessage(s, exit);
      if (!s.stopping) this.finish(s, message);
    });
  }

  private onEvent(s: Session, event: CaptureEvent): void {
    if (s.finished) return;
    switch (event.event) {
      case 'packets': return this.deliver(s, event.batch);
      case 'stats': return this.reportStats(s, event.stats);
      case 'error':
        // The process has stopped capturing; end the session the usual way, with the reason.
        this.finish(s, event.message);
        void s.child.shutdown();
        return;
    }
  }

  private deliver(s: Session, batch: Uint8Array): void {
    const frames: CapturedFrame[] = [];
    try {
      for (const p of readPacketBatch(batch)) {
        const fileOffset = s.spool.append(p.tsUs, p.data, p.originalLength);
        frames.push({
          number: s.spool.frames, captureIndex: 0, fileOffset, tsUs: p.tsUs, linkType: s.linkType,
          originalLength: p.originalLength, data: p.data,
        });
      }
      // On disk before anyone can ask to re-read them.
      s.spool.flush();
    } catch (err) {
      // Disk full, directory removed…: frames that cannot be kept end the capture.
      this.finish(s, `cannot write the capture file: ${err instanceof Error ? err.message : String(err)}`);
      void s.child.shutdown();
      return;
    }
    for (const f of frames) guard(() => s.sink.frame(f));
  }

  private reportStats(s: Session, stats: CaptureStats): void {
    guard(() => s.sink.stats({ captured: stats.captured, dropped: stats.dropped, elapsedSeconds: stats.elapsedSeconds }));
  }

  /** The binding aborts when its interface vanishes: say so when that is what happened. */
  private async crashMessage(s: Session, exit: ChildExit): Promise<string> {
    const base = describeExit(exit);
    const reply = await this.oneShot({ op: 'list' }).catch(() => null);
    const gone = reply?.ok && 'devices' in reply && !reply.devices.some((d) => d.name === s.device);
    return gone ? `interface ${s.device} disappeared during the capture (${base})` : `${base} while capturing on ${s.device}`;
  }

  private finish(s: Session, error: string | null): void {
    if (s.finished) return;
    s.finished = true;
    try {
      s.spool.close();
    } catch (err) {
      error ??= `capture file: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (error) guard(() => s.sink.error(error));
    guard(() => s.sink.stopped());
  }

  private dropSpool(): void {
    const spool = this.spool;
    this.spool = null;
    if (!spool) return;
    // Ring files are the user's; only the temporary spool is ours to delete.
    if (spool.isTemporary) spool.remove();
    else spool.close();
  }

  private async oneShot(req: { op: 'list' } | { op: 'check'; device: string; filter: string }) {
    // A fresh process per query: a failed libpcap open poisons the process that made it.
    const child = new CaptureChild(this.opts);
    try {
      return await child.request(req);
    } finally {
      await child.shutdown();
    }
  }
}

const swept = new Set<string>();

/** Spools left by processes that died without cleaning up go at the first capture controller of a run. */
function sweepOnce(parent: string): void {
  if (swept.has(parent)) return;
  swept.add(parent);
  sweepStaleSpools(parent);
}

/** A sink that throws must not break the capture. */
function guard(fn: () => void): void {
  try {
    fn();
  } catch {
    // the sink's own problem; the capture goes on
  }
}
