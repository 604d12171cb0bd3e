// The analysis back end: implements every request channel of the IPC contract and emits every
// analysis event, independent of the transport (Electron's ipc-main, the browser-mode WebSocket
// server, tests). Each capture, file or live, gets a fresh analysis worker; closing or replacing
// it terminates that worker, which frees everything it held. No request names a path to write:
// saves and exports go where AskWhere says (Electron's dialogs) or else to the output directory;
// the back end remembers which files it wrote there, so the browser mode can hand exactly those
// (and nothing else) to the user as downloads.
// A watchdog reads each worker's progress board: a worker stuck for `stallMs` is reported (with
// the frame it is stuck in) and offered to stop; when the user stops it, or after `stopMs`, it is
// terminated and a fresh worker re-reads the frames analysed before the stuck one, so the packet
// list, details and results of the capture stay.

import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve, sep } from 'node:path';
import { compileFilter } from '../../shared/display-filter/compile-filter';
import { emptyFlowPage } from '../../shared/flow-graph';
import type { EventChannel, EventChannels, FlowExportRequest, FrameSelection, LoadProgress, RequestArg, RequestChannel, RequestResult, SaveRequest } from '../../shared/ipc-contract';
import type { FramePage, SortSpec, ViewResponse } from '../../shared/packet-page';
import type { IoGraphResponse } from '../../shared/io-graph';
import type { TimelineResponse } from '../../shared/timeline';
import { stoppedText } from '../../shared/watchdog-text';
import type { LiveCaptureController, LiveCaptureRequest } from '../capture/live-capture';
import { DISSECTION_EXTENSIONS, TRANSCRIPT_EXTENSIONS, type DissectionExportRequest, type TranscriptFormat } from '../../shared/export-requests';
import { CANCELLED, type AskWhere } from './ask-where';
import { captureFormat } from './capture-sniff';
import { CaptureWorker, type ReplayOf, type StoppedAt } from './capture-worker';
import { defaultConfigDir } from './config-dir';
import { WindowPreferencesFile } from './window-preferences-file';
import { LiveRun } from './live-run';
import { defaultOutputDir, outputPath } from './output-path';
import { RecentFiles } from './recent-files';
import { validateRequest } from './request-validation';
import { defaultSamplePath } from './sample-capture';
import { SpareWorker } from './spare-worker';
import { spawnAnalysisWorker, type WorkerLike } from './worker-client';
import type { SessionOptions, WorkerEvent } from './worker-protocol';
import { DEFAULT_WATCHDOG_LIMITS, type Stall, type WatchdogLimits } from './worker-watchdog';

export interface BackendOptions {
  /** Recent files live here (Electron: userData). */
  configDir?: string;
  samplePath?: string;
  /** Absent: the capture channels answer "live capture not available". */
  liveCapture?: LiveCaptureController;
  analysis?: SessionOptions;
  /** Where exports and saves go when there is no `askWhere` (default ~/Downloads or ~). */
  outputDir?: string;
  /** Asks the user where to write (Electron's dialogs); absent, the output and ring directories are used. */
  askWhere?: AskWhere;
  /** Directory for rings of capture files when there is no `askWhere` (browser mode: `serve --ring-dir`); absent, rings are refused. */
  ringDirectory?: string;
  /** Files opened from under these directories (browser uploads) are not remembered as recent. */
  transientDirs?: string[];
  spawnWorker?: () => WorkerLike;
  /** Keep one analysis worker started ahead (spare-worker.ts): the app and the browser mode do. */
  prestartWorker?: boolean;
  /** When a worker that makes no progress is reported, and stopped without asking. */
  watchdog?: Partial<WatchdogLimits>;
  /** Parent of each worker's temporary directory (default the system's). */
  tempDir?: string;
}

export type BackendListener = <E extends EventChannel>(channel: E, payload: EventChannels[E]) => void;

type Handlers = { [C in RequestChannel]: (arg: RequestArg<C>) => Promise<RequestResult<C>> };

