// Statistics → Endpoints, hosts (tshark -qz endpoints,ip / endpoints,tcp): per IP address, and per
// TCP address and port, the packets and bytes (frame.len) it sent (Tx) and received (Rx). As in
// tshark, a frame counts once for its source and once for its destination, so a loopback host that
// talks to itself has Packets = Tx + Rx = twice the frames. Rows by packets, most first; each
// offers "filter on this" (ip.addr == A, or ip.addr == A && tcp.port == P).

import type { StatsTable } from '../../../shared/statistics';
import type { PacketTable } from '../packet-table';

/** Rows listed at most per table (a flood of hosts or ports must not become megabytes). */
export const MAX_ENDPOINT_ROWS = 5000;

const TCP = 6;

interface Tally {
  addr: number;
  port: number;
  txFrames: number;
  txBytes: number;
  rxFrames: number;
  rxBytes: number;
}

class EndpointTally {
  private readonly byKey = new Map<number, Tally>();

  add(addr: number, port: number, tx: boolean, bytes: number): void {
    // Address ids are interned 32-bit numbers and ports 16 bits: one exact numeric key.
    const key = addr * 65536 + port;
    let t = this.byKey.get(key);
    if (!t) {
      t = { addr, port, txFrames: 0, txBytes: 0, rxFrames: 0, rxBytes: 0 };
      this.byKey.set(key, t);
    }
    if (tx) {
      t.txFrames++;
      t.txBytes += bytes;
    } else {
      t.rxFrames++;
      t.rxBytes += bytes;
    }
  }

  /** Most packets first; ties by address text, then port. */
  sorted(addressText: (id: number) => string): Tally[] {
    return [...this.byKey.values()].sort((a, b) => {
      const byPackets = b.txFrames + b.rxFrames - (a.txFrames + a.rxFrames);
      if (byPackets) return byPackets;
      const x = addressText(a.addr);
      const y = addressText(b.addr);
      return x < y ? -1 : x > y ? 1 : a.port - b.port;
    });
  }
}

const COUNT_COLUMNS = [
  { label: 'Packets', format: 'integer' }, { label: 'Bytes', format: 'integer' },
  { label: 'Tx packets', format: 'integer' }, { label: 'Tx bytes', format: 'integer' },
  { label: 'Rx packets', format: 'integer' }, { label: 'Rx bytes', format: 'integer' },
] as const;

const counts = (t: Tally) => [t.txFrames + t.rxFrames, t.txBytes + t.rxBytes, t.txFrames, t.txBytes, t.rxFrames, t.rxBytes];

function limited(title: string, all: Tally[], noun: string): { list: Tally[]; note?: string } {
  const list = all.slice(0, MAX_ENDPOINT_ROWS);
  return all.length > list.length ? { list, note: `${title}: the ${list.length} with the most packets of ${all.length} ${noun}` } : { list };
}

export function hostEndpoints(table: PacketTable): StatsTable[] {
  const hosts = new EndpointTally();
  const tcp = new EndpointTally();
  for (let i = 0; i < table.size; i++) {
    const protocol = table.ipProtocol(i);
    if (protocol < 0) continue;
    const src = table.sourceId(i);
    const dst = table.destinationId(i);
    const bytes = table.length(i);
    hosts.add(src, 0, true, bytes);
    hosts.add(dst, 0, false, bytes);
    if (protocol !== TCP) continue;
    tcp.add(src, table.sourcePort(i), true, bytes);
    tcp.add(dst, table.destinationPort(i), false, bytes);
  }
  const text = (id: number) => table.addresses.text(id);
  const ip = limited('IP endpoints', hosts.sorted(text), 'hosts');
  const tcpRows = limited('TCP endpoints', tcp.sorted(text), 'address and port pairs');
  return [
    {
      title: 'IP endpoints',
      columns: [{ label: 'Address' }, ...COUNT_COLUMNS],
      rows: ip.list.map((t) => [text(t.addr), ...counts(t)]),
      rowFilters: ip.list.map((t) => `ip.addr == ${text(t.addr)}`),
      ...(ip.note ? { note: ip.note } : {}),
    },
    {
      title: 'TCP endpoints',
      columns: [{ label: 'Address' }, { label: 'Port', format: 'id' }, ...COUNT_COLUMNS],
      rows: tcpRows.list.map((t) => [text(t.addr), t.port, ...counts(t)]),
      rowFilters: tcpRows.list.map((t) => `ip.addr == ${text(t.addr)} && tcp.port == ${t.port}`),
      ...(tcpRows.note ? { note: tcpRows.note } : {}),
    },
  ];
}
