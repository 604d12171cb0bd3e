// Routes one reassembled TCP stream to the analyser for what it carries. Until the stream is
// classified, the first bytes of each direction are held (copied, bounded) and replayed to the
// chosen consumer, so no command is lost to the decision.

import type { Direction } from '../../shared/model';
import type { StreamDirection, StreamHandler, StreamInfo, StreamNoteKind } from './tcp/stream-handler';
import { CLASSIFY_LIMIT, classifyByContent, type StreamKind } from './stream-classifier';

/** What a classified stream's bytes go to; directions are already client/server. */
export interface StreamConsumer {
  data(direction: Direction, bytes: Uint8Array, frame: number, tsUs: number): void;
  gap(direction: Direction, lost: number, frame: number, tsUs: number): void;
  end(direction: Direction, frame: number, tsUs: number): void;
  note?(direction: Direction, kind: StreamNoteKind, frame: number): void;
}

export interface RouterContext {
  /** Kind decided from ports alone, or null to decide by content. */
  portKind: StreamKind | null;
  heuristics: boolean;
  msnpPorts: ReadonlySet<number>;
  /** Create the consumer once the kind is known (also 'other'); null means "not ours". */
  open(kind: StreamKind, info: StreamInfo, clientDir: StreamDirection): StreamConsumer | null;
}

interface HeldChunk {
  dir: StreamDirection;
  bytes: Uint8Array;
  frame: number;
  tsUs: number;
}

/**
 * Which direction is the client's: the SYN sender when the handshake was seen; otherwise the side
 * not on a well-known MSNP port; otherwise the side with the higher port (servers listen low).
 */
export function clientDirection(info: StreamInfo, msnpPorts: ReadonlySet<number>): StreamDirection {
  if (info.sawSyn) return 0;
  const [a, b] = info.endpoints;
  if (msnpPorts.has(b.port) && !msnpPorts.has(a.port)) return 0;
  if (msnpPorts.has(a.port) && !msnpPorts.has(b.port)) return 1;
  return a.port >= b.port ? 0 : 1;
}

export class TcpStreamRouter implements StreamHandler {
  private consumer: StreamConsumer | null = null;
  private decided = false;
  private held: HeldChunk[] = [];
  private heldBytes: [number, number] = [0, 0];
  private clientDir: StreamDirection;

  constructor(private readonly info: StreamInfo, private readonly ctx: RouterContext) {
    this.clientDir = clientDirection(info, ctx.msnpPorts);
    if (ctx.portKind) this.decide(ctx.portKind);
  }

  private direction(dir: StreamDirection): Direction {
    return dir === this.clientDir ? 'c2s' : 's2c';
  }

  private decide(kind: StreamKind): void {
    this.decided = true;
    // Asked for 'other' too: the pipeline learns that the stream is not one it analyses.
    this.consumer = this.ctx.open(kind, this.info, this.clientDir);
    const held = this.held;
    this.held = [];
    if (!this.consumer) return;
    for (const h of held) this.consumer.data(this.direction(h.dir), h.bytes, h.frame, h.tsUs);
  }

  data(dir: StreamDirection, bytes: Uint8Array, frame: number, tsUs: number): boolean {
    if (!this.decided) {
      this.held.push({ dir, bytes: bytes.slice(), frame, tsUs });
      this.heldBytes[dir] += bytes.length;
      const first = this.firstBytes(dir);
      let verdict = classifyByContent(first, dir === 0, this.ctx.heuristics);
      if (verdict === 'need-more' && this.heldBytes[0] + this.heldBytes[1] >= 2 * CLASSIFY_LIMIT) verdict = 'other';
      if (verdict === 'need-more') return true;
      // Who speaks first, and how, is the surest sign of who the client is when no SYN said so
      // (the port guess fails for a server on a high port and a client on a low one).
      if (!this.info.sawSyn && verdict === 'msnp' && this.held.every((h) => h.dir === dir)) {
        if (dir !== this.clientDir && looksLikeClientLine(first)) this.clientDir = dir;
        else if (dir === this.clientDir && looksLikeServerLine(first)) this.clientDir = dir === 0 ? 1 : 0;
      }
      // Decided within this call: the current chunk is replayed as the caller's view, not the copy,
      // so what it completes can still be located in the frame's bytes (byte ranges in the tree).
      this.held[this.held.length - 1].bytes = bytes;
      this.decide(verdict);
      return this.consumer !== null;
    }
    if (!this.consumer) return false;
    this.consumer.data(this.direction(dir), bytes, frame, tsUs);
    return true;
  }

  gap(dir: StreamDirection, lost: number, frame: number, tsUs: number): void {
    if (!this.decided) {
      // Cannot classify across a hole: give the held bytes a last chance, else drop the stream.
      this.decide(this.held.length ? classifyOrOther(this.firstBytes(dir), dir === 0, this.ctx.heuristics) : 'other');
    }
    this.consumer?.gap(this.direction(dir), lost, frame, tsUs);
  }

  end(dir: StreamDirection, _reason: 'fin' | 'rst' | 'idle' | 'eof', frame: number, tsUs: number): void {
    if (!this.decided && this.held.length) this.decide(classifyOrOther(this.firstBytes(dir), dir === 0, this.ctx.heuristics));
    this.consumer?.end(this.direction(dir), frame, tsUs);
  }

  note(dir: StreamDirection, kind: StreamNoteKind, frame: number): void {
    this.consumer?.note?.(this.direction(dir), kind, frame);
  }

  private firstBytes(dir: StreamDirection): Uint8Array {
    const parts = this.held.filter((h) => h.dir === dir);
    if (parts.length === 1) return parts[0].bytes;
    const out = new Uint8Array(parts.reduce((n, p) => n + p.bytes.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p.bytes, o);
      o += p.bytes.length;
    }
    return out;
  }
}

function classifyOrOther(first: Uint8Array, fromInitiator: boolean, heuristics: boolean): StreamKind {
  const v = classifyByContent(first, fromInitiator, heuristics);
  return v === 'need-more' ? 'other' : v;
}

/** Lines only a client sends first: VER/USR/ANS/CVR/INF, or `MSG n U|N|A|D len`. */
function looksLikeClientLine(first: Uint8Array): boolean {
  const head = String.fromCharCode(...first.subarray(0, 24));
  return /^(VER|USR|ANS|CVR|INF|CAL) \d+ /.test(head) || /^MSG \d+ [UNAD] \d+/.test(head);
}

/** Lines only a server sends: `MSG account nick len`, and asynchronous server commands. */
function looksLikeServerLine(first: Uint8Array): boolean {
  const line = String.fromCharCode(...first.subarray(0, 256)).split('\n')[0];
  return /^MSG (\S+@\S+|Hotmail) \S+ \d+\r?$/.test(line) || /^(JOI|RNG|NLN|FLN|BYE|CHL|NOT|UBX|IPG|NFY) /.test(line);
}