export const LIVE_UNAVAILABLE = 'live capture not available';
export const NO_RING_DIRECTORY = 'a ring of capture files needs a directory given when the server starts (serve --ring-dir DIR)';

/** The packet list with no capture open. */
const EMPTY_PAGE = (): FramePage => ({
  frames: 0, displayed: 0, version: 0, firstTimeUs: null, start: 0,
  number: [], timeUs: [], source: [], destination: [], protocol: [], length: [], info: [], kind: [], stream: [], connection: [],
});

const NOTHING_TO_EXPORT = 'nothing to export: no capture is open';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Why `path` cannot be opened as a capture, naming only its base name; null when it starts like one. */
function notACapture(path: string): string | null {
  try {
    return captureFormat(path).format ? null : `cannot open ${basename(path)}: not a pcap or pcapng capture`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return `cannot open ${basename(path)}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'unreadable'}`;
  }
}

export class AnalyzerBackend {
  private readonly listeners = new Set<BackendListener>();
  private readonly recent: RecentFiles;
  private current: CaptureWorker | null = null;
  /** The display filter and sort last applied (a new capture's worker starts with them). */
  private displayView: { filter: string; sort: SortSpec | null } = { filter: '', sort: null };
  private live: LiveRun | null = null;
  private readonly handlers: Handlers;
  private readonly windowPreferences: WindowPreferencesFile;
  /** Where saves and exports without a path go. */
  readonly outputDir: string;
  /** Files written into outputDir: base name → full path. */
  private readonly outputs = new Map<string, string>();
  /** Names handed out for outputs, finished or not, so concurrent saves never share one. */
  private readonly outputNames = new Set<string>();
  private readonly watchdogLimits: WatchdogLimits;
  private readonly spare: SpareWorker | null;

  constructor(private readonly opts: BackendOptions = {}) {
    this.spare = opts.prestartWorker ? new SpareWorker(opts.spawnWorker ?? spawnAnalysisWorker) : null;
    this.spare?.warm();
    this.recent = new RecentFiles(opts.configDir ?? defaultConfigDir());
    this.windowPreferences = new WindowPreferencesFile(opts.configDir ?? defaultConfigDir());
    this.outputDir = resolve(opts.outputDir ?? defaultOutputDir());
    this.watchdogLimits = { ...DEFAULT_WATCHDOG_LIMITS, ...opts.watchdog };
    this.handlers = {
      'file:open': (a) => this.open(a.paths),
      'file:close': () => this.close(),
      'file:recent': () => this.recent.list(),
      'file:sample': async () => opts.samplePath ?? defaultSamplePath(),
      'analysis:cancel': () => this.cancel(),
      // Not asked again of a replay: describing the frame may be what got the worker stuck.
      'frames:detail': (a) => this.withWorker((w) => w.client.call('detail', a), () => null, false).catch(() => null),
      'frames:rows': (a) => this.withWorker((w) => w.client.call('rows', a), EMPTY_PAGE),
      'frames:view': (a) => this.view(a.filter, a.sort),
      'frames:neighbour': (a) => this.withWorker((w) => w.client.call('neighbour', a), () => null).catch(() => null),
      // Not asked again of a replay: a search describing frames may be what got the worker stuck.
      'frames:find': (a) => this.withWorker((w) => w.client.call('find', a), () => ({ found: false as const, searched: 0, stopped: 'no' as const }), false)
        .catch((e: unknown) => ({ error: message(e) })),
      'frames:find-cancel': async () => {
        await this.current?.client.call('find-cancel', undefined).catch(() => undefined);
      },
      'frames:mark': (a) => this.withWorker((w) => w.client.call('mark', a), () => ({ marked: 0 })),
      'frames:time-reference': (a) => this.withWorker((w) => w.client.call('time-reference', a), () => ({ references: 0 })),
      'stats:get': (a) => this.withWorker((w) => w.client.call('stats', a), () => ({ kind: a.kind, tables: [] })),
      'stats:io-graph': (a) => this.withWorker((w) => w.client.call('io-graph', a), (): IoGraphResponse => ({ intervalUs: a.intervalUs ?? 1e6, startUs: null, buckets: 0, lines: [] })),
      'stats:timeline': (a) => this.withWorker((w) => w.client.call('timeline', a), (): TimelineResponse => ({ grouping: a.grouping, startUs: null, durationUs: 0, rows: [], bars: [], ticks: [], transfers: [], strips: [] })),
      'frames:position': (a) => this.withWorker((w) => w.client.call('position', a), () => -1).catch(() => -1),
      // As detail: re-reading a stream is not worth asking of a replay.
      'stream:follow': (a) => this.withWorker((w) => w.client.call('follow', a), () => null, false).catch(() => null),
      'flow:get': (a) => this.withWorker((w) => w.client.call('flow', a), () => emptyFlowPage(a.start)),
      'flow:svg': (a) => this.withWorker((w) => w.client.call('flow-svg', a), () => { throw new Error('no capture is open'); }, false),
      'flow:export': (a) => this.exportFlow(a),
      'capture:interfaces': async () => {
        const live = this.liveCapture();
        if (!live.ok) return live;
        return live.controller.listInterfaces().then((interfaces) => ({ ok: true as const, interfaces }), (e) => ({ ok: false as const, error: message(e) }));
      },
      'capture:check-filter': async (a) => {
        const live = this.liveCapture();
        if (!live.ok) return live;
        const error = await live.controller.checkFilter(a.device, a.filter).catch(message);
        return error === null ? { ok: true } : { ok: false, error };
      },
      'capture:start': (a) => this.startLive(a),
      'capture:stop': () => this.stopLive(),
      'capture:save': (a) => this.save(a),
      'file:export': (a) => this.exportAnalysis(a.format),
      'export:dissections': (a) => this.exportDissections(a),
      'export:objects': (a) => this.exportObjects(a.index),
      'objects:preview': (a) => this.withWorker((w) => w.client.call('object-preview', a), () => ({ kind: 'none' as const, reason: 'no capture is open' }), false),
      'export:transcript': (a) => this.exportTranscript(a.session, a.format),
      'prefs:load': () => this.windowPreferences.load(),
      'prefs:save': (a) => this.windowPreferences.save(a.preferences),
    };
  }

