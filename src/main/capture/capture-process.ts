// The capture process: runs libpcap (through `cap`) on its own main thread, so that a native
// abort (the binding asserts when the interface vanishes, and aborts on misuse) kills only this
// process, never the app. Started by capture-child.ts with a channel to the app (parent-channel.ts;
// capture-protocol.ts for the messages): as the dedicated capture helper (capture-helper.ts, the
// one binary given capture privileges), as a script under plain Node, or as an Electron utility
// process (capture-launch.ts decides). It exits when the app disconnects (or dies).

import { loadCap, openCap, linkTypeFromCapName, CAP_SNAPLEN, type CapInstance, type CapModule } from './cap-binding';
import { arrivalTimeUs } from './arrival-clock';
import { PacketBatchBuilder } from './packet-batch';
import { originalLengthOf } from './original-length';
import { parentChannel } from './parent-channel';
import {
  BATCH_INTERVAL_MS, BATCH_MAX_PACKETS, STATS_INTERVAL_MS,
  type CaptureMessage, type CaptureRequest, type CaptureStats,
} from './capture-protocol';

const DEVICE_WATCH_MS = 2000;
const MAX_UNSENT_BYTES = 64 * 1024 * 1024;
/** libpcap needs some kernel buffer even to compile a filter against the device. */
const CHECK_BUFFER_SIZE = 256 * 1024;

interface Running {
  device: string;
  instance: CapInstance;
  captured: number;
  /** Packets this process threw away because the app was not keeping up. */
  droppedHere: number;
  /** Batch bytes handed to the IPC channel and not yet written out. */
  unsentBytes: number;
  startedUs: number;
  timers: NodeJS.Timeout[];
  batch: PacketBatchBuilder;
}

let running: Running | null = null;

const channel = parentChannel();
if (!channel) {
  process.stderr.write('capture-process: must be started with a channel to the app (see capture-child.ts)\n');
  process.exit(2);
}
const parent = channel;

function send(message: CaptureMessage): void {
  if (parent.connected()) parent.send(message);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function withCap<T extends object>(id: number, fn: (cap: CapModule) => T): void {
  let cap: CapModule;
  try {
    cap = loadCap();
  } catch (err) {
    send({ id, ok: false, error: errorText(err) });
    return;
  }
  try {
    send({ id, ok: true, ...fn(cap) } as CaptureMessage);
  } catch (err) {
    send({ id, ok: false, error: errorText(err) });
  }
}

function stats(r: Running): CaptureStats {
  return { captured: r.captured, dropped: r.droppedHere > 0 ? r.droppedHere : null, elapsedSeconds: (arrivalTimeUs() - r.startedUs) / 1e6 };
}

function flush(r: Running): void {
  if (r.batch.count === 0) return;
  const count = r.batch.count;
  const batch = r.batch.take();
  if (!parent.connected()) return;
  r.unsentBytes += batch.length;
  parent.send({ event: 'packets', count, batch } satisfies CaptureMessage, () => {
    r.unsentBytes -= batch.length;
  });
}

function start(req: Extract<CaptureRequest, { op: 'start' }>): void {
  if (running) return void send({ id: req.id, ok: false, error: 'a capture is already running' });
  withCap(req.id, (cap) => {
    // The binding copies each packet into this one buffer before calling us.
    const shared = Buffer.alloc(CAP_SNAPLEN + 1);
    const opened = openCap(cap, req.device, req.filter, req.bufferSize, shared);
    if (!opened.ok) throw new Error(opened.error);
    const linkType = linkTypeFromCapName(opened.linkName);
    const r: Running = {
      device: req.device, instance: opened.instance, captured: 0, droppedHere: 0, unsentBytes: 0, startedUs: arrivalTimeUs(), timers: [],
      batch: new PacketBatchBuilder(),
    };
    running = r;
    opened.instance.on('packet', (nbytes: number) => {
      const tsUs = arrivalTimeUs();
      r.captured++;
      // A stalled app must not make this process grow without bound: drop, and say so.
      if (r.unsentBytes > MAX_UNSENT_BYTES) {
        r.droppedHere++;
        return;
      }
      r.batch.add(tsUs, shared, nbytes, originalLengthOf(linkType, shared, nbytes));
      if (r.batch.count >= BATCH_MAX_PACKETS) flush(r);
    });
    r.timers.push(setInterval(() => flush(r), BATCH_INTERVAL_MS));
    r.timers.push(setInterval(() => send({ event: 'stats', stats: stats(r) }), STATS_INTERVAL_MS));
    r.timers.push(setInterval(() => watchDevice(cap, r), DEVICE_WATCH_MS));
    return { linkType, linkName: opened.linkName, startedUs: r.startedUs };
  });
}

/** Where the binding does not abort on a vanished interface, notice it ourselves. */
function watchDevice(cap: CapModule, r: Running): void {
  let present: boolean;
  try {
    present = cap.Cap.deviceList().some((d) => d.name === r.device);
  } catch {
    return;
  }
  if (present || running !== r) return;
  stopRunning();
  send({ event: 'error', message: `interface ${r.device} is gone` });
}

function stopRunning(): CaptureStats | null {
  const r = running;
  if (!r) return null;
  running = null;
  for (const t of r.timers) clearInterval(t);
  r.instance.close();
  flush(r);
  return stats(r);
}

function check(req: Extract<CaptureRequest, { op: 'check' }>): void {
  withCap(req.id, (cap) => {
    const opened = openCap(cap, req.device, req.filter, CHECK_BUFFER_SIZE, Buffer.alloc(CAP_SNAPLEN + 1));
    if (!opened.ok) throw new Error(opened.error);
    opened.instance.close();
    return {};
  });
}

function handle(req: CaptureRequest): void {
  switch (req.op) {
    case 'list': return withCap(req.id, (cap) => ({ devices: cap.Cap.deviceList() }));
    case 'check': return check(req);
    case 'start': return start(req);
    case 'stop': {
      const final = stopRunning();
      return send(final ? { id: req.id, ok: true, stats: final } : { id: req.id, ok: true });
    }
    case 'stats':
      return send(running ? { id: req.id, ok: true, stats: stats(running) } : { id: req.id, ok: false, error: 'not capturing' });
  }
}

parent.onRequest(handle);
parent.onClose(() => {
  stopRunning();
  process.exit(0);
});
