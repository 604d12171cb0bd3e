// Turns libpcap's device list into the InterfaceInfo rows the UI shows: which interfaces are up,
// which is loopback, and which one carries the default route (the interface preselected when
// the user has not chosen one before; remembering a choice is the UI's job).

import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { InterfaceInfo } from '../../shared/ipc-contract';
import type { CapDevice } from './cap-binding';

const IFF_UP = 0x1;

/**
 * Interface of the IPv4 default route from /proc/net/route (columns: Iface Destination Gateway
 * Flags … Mask, hex); falls back to the IPv6 table (/proc/net/ipv6_route: dest, prefix len, …, iface).
 */
export function defaultRouteInterface(route: string | null, ipv6Route: string | null): string | null {
  let best: { name: string; metric: number } | null = null;
  for (const line of (route ?? '').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8 || f[1] !== '00000000' || f[7] !== '00000000') continue;
    const metric = Number.parseInt(f[6], 10) || 0;
    if (!best || metric < best.metric) best = { name: f[0], metric };
  }
  if (best) return best.name;
  for (const line of (ipv6Route ?? '').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length >= 10 && /^0{32}$/.test(f[0]) && f[1] === '00' && f[9] !== 'lo') return f[9];
  }
  return null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** IFF_UP from /sys/class/net/<name>/flags on Linux; null where that is not available. */
function linuxUpFlag(name: string): boolean | null {
  if (process.platform !== 'linux' || name.includes('/')) return null;
  const flags = readOrNull(`/sys/class/net/${name}/flags`);
  return flags === null ? null : (Number.parseInt(flags.trim(), 16) & IFF_UP) !== 0;
}

export function describeInterfaces(devices: CapDevice[]): InterfaceInfo[] {
  const osInterfaces = networkInterfaces();
  const rows: InterfaceInfo[] = devices.map((d) => {
    const addresses = d.addresses.map((a) => a.addr).filter((a): a is string => !!a);
    // 'any' is libpcap's pseudo-device over all interfaces: always there.
    const up = d.name === 'any' || (linuxUpFlag(d.name) ?? (addresses.length > 0 || d.name in osInterfaces));
    return {
      name: d.name,
      description: d.description ?? '',
      addresses,
      loopback: d.flags === 'PCAP_IF_LOOPBACK' || /^lo\d*$/.test(d.name),
      up,
      isDefault: false,
    };
  });
  const routed = process.platform === 'linux'
    ? defaultRouteInterface(readOrNull('/proc/net/route'), readOrNull('/proc/net/ipv6_route'))
    : null;
  const chosen = rows.find((r) => r.name === routed)
    ?? rows.find((r) => r.up && !r.loopback && r.addresses.length > 0);
  if (chosen) chosen.isDefault = true;
  return rows;
}