  /** Handles one request; arguments are validated first (they come from an untrusted renderer). */
  async request<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestResult<C>> {
    const invalid = validateRequest(channel, arg);
    if (invalid) throw new Error(`${channel}: ${invalid}`);
    return (this.handlers[channel] as (a: RequestArg<C>) => Promise<RequestResult<C>>)(arg);
  }

  onEvent(listener: BackendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventChannel>(channel: E, payload: EventChannels[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(channel, payload);
      } catch {
        // one broken transport must not starve the others
      }
    }
  }

  /** The path of the file this back end wrote into its output directory under `name`, else null. */
  outputFile(name: string): string | null {
    return this.outputs.get(name) ?? null;
  }

  /** The files of the current file-based capture (for reopening after a browser reload). */
  currentFiles(): string[] | null {
    const worker = this.current;
    // A stopped live capture's replay reads a temporary file that goes with its worker.
    if (worker?.source !== 'file' || worker.paths.some((p) => p.startsWith(worker.tempDir + sep))) return null;
    return [...worker.paths];
  }

  async dispose(): Promise<void> {
    await this.stopLive();
    await this.replaceWorker(null);
    await this.spare?.dispose();
    // The live spool holds captured traffic: it goes with the back end, not at some later exit.
    await this.opts.liveCapture?.dispose?.().catch(() => undefined);
  }

  private liveCapture(): { ok: true; controller: LiveCaptureController } | { ok: false; error: string } {
    return this.opts.liveCapture ? { ok: true, controller: this.opts.liveCapture } : { ok: false, error: LIVE_UNAVAILABLE };
  }

