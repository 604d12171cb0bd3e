// The MSNP commands of the capture in wire order, as the flow graph draws them: per command its
// frame, connection, direction, verb, colour kind, summary and the other command of its
// request/reply transaction. Recorded as frames are analysed (only frames that complete MSNP
// commands add anything), in chunked typed arrays plus the summary strings the packet table's
// Info is made of. Pairing follows the engine's transaction links: a reply the engine marks as a
// request's first reply (annotation.reply) is tied to the latest request with its TrID on its
// connection — the engine's own key (transactions.ts).

import type { FlowArrowKind } from '../../../shared/flow-graph';
import type { FrameCommand } from '../../engine/frame-summary';
import { StringTable } from '../string-table';

export const FLOW_KINDS: readonly FlowArrowKind[] = ['msnp', 'chat', 'presence', 'p2p', 'error', 'tcp', 'other'];
const KIND_ID = new Map(FLOW_KINDS.map((k, i) => [k, i]));

const CHUNK_BITS = 14;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;
/** Requests awaiting their reply, per connection (as the engine's tracker keeps them). */
const MAX_OPEN_PER_CONNECTION = 512;

class Chunk {
  readonly frame = new Int32Array(CHUNK_SIZE);
  readonly connection = new Int32Array(CHUNK_SIZE);
  readonly pair = new Int32Array(CHUNK_SIZE);
  readonly verb = new Uint16Array(CHUNK_SIZE);
  readonly direction = new Uint8Array(CHUNK_SIZE);
  readonly kind = new Uint8Array(CHUNK_SIZE);
}

export class FlowCommandLog {
  private readonly chunks: Chunk[] = [];
  private readonly summaries: string[] = [];
  private readonly verbs = new StringTable();
  private readonly open = new Map<number, Map<number, number>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The commands frame `frame` completed, in order. */
  add(frame: number, commands: readonly FrameCommand[]): void {
    for (const cmd of commands) this.addOne(frame, cmd);
  }

  private addOne(frame: number, cmd: FrameCommand): void {
    const i = this.count++;
    const j = i & CHUNK_MASK;
    if (j === 0) this.chunks.push(new Chunk());
    const c = this.chunks[i >>> CHUNK_BITS];
    c.frame[j] = frame;
    c.connection[j] = cmd.connection;
    c.pair[j] = -1;
    c.verb[j] = Math.min(this.verbs.id(cmd.verb), 0xffff);
    c.direction[j] = cmd.direction === 'c2s' ? 0 : 1;
    c.kind[j] = KIND_ID.get(cmd.annotation.kind) ?? 0;
    this.summaries.push(cmd.annotation.summary);
    if (cmd.trid === null) return;
    if (cmd.direction === 'c2s') this.remember(cmd.connection, cmd.trid, i);
    else if (cmd.annotation.reply) {
      const waiting = this.open.get(cmd.connection);
      const request = waiting?.get(cmd.trid);
      if (request === undefined) return;
      waiting!.delete(cmd.trid);
      c.pair[j] = request;
      this.chunk(request).pair[request & CHUNK_MASK] = i;
    }
  }

  private remember(connection: number, trid: number, index: number): void {
    let waiting = this.open.get(connection);
    if (!waiting) this.open.set(connection, (waiting = new Map()));
    waiting.delete(trid);
    waiting.set(trid, index);
    if (waiting.size > MAX_OPEN_PER_CONNECTION) waiting.delete(waiting.keys().next().value as number);
  }

  private chunk(index: number): Chunk {
    return this.chunks[index >>> CHUNK_BITS];
  }

  // ---- Column reads by command index ----

  frame(index: number): number {
    return this.chunk(index).frame[index & CHUNK_MASK];
  }
  connection(index: number): number {
    return this.chunk(index).connection[index & CHUNK_MASK];
  }
  /** True when the command went from the client to the server. */
  fromClient(index: number): boolean {
    return this.chunk(index).direction[index & CHUNK_MASK] === 0;
  }
  verb(index: number): string {
    return this.verbs.text(this.chunk(index).verb[index & CHUNK_MASK]);
  }
  kind(index: number): FlowArrowKind {
    return FLOW_KINDS[this.chunk(index).kind[index & CHUNK_MASK]];
  }
  summary(index: number): string {
    return this.summaries[index] ?? '';
  }
  /** The other command of its transaction, or −1. */
  pair(index: number): number {
    return this.chunk(index).pair[index & CHUNK_MASK];
  }
}
