// Statistics → Protocol Hierarchy (tshark -qz io,phs): frames and bytes (frame.len) of every
// chain of layers, a frame counted once in each layer it contains: link → IP → TCP/UDP → what the
// back end's packet table says the payload is (HTTP, TLS, P2P, MSNP, MSNP by connection role).

import { FrameLayer, type FrameFields } from '../../../shared/display-filter/frame-fields';
import type { ConnectionRecord } from '../../../shared/model';
import type { StatsTable } from '../../../shared/statistics';
import type { PacketTable } from '../packet-table';

const ROLE_NAMES: Record<ConnectionRecord['role'], string> = {
  dispatch: 'Dispatch server', notification: 'Notification server', switchboard: 'Switchboard', peer: 'Peer', unknown: 'Unknown role',
};

interface Node {
  frames: number;
  bytes: number;
  children: Map<string, Node>;
}

const node = (): Node => ({ frames: 0, bytes: 0, children: new Map() });

/** The chain of layer names of one frame, outermost first. */
function layerPath(f: FrameFields, linkType: number, role: string | null): string[] {
  const layers = f.layers ?? 0;
  const path = [layers & FrameLayer.Eth ? 'Ethernet' : `Link type ${linkType}`];
  if (layers & FrameLayer.Ipv4) path.push('IPv4');
  else if (layers & FrameLayer.Ipv6) path.push('IPv6');
  if (layers & FrameLayer.Tcp) path.push('TCP');
  else if (layers & FrameLayer.Udp) path.push('UDP');
  if (layers & FrameLayer.Tls) path.push('TLS');
  if (layers & FrameLayer.Http) path.push('HTTP');
  // MSNP before P2P: a P2P message inside MSNP is a layer of it; a direct P2P connection has no MSNP.
  if (f.msnp) path.push('MSNP', role ?? ROLE_NAMES.unknown);
  if (layers & FrameLayer.P2p) path.push('P2P');
  return path;
}

export function protocolHierarchy(table: PacketTable, connections: readonly ConnectionRecord[]): StatsTable[] {
  const roles = new Map(connections.map((c) => [c.id, ROLE_NAMES[c.role]]));
  const root = node();
  const fields = {} as FrameFields;
  for (let i = 0; i < table.size; i++) {
    table.fields(i, fields);
    const length = table.length(i);
    let at = root;
    for (const name of layerPath(fields, table.linkType(i), roles.get(table.connection(i)) ?? null)) {
      let next = at.children.get(name);
      if (!next) at.children.set(name, (next = node()));
      next.frames++;
      next.bytes += length;
      at = next;
    }
  }
  const totalFrames = table.size || 1;
  let totalBytes = 0;
  for (const n of root.children.values()) totalBytes += n.bytes;
  const rows: StatsTable['rows'] = [];
  const walk = (n: Node, depth: number) => {
    for (const [name, child] of n.children) {
      rows.push([`${'  '.repeat(depth)}${name}`, child.frames, pct(child.frames, totalFrames), child.bytes, pct(child.bytes, totalBytes || 1)]);
      walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return [{
    title: 'Protocol hierarchy',
    columns: [{ label: 'Protocol' }, { label: 'Frames', format: 'integer' }, { label: 'Frames (%)', format: 'decimal', digits: 2 }, { label: 'Bytes', format: 'integer' }, { label: 'Bytes (%)', format: 'decimal', digits: 2 }],
    rows,
  }];
}

const pct = (n: number, total: number) => Number(((100 * n) / total).toFixed(2));