  private async open(paths: string[]): Promise<{ ok: true } | { ok: false; error: string }> {
    const absolute = paths.map((p) => resolve(p));
    for (const path of absolute) {
      const info = await stat(path).catch(() => null);
      if (!info) return { ok: false, error: `cannot open ${path}: no such file` };
      if (!info.isFile()) return { ok: false, error: `cannot open ${path}: not a regular file` };
      // Before any reader sees it: its first bytes are nobody's business (say /etc/shadow), and it is not a recent capture.
      const refused = notACapture(path);
      if (refused) return { ok: false, error: refused };
    }
    await this.stopLive();
    const label = absolute.map((p) => basename(p)).join(' + ');
    const worker = await this.startWorker(label, 'file', absolute);
    void this.load(worker, this.opts.analysis ?? {});
    const transient = this.opts.transientDirs ?? [];
    const remembered = absolute.filter((p) => !transient.some((dir) => p.startsWith(resolve(dir) + sep)));
    if (remembered.length) await this.recent.add(remembered).catch(() => undefined);
    return { ok: true };
  }

  private async close(): Promise<void> {
    await this.stopLive();
    await this.replaceWorker(null);
    this.spare?.warm();
    this.emit('analysis:reset', { label: '', source: 'file' });
  }

  /** Reads the worker's files; a replay reads only what the stopped worker had analysed, and answers no request before. */
  private load(worker: CaptureWorker, options: SessionOptions): Promise<void> {
    const replay = worker.replayOf ? { lastFrame: worker.replayOf.lastFrame, finish: worker.replayOf.loadEnded } : undefined;
    return worker.client.call('load', { paths: worker.paths, label: worker.label, options, replay }).then(
      () => {
        worker.loadEnded = true;
        worker.stopRequested = false;
      },
      (e) => {
        if (this.current === worker && !worker.stopping) this.emit('analysis:error', { message: message(e) });
      },
    );
  }

  /**
   * Runs `use` on the current worker once it is ready. A call cut short because that worker was
   * stopped for not responding is asked again (`retry`) of the worker that rebuilds its frames.
   */
  private async withWorker<T>(use: (worker: CaptureWorker) => Promise<T>, none: () => T, retry = true): Promise<T> {
    let worker = this.current;
    while (worker) {
      await worker.ready;
      try {
        return await use(worker);
      } catch (e) {
        const next = this.current;
        if (!retry || !worker.stopping || !next?.replayOf || next === worker) throw e;
        worker = next;
      }
    }
    return none();
  }

  private async cancel(): Promise<void> {
    const worker = this.current;
    if (!worker) return;
    const stall = worker.watchdog.stalled;
    if (stall) return this.stopStuck(worker, stall);
    if (worker.source !== 'file') return;
    // A worker stuck in a frame cannot read this; if the watchdog finds it stuck, it is stopped.
    worker.stopRequested = true;
    await worker.client.call('cancel', undefined).catch(() => undefined);
  }

  /** The display filter and sort apply to the current capture and to every capture opened after it. */
  private async view(filter: string, sort: SortSpec | null): Promise<ViewResponse> {
    const answer: ViewResponse = await this.withWorker((w) => w.client.call('view', { filter, sort }), () => {
      const compiled = compileFilter(filter);
      return compiled.ok ? { ok: true as const, counts: EMPTY_PAGE() } : { ok: false as const, error: compiled.error, position: compiled.position };
    });
    if (answer.ok) this.displayView = { filter, sort };
    return answer;
  }

  private async startLive(req: RequestArg<'capture:start'>): Promise<RequestResult<'capture:start'>> {
    const live = this.liveCapture();
    if (!live.ok) return live;
    if (this.live?.running) return { ok: false, error: 'a live capture is already running' };
    let ring: LiveCaptureRequest['ring'] = null;
    if (req.ring) {
      const directory = this.opts.askWhere ? await this.opts.askWhere.ringDirectory() : this.opts.ringDirectory ?? null;
      if (directory === null) return { ok: false, error: this.opts.askWhere ? CANCELLED : NO_RING_DIRECTORY };
      ring = { ...req.ring, directory };
    }
    const run = new LiveRun(`${req.device} (live)`, {
      error: (text) => {
        if (this.live === run) this.emit('analysis:error', { message: text });
      },
      stopped: () => void this.finishLive(run),
    });
    try {
      await live.controller.start({ device: req.device, filter: req.filter, ring }, run.sink);
    } catch (e) {
      return { ok: false, error: message(e) };
    }
    this.live = run;
    const { client } = await this.startWorker(run.label, 'live', []);
    await client.call('live-begin', { label: run.label, options: this.opts.analysis ?? {} });
    run.attach((frames) => client.sendLive(frames));
    return { ok: true };
  }

