// What the browser-mode server has for one WebSocket client, bounded: messages go straight out
// while the socket's own buffer (ws bufferedAmount: not yet handed to the kernel) is below a
// high-water mark; beyond it they wait here, and state events are coalesced while they wait
// (only the newest packet-list counts and progress, result increments merged into one), so a
// client that reads slowly gets fewer, fuller messages. Responses and other events are never
// dropped. A client whose backlog (socket buffer + waiting here) passes `maxBehindBytes` is closed
// with 1008 and the reason, instead of the server holding its traffic without end.

import type { ResultDelta } from '../../shared/result-delta';
import { mergeResultDeltas } from '../../shared/merge-result-deltas';
import { encodeWsMessage, type ServerMessage } from '../../shared/ws-protocol';

/** The part of a `ws` WebSocket the outbox uses. */
export interface OutboxSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string, done: (err?: Error) => void): void;
  close(code: number, reason: string): void;
}

export interface OutboxLimits {
  /** Above this many bytes in the socket's buffer, messages wait (and coalesce) here. */
  highWaterBytes: number;
  /** Socket buffer + waiting messages beyond this: the client is closed with 1008. */
  maxBehindBytes: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { highWaterBytes: 1 << 20, maxBehindBytes: 32 << 20 };

/** RFC 6455 "policy violation": the closest code for "you did not keep up". */
export const TOO_SLOW_CODE = 1008;

const OPEN = 1;
/** Events where only the newest value matters (the counts and progress are totals, not increments). */
const LATEST_ONLY = new Set(['frames:count', 'analysis:progress']);

interface Waiting {
  message: ServerMessage;
  /** The encoded message; null for a merged increment, encoded when it goes out. */
  text: string | null;
  /** Encoded length; for merged increments the sum of what was merged (an upper bound). */
  bytes: number;
}

export class ClientOutbox {
  private waiting: Waiting[] = [];
  private waitingBytes = 0;
  private closed = false;
  /** Sends whose callback has not run yet: each one's callback drains what waits. */
  private inFlight = 0;

  constructor(private readonly socket: OutboxSocket, private readonly limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS) {}

  /** Bytes waiting here (not yet given to the socket). */
  get backlog(): number {
    return this.waitingBytes;
  }

  send(message: ServerMessage): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    // With nothing in flight no callback would come to drain it: send (the socket buffers it).
    if (this.waiting.length === 0 && (this.inFlight === 0 || this.socket.bufferedAmount < this.limits.highWaterBytes)) {
      this.write(encodeWsMessage(message));
      return;
    }
    this.hold(message);
    if (this.socket.bufferedAmount + this.waitingBytes > this.limits.maxBehindBytes) {
      this.closed = true;
      this.waiting = [];
      this.waitingBytes = 0;
      this.socket.close(TOO_SLOW_CODE, `client too slow: over ${this.limits.maxBehindBytes} bytes of messages waiting`);
    }
  }

  private write(text: string): void {
    this.inFlight++;
    this.socket.send(text, () => {
      this.inFlight--;
      this.drain();
    });
  }

  /** Sends what waits while the socket's buffer stays under the high-water mark. */
  private drain(): void {
    while (this.waiting.length > 0 && !this.closed && this.socket.readyState === OPEN && this.socket.bufferedAmount < this.limits.highWaterBytes) {
      const next = this.waiting.shift()!;
      this.waitingBytes -= next.bytes;
      this.write(next.text ?? encodeWsMessage(next.message));
    }
  }

  private hold(message: ServerMessage): void {
    const text = encodeWsMessage(message);
    const bytes = text.length;
    const earlier = message.type === 'event' ? this.coalescible(message.channel) : -1;
    if (earlier < 0) {
      this.waiting.push({ message, text, bytes });
      this.waitingBytes += bytes;
      return;
    }
    // The merged message moves to the end: it is only delayed, never delivered before anything it follows.
    const [previous] = this.waiting.splice(earlier, 1);
    this.waitingBytes -= previous.bytes;
    const merged = message.type === 'event' && message.channel === 'analysis:result' ? mergeResults(previous, message, bytes) : { message, text, bytes };
    this.waiting.push(merged);
    this.waitingBytes += merged.bytes;
  }

  /** Index of a waiting event of `channel` that a new one may replace or merge into, or −1 (never across a reset). */
  private coalescible(channel: string): number {
    if (!LATEST_ONLY.has(channel) && channel !== 'analysis:result') return -1;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const m = this.waiting[i].message;
      if (m.type !== 'event') continue;
      if (m.channel === 'analysis:reset') return -1;
      if (m.channel === channel) return i;
    }
    return -1;
  }
}

type ResultPayload = { delta: ResultDelta; final: boolean };

function mergeResults(previous: Waiting, next: ServerMessage & { type: 'event' }, bytes: number): Waiting {
  const earlier = (previous.message as ServerMessage & { type: 'event' }).payload as ResultPayload;
  const later = next.payload as ResultPayload;
  return {
    message: { type: 'event', channel: 'analysis:result', payload: { delta: mergeResultDeltas(earlier.delta, later.delta), final: later.final } },
    text: null,
    bytes: previous.bytes + bytes,
  };
}
