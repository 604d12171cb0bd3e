// Entry point of the analysis worker thread (bundled to dist/main/analysis-worker.js). Owns one
// AnalysisSession with the real engine: the back end starts a fresh worker for every capture,
// so ending a capture frees all of its memory at once. Answers `{seq, request}` calls with
// `{seq, ok, …}` and forwards the session's events. Its progress board (shared with the back end's
// watchdog) gets a heartbeat from a timer, so a thread stuck in a loop stops beating.

import { parentPort } from 'node:worker_threads';
import { Analyzer } from '../engine/analyzer';
import { mergeCaptureBatches } from '../engine/capture/merge-captures';
import { AnalysisSession } from './analysis-session';
import { EventOutbox } from './event-outbox';
import { exportReport } from './export-report';
import { exportTranscript } from './exports/export-transcript';
import { ProgressBoard } from './progress-board';
import type { FromWorker, ToWorker, WorkerCalls, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('analysis-worker.ts must run in a worker thread');

const post = (message: FromWorker): void => port.postMessage(message);
const outbox = new EventOutbox((batch) => post(batch));

const session = new AnalysisSession({
  createAnalyzer: (options, listener) => new Analyzer(options, listener),
  // The analyzer copies what it keeps (as the CLI relies on too), so chunks can be read into two
  // reused buffers: a fresh buffer per chunk costs about as much in page faults as the read itself.
  readCaptures: (paths, opts) => mergeCaptureBatches(paths, { ...opts, reuseBuffers: true }),
  emit: (event) => outbox.send(event),
  congested: () => outbox.congested,
});

/** The heartbeat's period: well under the watchdog's smallest useful bound. */
const BEAT_MS = 100;

type Handlers = { [K in keyof WorkerCalls]: (arg: WorkerCalls[K][0]) => Promise<WorkerCalls[K][1]> | WorkerCalls[K][1] };

const handlers: Handlers = {
  load: (arg) => session.load(arg.paths, arg.label, arg.options, arg.replay),
  'live-begin': (arg) => session.beginLive(arg.label, arg.options),
  'live-end': () => session.endLive(),
  cancel: () => session.cancel(),
  detail: (arg) => session.detail(arg.number),
  rows: (arg) => session.rows(arg.start, arg.count, arg.fields),
  view: (arg) => session.view(arg.filter, arg.sort),
  position: (arg) => session.position(arg.number),
  neighbour: (arg) => session.neighbour(arg),
  find: (arg) => session.find(arg),
  'find-cancel': () => session.findCancel(),
  mark: (arg) => session.mark(arg),
  'time-reference': (arg) => session.timeReference(arg),
  stats: (arg) => session.statistics(arg.kind),
  'io-graph': (arg) => session.ioGraph(arg),
  timeline: (arg) => session.timeline(arg.grouping),
  follow: (arg) => session.follow(arg.stream, arg.limitBytes),
  flow: (arg) => session.flow(arg),
  'flow-svg': (arg) => session.flowSvg(arg),
  'flow-export': (arg) => session.exportFlowSvg(arg.scope, arg.unit, arg.path),
  export: (arg) => exportReport(session.result(), arg.format, arg.path),
  'msnp-frames': () => session.msnpFrames(),
  save: (arg) => session.save(arg.path, arg.selection, arg.format),
  'frame-mask': (arg) => session.frameMask(arg),
  dissections: (arg) => session.exportDissections(arg.path, arg.request),
  'object-name': (arg) => session.objectName(arg.index),
  'object-save': (arg) => session.saveObjects(arg.path, arg.index),
  'object-preview': (arg) => session.objectPreview(arg.index),
  transcript: (arg) => exportTranscript(session.result(), arg.session, arg.format, arg.path),
  dispose: () => session.dispose(),
};

async function answer(seq: number, request: WorkerRequest): Promise<void> {
  try {
    const handler = handlers[request.type] as (arg: unknown) => unknown;
    post({ seq, ok: true, result: await handler(request.arg) });
  } catch (err) {
    post({ seq, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

port.on('message', (message: ToWorker) => {
  if ('ack' in message) outbox.ack();
  else if ('live' in message) session.addLive(message.live);
  else if ('init' in message) {
    const board = new ProgressBoard(message.init.board);
    session.board = board;
    session.tempDir = message.init.tempDir;
    board.beat();
    setInterval(() => board.beat(), BEAT_MS);
  } else void answer(message.seq, message.request);
});