  private async stopLive(): Promise<void> {
    const run = this.live;
    if (!run?.running) return;
    await this.opts.liveCapture?.stop().catch((e) => this.emit('analysis:error', { message: message(e) }));
    await this.finishLive(run);
  }

  private async finishLive(run: LiveRun): Promise<void> {
    run.end();
    if (this.live !== run || this.current?.source !== 'live') return;
    await this.current.client.call('live-end', undefined).catch(() => undefined);
  }

  private async save(request: SaveRequest): Promise<RequestResult<'capture:save'>> {
    const current = this.current;
    if (!current) return { ok: false, error: 'nothing to save: no capture is open' };
    const format = request.format ?? 'pcapng';
    const selection: FrameSelection = { msnpOnly: request.msnpOnly, displayedOnly: request.displayedOnly, markedOnly: request.markedOnly, range: request.range };
    const narrowed = selection.msnpOnly || !!selection.displayedOnly || !!selection.markedOnly || !!selection.range?.trim();
    const onlyMsnp = selection.msnpOnly && !selection.displayedOnly && !selection.markedOnly && !selection.range?.trim();
    const target = await this.writeTarget(current.label, `${onlyMsnp ? '-msnp' : narrowed ? '-selected' : ''}.${format}`);
    if (!target) return { ok: false, error: CANCELLED };
    try {
      let frames: number;
      await current.ready;
      if (current.source === 'live' && this.opts.liveCapture && format === 'pcapng') {
        // The capture side copies its own spool (every byte as captured, ring files included).
        const keep = narrowed ? await current.client.call('frame-mask', selection) : null;
        frames = await this.opts.liveCapture.save(target.path, keep !== null, (n) => keep?.[n] === 1);
      } else {
        frames = await current.client.call('save', { path: target.path, selection, format });
      }
      if (target.download) this.outputs.set(basename(target.path), target.path);
      return { ok: true, path: target.path, frames };
    } catch (e) {
      return { ok: false, error: message(e) };
    }
  }

  private async exportAnalysis(format: 'json' | 'csv'): Promise<RequestResult<'file:export'>> {
    const current = this.current;
    if (!current) return { ok: false, error: 'nothing to export: no capture is open' };
    const target = await this.writeTarget(current.label, `-analysis.${format}`);
    if (!target) return { ok: false, error: CANCELLED };
    try {
      await current.ready;
      await current.client.call('export', { format, path: target.path });
      if (target.download) this.outputs.set(basename(target.path), target.path);
      return { ok: true, path: target.path };
    } catch (e) {
      return { ok: false, error: message(e) };
    }
  }

  /** Runs `write` on the current worker to a file the user chose (or a fresh output, then a download). */
  private async writeOutput<T>(
    noCapture: string, naming: (current: CaptureWorker) => Promise<[label: string, suffix: string] | null>,
    write: (current: CaptureWorker, path: string) => Promise<T>,
  ): Promise<{ ok: true; path: string; value: T } | { ok: false; error: string }> {
    const current = this.current;
    if (!current) return { ok: false, error: noCapture };
    try {
      await current.ready;
      const name = await naming(current);
      if (name === null) return { ok: false, error: 'nothing to export under that name' };
      const target = await this.writeTarget(...name);
      if (!target) return { ok: false, error: CANCELLED };
      const value = await write(current, target.path);
      if (target.download) this.outputs.set(basename(target.path), target.path);
      return { ok: true, path: target.path, value };
    } catch (e) {
      return { ok: false, error: message(e) };
    }
  }

