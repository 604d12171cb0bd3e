// Plays a replay plan over real loopback TCP: one listening socket per original server port
// (the k-th distinct port becomes basePort + k, or an ephemeral port), one client connection per
// captured connection, opened at its first packet. Each direction's segments are written in
// capture order across all connections, one write per original segment with Nagle off, so the
// segment boundaries usually survive; pauses between packets follow the capture, scaled by
// `speed`, or are skipped with `fast`.

import { createServer, connect, type Server, type Socket } from 'node:net';
import type { ReplayPlan } from './replay-plan';

export interface ReplayOptions {
  host: string;
  /** First listening port; null for ephemeral ports. */
  basePort: number | null;
  /** Time scale: 2 plays twice as fast. */
  speed: number;
  /** No pauses at all. */
  fast: boolean;
  /** How long to wait at the end for the last bytes to arrive (default 10 s). */
  drainTimeoutMs?: number;
}

export interface ReplaySummary {
  connections: number;
  bytesFromClients: number;
  bytesFromServers: number;
  /** Capture time covered, and wall time the replay took. */
  captureSeconds: number;
  wallSeconds: number;
  /** Original server port → listening port used. */
  ports: Map<number, number>;
  missingBytes: number;
  /** Bytes the capture shows after the sender's own FIN/RST: not sendable. */
  unsentBytes: number;
}

interface LiveConnection {
  client: Socket;
  server: Socket;
  /** Bytes written towards each end, and bytes each end has read. */
  sentToServer: number;
  sentToClient: number;
  readByServer: number;
  readByClient: number;
}

export async function runReplay(plan: ReplayPlan, opts: ReplayOptions): Promise<ReplaySummary> {
  const listeners = await openListeners(plan, opts);
  const live: LiveConnection[] = [];
  const summary: ReplaySummary = {
    connections: plan.connections.length, bytesFromClients: 0, bytesFromServers: 0, captureSeconds: 0, wallSeconds: 0,
    ports: new Map([...listeners].map(([orig, l]) => [orig, l.port])), missingBytes: plan.missingBytes, unsentBytes: 0,
  };
  const firstTs = plan.steps[0]?.tsUs ?? 0;
  const startWall = performance.now();
  try {
    for (const step of plan.steps) {
      if (!opts.fast) await pauseUntil(startWall + (step.tsUs - firstTs) / 1000 / opts.speed);
      if (step.kind === 'open') {
        live[step.conn] = await openConnection(listeners.get(plan.connections[step.conn].server.port)!, opts.host);
        continue;
      }
      const c = live[step.conn];
      const socket = step.fromClient ? c.client : c.server;
      if (step.kind === 'end') {
        socket.end();
        continue;
      }
      if (socket.writableEnded || socket.destroyed) {
        // Data after this side's FIN/RST (a broken capture): there is no way to send it.
        summary.unsentBytes += step.bytes.length;
        continue;
      }
      await write(socket, step.bytes);
      if (step.fromClient) {
        c.sentToServer += step.bytes.length;
        summary.bytesFromClients += step.bytes.length;
      } else {
        c.sentToClient += step.bytes.length;
        summary.bytesFromServers += step.bytes.length;
      }
    }
    summary.captureSeconds = plan.steps.length ? (plan.steps[plan.steps.length - 1].tsUs - firstTs) / 1e6 : 0;
    await drained(live, opts.drainTimeoutMs ?? 10_000);
  } finally {
    for (const c of live) {
      c?.client.destroy();
      c?.server.destroy();
    }
    await Promise.all([...listeners.values()].map((l) => new Promise((r) => l.server.close(r))));
  }
  summary.wallSeconds = (performance.now() - startWall) / 1000;
  return summary;
}

interface Listener {
  server: Server;
  port: number;
  /** Accepted sockets waiting to be matched to their client, by the client's local port. */
  accepted: Map<number, Socket>;
  waiting: Map<number, (s: Socket) => void>;
}

async function openListeners(plan: ReplayPlan, opts: ReplayOptions): Promise<Map<number, Listener>> {
  const listeners = new Map<number, Listener>();
  for (const conn of plan.connections) {
    if (listeners.has(conn.server.port)) continue;
    const port = opts.basePort === null ? 0 : opts.basePort + listeners.size;
    // Half-open allowed: a captured FIN in one direction must not end the other one.
    const l: Listener = { server: createServer({ allowHalfOpen: true }), port, accepted: new Map(), waiting: new Map() };
    l.server.on('connection', (s) => {
      s.setNoDelay(true);
      const key = s.remotePort ?? -1;
      const waiter = l.waiting.get(key);
      if (waiter) {
        l.waiting.delete(key);
        waiter(s);
      } else {
        l.accepted.set(key, s);
      }
    });
    await new Promise<void>((resolve, reject) => {
      l.server.once('error', reject);
      l.server.listen(port, opts.host, () => resolve());
    });
    l.port = (l.server.address() as { port: number }).port;
    listeners.set(conn.server.port, l);
  }
  return listeners;
}

async function openConnection(l: Listener, host: string): Promise<LiveConnection> {
  const client = connect({ host, port: l.port, noDelay: true, allowHalfOpen: true });
  await new Promise<void>((resolve, reject) => client.once('connect', resolve).once('error', reject));
  const key = client.localPort ?? -1;
  const server = l.accepted.get(key) ?? await new Promise<Socket>((resolve) => l.waiting.set(key, resolve));
  l.accepted.delete(key);
  const c: LiveConnection = { client, server, sentToServer: 0, sentToClient: 0, readByServer: 0, readByClient: 0 };
  // Both ends read everything, so neither side's writes ever stall on a full window.
  server.on('data', (d: Buffer) => { c.readByServer += d.length; });
  client.on('data', (d: Buffer) => { c.readByClient += d.length; });
  for (const s of [client, server]) s.on('error', () => {});
  return c;
}

function write(socket: Socket, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.write(bytes, (err) => (err ? reject(err) : resolve()));
  });
}

async function pauseUntil(wallMs: number): Promise<void> {
  const wait = wallMs - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
}

/** Waits until each end has read every byte written towards it. */
async function drained(live: LiveConnection[], timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  const done = () => live.every((c) => !c || (c.readByServer === c.sentToServer && c.readByClient === c.sentToClient));
  while (!done()) {
    if (performance.now() > until) throw new Error('replayed bytes did not all arrive in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
