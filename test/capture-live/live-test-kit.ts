// Shared pieces of the live-capture tests: the privilege check (these tests open raw sockets;
// without root they must fail loudly, never skip), a recording sink, and loopback traffic.

import { createServer, connect, type Server, type Socket } from 'node:net';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import type { CaptureSink, LiveCapture } from '../../src/main/capture/live-capture';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';

/** Throws a clear error unless the process may capture (root here and in CI). */
export function assertCapturePrivileges(): void {
  if (process.getuid?.() !== 0) {
    // Root, not capabilities: the tests also start processes as other users and in namespaces.
    throw new Error('live-capture tests need root (CI runs as root): they capture, switch users and create network namespaces');
  }
}

export interface RecordingSink extends CaptureSink {
  frames: CapturedFrame[];
  errors: string[];
  stats_: { captured: number; dropped: number | null; elapsedSeconds: number }[];
  stoppedCount: number;
}

export function recordingSink(): RecordingSink {
  const sink: RecordingSink = {
    frames: [], errors: [], stats_: [], stoppedCount: 0,
    // Frames' data may be views into a batch: keep copies, as a consumer must.
    frame: (f) => sink.frames.push({ ...f, data: f.data.slice() }),
    stats: (s) => sink.stats_.push(s),
    error: (m) => sink.errors.push(m),
    stopped: () => {
      sink.stoppedCount++;
    },
  };
  return sink;
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A loopback server on an ephemeral port that records what it receives. */
export async function loopbackServer(): Promise<{ server: Server; port: number; received: () => Buffer; close(): Promise<void> }> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('data', (d) => chunks.push(d));
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    received: () => Buffer.concat(chunks),
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Connects to 127.0.0.1:port, writes each message (waiting `gapMs` between them), then closes. */
export async function sendMessages(port: number, messages: string[], gapMs = 5): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  for (const m of messages) {
    await new Promise<void>((resolve) => socket.write(m, () => resolve()));
    await new Promise((r) => setTimeout(r, gapMs));
  }
  await new Promise<void>((resolve) => socket.end(resolve));
}

/**
 * Captures with `live` on lo while `messages` are sent to a loopback server, stops, and returns
 * the client→server payloads captured, in order (a capture path that works returns `messages`).
 */
export async function captureOwnTraffic(live: LiveCapture, messages: string[]): Promise<string[]> {
  const server = await loopbackServer();
  const sink = recordingSink();
  try {
    await live.start({ device: 'lo', filter: `tcp port ${server.port}` }, sink);
    await sendMessages(server.port, messages);
    await waitFor('the server to receive everything', () => server.received().length === messages.join('').length);
    const payloads = () => sink.frames.map((f) => decodePacket(f.linkType, f.data)!).filter((p) => p.dstPort === server.port && p.payload.length > 0);
    await waitFor('the data frames', () => payloads().length >= messages.length);
    await live.stop();
    if (sink.errors.length) throw new Error(`capture errors: ${sink.errors.join('; ')}`);
    return payloads().map((p) => Buffer.from(p.payload).toString('latin1'));
  } finally {
    await server.close();
  }
}