  private async exportFlow(request: FlowExportRequest): Promise<RequestResult<'flow:export'>> {
    const answer = await this.writeOutput('nothing to export: no capture is open', async (c) => [c.label, `-flow.${request.format}`], async (c, path) => {
      if (request.format === 'svg') await c.client.call('flow-export', { scope: request.scope, unit: request.unit, path });
      else await writeFile(path, request.png);
    });
    return answer.ok ? { ok: true, path: answer.path } : answer;
  }

  private async exportDissections(request: DissectionExportRequest): Promise<RequestResult<'export:dissections'>> {
    const narrowed = !!request.displayedOnly || !!request.range?.trim();
    const suffix = `-dissections${narrowed ? '-selected' : ''}.${DISSECTION_EXTENSIONS[request.format]}`;
    const answer = await this.writeOutput(NOTHING_TO_EXPORT, async (c) => [c.label, suffix], (c, path) => c.client.call('dissections', { path, request }));
    return answer.ok ? { ok: true, path: answer.path, frames: answer.value } : answer;
  }

  /** One recovered file under its safe name (`FRAME-NAME`), or all of them as `<capture>-files.zip`. */
  private async exportObjects(index: number | undefined): Promise<RequestResult<'export:objects'>> {
    const answer = index === undefined
      ? await this.writeOutput(NOTHING_TO_EXPORT, async (c) => [c.label, '-files.zip'], (c, path) => c.client.call('object-save', { path }))
      : await this.writeOutput(NOTHING_TO_EXPORT, async (c) => {
        // The label's extension is the suffix: the saved name keeps ending in it.
        const name = await c.client.call('object-name', { index });
        return name === null ? null : [name, extname(name)];
      }, (c, path) => c.client.call('object-save', { path, index }));
    return answer.ok ? { ok: true, path: answer.path, files: answer.value } : answer;
  }

  private async exportTranscript(session: number, format: TranscriptFormat): Promise<RequestResult<'export:transcript'>> {
    const suffix = `-session-${session}.${TRANSCRIPT_EXTENSIONS[format]}`;
    const answer = await this.writeOutput(NOTHING_TO_EXPORT, async (c) => [c.label, suffix], (c, path) => c.client.call('transcript', { path, session, format }));
    return answer.ok ? { ok: true, path: answer.path } : answer;
  }

  /** Where a save or export goes: the user's choice (null: cancelled), or a fresh name in the output directory, offered as a download. */
  private async writeTarget(label: string, suffix: string): Promise<{ path: string; download: boolean } | null> {
    if (!this.opts.askWhere) return { path: this.newOutput(label, suffix), download: true };
    const path = await this.opts.askWhere.saveFile(label, suffix);
    return path ? { path, download: false } : null;
  }

  /** A fresh name in the output directory (never one handed out before, even if that file is gone). */
  private newOutput(label: string, suffix: string): string {
    const target = outputPath(this.outputDir, label, suffix, (p) => this.outputNames.has(basename(p)) || existsSync(p));
    this.outputNames.add(basename(target));
    return target;
  }

  private async startWorker(label: string, source: 'file' | 'live', paths: string[]): Promise<CaptureWorker> {
    const worker = this.createWorker(label, source, paths, null);
    await this.replaceWorker(worker);
    return worker;
  }

  private createWorker(label: string, source: 'file' | 'live', paths: string[], replayOf: ReplayOf | null): CaptureWorker {
    const worker = new CaptureWorker({
      label, source, paths, replayOf,
      spawn: this.spare ? () => this.spare!.take() : this.opts.spawnWorker ?? spawnAnalysisWorker,
      limits: this.watchdogLimits,
      tempParent: this.opts.tempDir ?? tmpdir(),
    }, {
      event: (w, event) => this.onWorkerEvent(w, event),
      death: (w, reason) => this.onWorkerDeath(w, reason),
      stalled: (w, stall) => this.onStalled(w, stall),
      resumed: (w) => {
        if (this.current === w && w.lastProgress) this.emitProgress(w, w.progressWithoutStall());
      },
      expired: (w, stall) => void this.stopStuck(w, stall),
    });
    if (this.displayView.filter !== '' || this.displayView.sort !== null) {
      // Calls are answered in order: the view is in place before the first frame is read.
      worker.client.call('view', this.displayView).catch(() => undefined);
    }
    return worker;
  }

