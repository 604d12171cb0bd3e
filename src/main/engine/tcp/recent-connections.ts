// A small direct-mapped cache in front of the reassembler's stream map: the connection last seen
// in each slot (chosen by the two ports), checked against the packet's endpoints. A hit finds
// the connection without building the 4-tuple's string key and hashing it, which on a busy
// capture costs more than the rest of a packet's bookkeeping. A connection that leaves the stream
// map leaves the cache too, so a hit always names what the map itself would return.

import type { TcpConnection } from './tcp-connection';

const SLOTS = 1024;

function slotOf(portA: number, portB: number): number {
  // Symmetric, so both directions of a connection share a slot.
  return (portA ^ portB) & (SLOTS - 1);
}

export class RecentConnections {
  private readonly slots: Array<TcpConnection | null> = new Array<TcpConnection | null>(SLOTS).fill(null);

  /** The remembered connection of this 4-tuple (either direction), or undefined. */
  find(srcIp: string, srcPort: number, dstIp: string, dstPort: number): TcpConnection | undefined {
    const conn = this.slots[slotOf(srcPort, dstPort)];
    if (conn === null) return undefined;
    const [a, b] = conn.info.endpoints;
    if (a.port === srcPort && b.port === dstPort && a.ip === srcIp && b.ip === dstIp) return conn;
    if (a.port === dstPort && b.port === srcPort && a.ip === dstIp && b.ip === srcIp) return conn;
    return undefined;
  }

  remember(conn: TcpConnection): void {
    const [a, b] = conn.info.endpoints;
    this.slots[slotOf(a.port, b.port)] = conn;
  }

  /** Call whenever a connection leaves the stream map. */
  forget(conn: TcpConnection): void {
    const [a, b] = conn.info.endpoints;
    const slot = slotOf(a.port, b.port);
    if (this.slots[slot] === conn) this.slots[slot] = null;
  }

  forgetAll(): void {
    this.slots.fill(null);
  }
}
