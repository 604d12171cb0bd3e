// Statistics → Conversations (tshark -qz conv,tcp): one row per TCP connection (tcp.stream), A
// being the sender of its first frame; packets and bytes (frame.len) each way, start relative to
// the capture's first frame, duration, bits/s each way, and what the connection carries — an MSNP
// connection by its role, the HTTP gateway, direct P2P, MSNFTP, or other traffic. Each row offers
// the display filter `tcp.stream == N`.

import type { ConnectionRecord } from '../../../shared/model';
import type { StatsTable } from '../../../shared/statistics';
import type { PacketTable } from '../packet-table';

interface Conversation {
  stream: number;
  addrA: number;
  portA: number;
  addrB: number;
  portB: number;
  framesAB: number;
  bytesAB: number;
  framesBA: number;
  bytesBA: number;
  firstUs: number;
  lastUs: number;
  connection: number;
  protocols: Set<number>;
}

const ROLE_KINDS: Record<ConnectionRecord['role'], string> = {
  dispatch: 'MSNP dispatch', notification: 'MSNP NS', switchboard: 'MSNP SB', peer: 'MSNP peer', unknown: 'MSNP',
};

function kindOf(c: Conversation, protocolName: (id: number) => string, connections: Map<number, ConnectionRecord>): string {
  const names = new Set([...c.protocols].map(protocolName));
  if (names.has('MSNFTP')) return 'MSNFTP';
  if (names.has('MSNP2P')) return 'direct P2P';
  const connection = connections.get(c.connection);
  if (connection?.transport === 'http-gateway') return 'HTTP gateway';
  if (connection) return ROLE_KINDS[connection.role];
  if (names.has('HTTP')) return 'HTTP';
  if ([...names].some((n) => /^(TLS|SSL)v/.test(n))) return 'TLS';
  return 'other';
}

function collect(table: PacketTable): Conversation[] {
  const byStream = new Map<number, Conversation>();
  for (let i = 0; i < table.size; i++) {
    const stream = table.stream(i);
    if (stream < 0) continue;
    const addr = table.sourceId(i);
    const port = table.sourcePort(i);
    const t = table.timeUs(i);
    const length = table.length(i);
    let c = byStream.get(stream);
    if (!c) {
      c = { stream, addrA: addr, portA: port, addrB: table.destinationId(i), portB: table.destinationPort(i), framesAB: 0, bytesAB: 0, framesBA: 0, bytesBA: 0, firstUs: t, lastUs: t, connection: -1, protocols: new Set() };
      byStream.set(stream, c);
    }
    if (addr === c.addrA && port === c.portA) {
      c.framesAB++;
      c.bytesAB += length;
    } else {
      c.framesBA++;
      c.bytesBA += length;
    }
    c.firstUs = Math.min(c.firstUs, t);
    c.lastUs = Math.max(c.lastUs, t);
    if (c.connection < 0) c.connection = table.connection(i);
    c.protocols.add(table.protocolId(i));
  }
  return [...byStream.values()].sort((a, b) => a.stream - b.stream);
}

/**
 * Rows listed at most: a flood of connections (captures are attacker-controlled) must not turn
 * one answer into megabytes, nor the window's table into hundreds of thousands of cells.
 */
export const MAX_CONVERSATION_ROWS = 5000;

const seconds = (us: number) => Number((us / 1e6).toFixed(6));
const bitsPerSecond = (bytes: number, durationUs: number) => (durationUs > 0 ? Math.round((bytes * 8 * 1e6) / durationUs) : null);

export function tcpConversations(table: PacketTable, connections: readonly ConnectionRecord[]): StatsTable[] {
  const byId = new Map(connections.map((c) => [c.id, c]));
  const captureStart = table.size ? table.timeUs(0) : 0;
  const protocolName = (id: number) => table.protocols.text(id);
  const all = collect(table);
  const list = all.slice(0, MAX_CONVERSATION_ROWS);
  return [{
    title: 'TCP conversations',
    columns: [
      { label: 'Stream', format: 'id' }, { label: 'Kind' }, { label: 'Address A' }, { label: 'Port A', format: 'id' },
      { label: 'Address B' }, { label: 'Port B', format: 'id' },
      { label: 'Packets A→B', format: 'integer' }, { label: 'Bytes A→B', format: 'integer' },
      { label: 'Packets B→A', format: 'integer' }, { label: 'Bytes B→A', format: 'integer' },
      { label: 'Packets', format: 'integer' }, { label: 'Bytes', format: 'integer' },
      { label: 'Rel start (s)', format: 'decimal', digits: 6 }, { label: 'Duration (s)', format: 'decimal', digits: 6 },
      { label: 'Bits/s A→B', format: 'integer' }, { label: 'Bits/s B→A', format: 'integer' },
    ],
    rows: list.map((c) => {
      const duration = c.lastUs - c.firstUs;
      return [
        c.stream, kindOf(c, protocolName, byId), table.addresses.text(c.addrA), c.portA, table.addresses.text(c.addrB), c.portB,
        c.framesAB, c.bytesAB, c.framesBA, c.bytesBA, c.framesAB + c.framesBA, c.bytesAB + c.bytesBA,
        seconds(c.firstUs - captureStart), seconds(duration), bitsPerSecond(c.bytesAB, duration), bitsPerSecond(c.bytesBA, duration),
      ];
    }),
    rowFilters: list.map((c) => `tcp.stream == ${c.stream}`),
    ...(all.length > list.length ? { note: `The first ${list.length} of ${all.length} conversations (by stream number)` } : {}),
  }];
}
