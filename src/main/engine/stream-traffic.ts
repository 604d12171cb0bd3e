// Frames and bytes each way of the TCP streams that may turn out to be direct peer connections,
// counted from their first frame (the handshake comes before the bytes that classify a stream),
// as `tshark -qz conv,tcp` counts them: whole frames (original length). A stream's counters are
// dropped once it is classified as anything else; at most MAX_UNDECIDED streams are counted
// while undecided (a flood of handshakes without data cannot grow this without bound).

import type { TrafficCounts } from '../../shared/model';
import type { StreamDirection, StreamEndpoint } from './tcp/stream-handler';

const MAX_UNDECIDED = 65_536;

interface Counter {
  initiator: StreamEndpoint;
  /** [initiator → responder, responder → initiator]. */
  packets: [number, number];
  bytes: [number, number];
  lastFrame: number;
  lastTsUs: number;
  kept: boolean;
}

export type StreamTrafficCounts = TrafficCounts & { lastFrame: number; lastTsUs: number };

export class StreamTraffic {
  private readonly counters = new Map<number, Counter>();
  private undecided = 0;

  /** A new stream: count it until it is classified. */
  start(stream: number, initiator: StreamEndpoint): void {
    if (this.undecided >= MAX_UNDECIDED || this.counters.has(stream)) return;
    this.counters.set(stream, { initiator, packets: [0, 0], bytes: [0, 0], lastFrame: 0, lastTsUs: 0, kept: false });
    this.undecided++;
  }

  /** One frame of `stream` from `srcIp:srcPort`, `length` bytes on the wire. */
  count(stream: number, srcIp: string, srcPort: number, length: number, frame: number, tsUs: number): void {
    const c = this.counters.get(stream);
    if (!c) return;
    c.lastFrame = frame;
    c.lastTsUs = tsUs;
    const dir: StreamDirection = c.initiator.ip === srcIp && c.initiator.port === srcPort ? 0 : 1;
    c.packets[dir]++;
    c.bytes[dir] += length;
  }

  /** The stream is a peer connection whose client is `clientDir`: its counts so far, kept up to date from now on. */
  keep(stream: number, clientDir: StreamDirection): () => StreamTrafficCounts {
    const c = this.counters.get(stream);
    if (c && !c.kept) {
      c.kept = true;
      this.undecided--;
    }
    const s = clientDir === 0 ? 1 : 0;
    return () =>
      c
        ? { packets: { c2s: c.packets[clientDir], s2c: c.packets[s] }, bytes: { c2s: c.bytes[clientDir], s2c: c.bytes[s] }, lastFrame: c.lastFrame, lastTsUs: c.lastTsUs }
        : { packets: { c2s: 0, s2c: 0 }, bytes: { c2s: 0, s2c: 0 }, lastFrame: 0, lastTsUs: 0 };
  }

  /** The stream is not a peer connection: stop counting it. */
  drop(stream: number): void {
    const c = this.counters.get(stream);
    if (!c || c.kept) return;
    this.counters.delete(stream);
    this.undecided--;
  }
}
