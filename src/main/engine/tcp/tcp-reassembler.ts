// TCP reassembly for the whole capture: finds each packet's connection (tcp.stream, numbered like
// Wireshark), creates its handler through the factory, and removes connections once closed (after
// a linger, so trailing ACKs keep their stream id), when idle, or at the end of input.
// Models: gopacket tcpassembly/reassembly (factory, idle flush, page caps), Zeek TCP_Reassembler.
//
// Direction 0 is the initiator: the sender of a SYN without ACK, the receiver of a SYN/ACK seen
// first, else the sender of the first packet seen. A SYN on a 4-tuple whose connection closed (or
// with another ISN) starts a new stream id; the superseded connection, if still open, ends 'idle'.

import type { DecodedPacket } from '../decode/decoded-packet';
import { TCP_ACK, TCP_SYN } from '../decode/decoded-packet';
import type { BudgetHolder, EvictableState, MemoryBudget } from '../memory-budget';
import type { StreamHandler, StreamInfo } from './stream-handler';
import { RecentConnections } from './recent-connections';
import { streamKey } from './stream-key';
import { TcpConnection } from './tcp-connection';

export interface TcpReassemblerOptions {
  /** Max bytes buffered out of order per direction before declaring a gap and skipping ahead (default 4 MiB). */
  maxBufferedBytes?: number;
  /** A stream idle this long (µs of capture time) is flushed (ends with 'idle') (default 10 min). */
  idleTimeoutUs?: number;
  /**
   * The analysis-wide memory budget: charged OPEN_CONNECTION_COST per open connection and the
   * bytes held out of order; open connections are what it may evict (ended as if idle).
   */
  budget?: MemoryBudget;
}

/**
 * What an open connection costs besides its held bytes, as measured with the MSNP analysis
 * behind it (about 6.5 KB a connection: scripts/bench/hostile-memory-bench.ts): the reassembly's
 * two directions, the stream router and the MSNP framers. An estimate, charged to the budget.
 */
export const OPEN_CONNECTION_COST = 6 * 1024;
/** What a closed connection costs while it lingers for stray packets (its handler is let go). */
export const LINGERING_CONNECTION_COST = 1024;

const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const DEFAULT_IDLE_TIMEOUT_US = 10 * 60 * 1_000_000;
/** How long a closed connection keeps its id for stray packets (Linux TIME_WAIT is 60 s). */
export const CLOSED_LINGER_US = 60 * 1_000_000;

export class TcpReassembler implements BudgetHolder {
  private readonly streams = new Map<string, TcpConnection>();
  private readonly recent = new RecentConnections();
  private readonly maxBufferedBytes: number;
  private readonly idleTimeoutUs: number;
  private readonly budget: MemoryBudget | null;
  private nextId = 0;
  private open = 0;

  constructor(
    private readonly factory: (info: StreamInfo) => StreamHandler | null,
    options: TcpReassemblerOptions = {},
  ) {
    this.maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    this.idleTimeoutUs = options.idleTimeoutUs ?? DEFAULT_IDLE_TIMEOUT_US;
    this.budget = options.budget ?? null;
    this.budget?.addHolder(this);
  }

  /** Streams not yet closed (by FIN on both sides, RST, idle flush, reuse or finish). */
  get activeStreams(): number {
    return this.open;
  }

  /**
   * Feed one TCP packet. Returns the tcp.stream id it belongs to (Wireshark-like numbering: new id
   * after a connection is fully closed and a new SYN reuses the 4-tuple); -1 for a non-TCP packet.
   */
  add(pkt: DecodedPacket, frame: number, tsUs: number): number {
    const tcp = pkt.tcp;
    if (tcp === null) return -1;
    let conn = this.recent.find(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort);
    if (conn === undefined) {
      conn = this.streams.get(streamKey(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort));
      if (conn !== undefined) this.recent.remember(conn);
    }
    if (conn !== undefined && tcp.flags & TCP_SYN && conn.isReusedBy(conn.directionOf(pkt.src, pkt.srcPort), tcp)) {
      this.retire(streamKey(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort), conn, 'idle');
      conn = undefined;
    }
    if (conn === undefined) {
      conn = this.openStream(streamKey(pkt.src, pkt.srcPort, pkt.dst, pkt.dstPort), pkt, frame, tsUs);
      this.recent.remember(conn);
    }
    const wasClosed = conn.closed;
    conn.onPacket(conn.directionOf(pkt.src, pkt.srcPort), tcp, pkt.payload, frame, tsUs);
    if (!wasClosed && conn.closed) {
      conn.closedTsUs = tsUs;
      conn.detach();
      this.closed();
      conn.lingering = true;
      this.budget?.charge(LINGERING_CONNECTION_COST);
    }
    return conn.info.id;
  }

  /** Flush streams idle since before nowUs - idleTimeout (call periodically with capture time). */
  flushIdle(nowUs: number): void {
    for (const [key, conn] of this.streams) {
      if (conn.closed) {
        if (conn.closedTsUs < nowUs - CLOSED_LINGER_US) this.remove(key, conn);
      } else if (conn.lastTsUs < nowUs - this.idleTimeoutUs) {
        this.retire(key, conn, 'idle');
      }
    }
  }

  /**
   * Open connections, each ended as if idle when evicted, and closed ones still lingering, then
   * forgotten (a stray packet of theirs starts a new stream) (BudgetHolder).
   */
  evictable(): EvictableState[] {
    const out: EvictableState[] = [];
    for (const [key, conn] of this.streams) {
      if (!conn.closed) out.push({ kind: 'connection', lastFrame: conn.lastFrame, evict: () => this.retire(key, conn, 'idle') });
      else if (conn.lingering) out.push({ kind: 'closed-connection', lastFrame: conn.lastFrame, evict: () => this.remove(key, conn) });
    }
    return out;
  }

  /** End of input: deliver what can be delivered (buffered data after a hole → gap then data), end all streams ('eof'). */
  finish(): void {
    for (const [key, conn] of this.streams) this.retire(key, conn, 'eof');
    this.streams.clear();
    this.recent.forgetAll();
  }

  private openStream(key: string, pkt: DecodedPacket, frame: number, tsUs: number): TcpConnection {
    const flags = pkt.tcp ? pkt.tcp.flags : 0;
    const src = { ip: pkt.src, port: pkt.srcPort };
    const dst = { ip: pkt.dst, port: pkt.dstPort };
    const synAck = (flags & (TCP_SYN | TCP_ACK)) === (TCP_SYN | TCP_ACK);
    const info: StreamInfo = {
      id: this.nextId++,
      endpoints: synAck ? [dst, src] : [src, dst],
      sawSyn: (flags & TCP_SYN) !== 0,
      firstFrame: frame,
      firstTsUs: tsUs,
    };
    const conn = new TcpConnection(info, this.factory(info), this.maxBufferedBytes, this.budget);
    this.streams.set(key, conn);
    this.open++;
    this.budget?.charge(OPEN_CONNECTION_COST);
    return conn;
  }

  private retire(key: string, conn: TcpConnection, reason: 'idle' | 'eof'): void {
    if (!conn.closed) {
      conn.flush(reason, conn.lastFrame, conn.lastTsUs);
      this.closed();
    }
    this.remove(key, conn);
  }

  private closed(): void {
    this.open--;
    this.budget?.release(OPEN_CONNECTION_COST);
  }

  private remove(key: string, conn: TcpConnection): void {
    if (conn.lingering) {
      conn.lingering = false;
      this.budget?.release(LINGERING_CONNECTION_COST);
    }
    this.streams.delete(key);
    this.recent.forget(conn);
  }
}