  private async replaceWorker(next: CaptureWorker | null): Promise<void> {
    const previous = this.current;
    this.current = next;
    await previous?.end();
  }

  private onWorkerEvent(worker: CaptureWorker, event: WorkerEvent): void {
    if (this.current !== worker) return;
    if (event.channel === 'analysis:progress') {
      // A replay's progress is not news: the renderer was told where the analysis stopped.
      if (worker.replayOf) return;
      const stats = worker.source === 'live' ? this.live?.stats : null;
      const live = stats ? { captured: stats.captured, elapsedSeconds: stats.elapsedSeconds, ...(stats.dropped === null ? {} : { dropped: stats.dropped }) } : {};
      this.emitProgress(worker, { ...event.payload, ...live });
      return;
    }
    this.emit(event.channel, event.payload as never);
  }

  private emitProgress(worker: CaptureWorker, progress: LoadProgress): void {
    worker.lastProgress = progress;
    this.emit('analysis:progress', progress);
  }

  private onStalled(worker: CaptureWorker, stall: Stall): void {
    if (this.current !== worker) return;
    if (worker.stopRequested) {
      void this.stopStuck(worker, stall);
      return;
    }
    this.emitProgress(worker, { ...worker.progressWithoutStall(), stalled: { frame: stall.frame, seconds: this.watchdogLimits.stallMs / 1000 } });
  }

  /**
   * Terminates a worker that stopped responding (at once: it cannot answer a clean-up call) and
   * removes its temporary directory. A fresh worker then re-reads the frames analysed before the
   * stuck one (a live capture ends, and reads them from what it captured), so the packet list,
   * details and results stay. A replay that gets stuck is not replayed again.
   */
  private async stopStuck(worker: CaptureWorker, stall: Stall): Promise<void> {
    if (worker.stopping) return;
    worker.stopping = true;
    const stopped: StoppedAt = { frame: stall.frame, lastFrame: stall.lastDone };
    const text = stoppedText(stopped);
    if (this.current !== worker) return worker.end(text);
    const replay = worker.replayOf
      ? null
      : this.createWorker(worker.label, 'file', worker.paths, { ...stopped, loadEnded: worker.source === 'file' && worker.loadEnded });
    this.current = replay;
    // Before the kill: calls it cuts short are asked again of the replay, once it has read.
    if (replay) replay.ready = this.replay(replay, worker.source);
    await worker.end(text);
    this.emit('analysis:error', { message: text });
    this.emit('analysis:progress', { ...worker.progressWithoutStall(), frames: stall.lastDone, done: true, stopped });
    if (!replay) void this.stopLive();
  }

  private async replay(replay: CaptureWorker, stoppedSource: 'file' | 'live'): Promise<void> {
    if (stoppedSource === 'live') {
      await this.stopLive();
      const path = join(replay.tempDir, 'live-capture.pcapng');
      try {
        if (!this.opts.liveCapture) throw new Error(LIVE_UNAVAILABLE);
        await this.opts.liveCapture.save(path, false, () => true);
      } catch (e) {
        if (this.current === replay) this.emit('analysis:error', { message: `the live capture could not be read again: ${message(e)}` });
        return;
      }
      replay.paths = [path];
    }
    const { __testHangAtFrame: _, ...options } = this.opts.analysis ?? {};
    await this.load(replay, options);
  }

  private onWorkerDeath(worker: CaptureWorker, reason: string): void {
    if (this.current !== worker) return;
    this.emit('analysis:error', { message: reason });
    this.emit('analysis:progress', { source: worker.source, label: worker.label, bytesDone: 0, bytesTotal: 0, frames: 0, framesPerSecond: 0, done: true });
    this.current = null;
    void worker.end(reason);
    void this.stopLive();
  }
}
