// One TCP connection (one tcp.stream): routes each packet's SYN, ACK, payload, FIN and RST to the
// two half streams and forwards their deliveries to the stream's handler. Once the handler
// declines data (or there is none), only the end of each direction is still tracked.

import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../decode/decoded-packet';
import type { MemoryBudget } from '../memory-budget';
import type { StreamDirection, StreamHandler, StreamInfo, StreamNoteKind } from './stream-handler';
import { HalfStream, type HalfStreamSink } from './half-stream';
import { seqAdd } from './seq-math';

export interface TcpHeaderFields {
  seq: number;
  ack: number;
  flags: number;
}

export class TcpConnection implements HalfStreamSink {
  readonly halves: readonly [HalfStream, HalfStream];
  stopped: boolean;
  /** A FIN or RST was seen in either direction. */
  closing = false;
  lastFrame: number;
  lastTsUs: number;
  /** Capture time at which both directions had ended (for the linger before removal). */
  closedTsUs = 0;
  /** Closed, and kept a while for stray packets (charged to the memory budget meanwhile). */
  lingering = false;

  constructor(
    readonly info: StreamInfo,
    private handler: StreamHandler | null,
    maxHeldBytes: number,
    budget: MemoryBudget | null = null,
  ) {
    this.stopped = handler === null;
    this.halves = [new HalfStream(0, this, maxHeldBytes, budget), new HalfStream(1, this, maxHeldBytes, budget)];
    this.lastFrame = info.firstFrame;
    this.lastTsUs = info.firstTsUs;
  }

  /** Payload bytes held out of order in both directions. */
  get heldBytes(): number {
    return this.halves[0].heldBytes + this.halves[1].heldBytes;
  }

  /** Both directions ended. */
  get closed(): boolean {
    return this.halves[0].ended && this.halves[1].ended;
  }

  directionOf(srcIp: string, srcPort: number): StreamDirection {
    const initiator = this.info.endpoints[0];
    return srcIp === initiator.ip && srcPort === initiator.port ? 0 : 1;
  }

  /**
   * Whether a SYN from `dir` opens a new connection on this 4-tuple (port reuse) rather than
   * belonging to this one: a SYN with another ISN than this side's, a SYN after a FIN or RST, or a
   * fresh SYN on a stream that was caught mid-connection. A repeated SYN is a retransmission.
   */
  isReusedBy(dir: StreamDirection, tcp: TcpHeaderFields): boolean {
    const half = this.halves[dir];
    if (half.sawSyn) return tcp.seq !== half.isn;
    if (this.closing) return true;
    return !this.info.sawSyn && (tcp.flags & TCP_ACK) === 0;
  }

  onPacket(dir: StreamDirection, tcp: TcpHeaderFields, payload: Uint8Array, frame: number, tsUs: number): void {
    this.lastFrame = frame;
    this.lastTsUs = tsUs;
    const flags = tcp.flags;
    if (flags & (TCP_FIN | TCP_RST)) this.closing = true;
    const own = this.halves[dir];
    const peer = this.halves[dir === 0 ? 1 : 0];
    if (this.stopped) {
      if (flags & TCP_SYN) own.onSyn(tcp.seq); // its ISN still tells a retransmitted SYN from port reuse
      if (flags & TCP_RST) this.markAllEnded();
      else if (flags & TCP_FIN) own.markEnded();
      return;
    }
    if (flags & TCP_ACK) {
      // A SYN/ACK tells exactly where the other side's data starts, even if its SYN was missed.
      if (flags & TCP_SYN && !peer.started) peer.startAt(tcp.ack, true);
      peer.onPeerAck(tcp.ack, frame, tsUs);
    }
    if (flags & TCP_RST) {
      // Data carried by a RST is a diagnostic, not stream bytes (RFC 9293 §3.5.3).
      this.flush('rst', frame, tsUs);
      return;
    }
    let seq = tcp.seq;
    if (flags & TCP_SYN) {
      own.onSyn(seq);
      seq = seqAdd(seq, 1);
    }
    if (payload.length > 0 || flags & TCP_FIN) own.onSegment(seq, payload, (flags & TCP_FIN) !== 0, frame, tsUs);
  }

  /** Delivers what is known of both directions (holes become gaps) and ends them. */
  flush(reason: 'rst' | 'idle' | 'eof', frame: number, tsUs: number): void {
    this.halves[0].flush(reason, frame, tsUs);
    this.halves[1].flush(reason, frame, tsUs);
    this.markAllEnded();
  }

  // HalfStreamSink: forward to the handler until it declines.

  data(dir: StreamDirection, bytes: Uint8Array, frame: number, tsUs: number): void {
    if (this.handler === null || this.stopped) return;
    if (this.handler.data(dir, bytes, frame, tsUs) === false) this.stop();
  }

  gap(dir: StreamDirection, lost: number, frame: number, tsUs: number): void {
    if (this.handler !== null && !this.stopped) this.handler.gap(dir, lost, frame, tsUs);
  }

  end(dir: StreamDirection, reason: 'fin' | 'rst' | 'idle' | 'eof', frame: number, tsUs: number): void {
    if (this.handler !== null && !this.stopped) this.handler.end(dir, reason, frame, tsUs);
  }

  note(dir: StreamDirection, kind: StreamNoteKind, frame: number): void {
    if (this.handler !== null && !this.stopped) this.handler.note?.(dir, kind, frame);
  }

  /** Closed for good: let the handler (and whatever it holds) go while the id lingers. */
  detach(): void {
    this.handler = null;
    this.stopped = true;
  }

  private stop(): void {
    this.stopped = true;
    for (const half of this.halves) {
      half.release();
      if (half.sawFin) half.markEnded();
    }
  }

  private markAllEnded(): void {
    this.halves[0].markEnded();
    this.halves[1].markEnded();
  }
}
