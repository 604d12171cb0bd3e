// IP addresses for the display filter: parses IPv4/IPv6 text (and CIDR prefixes) into 16-bit
// groups, so that `ip.addr == ::1`, `ip.addr == 0:0::1` and `ip.src == 10.0.0.0/8` compare by
// value rather than by spelling.

export interface IpAddress {
  /** IPv4: 2 groups; IPv6: 8 groups (16 bits each). */
  groups: number[];
}

export interface IpPrefix extends IpAddress {
  /** Number of leading bits that must match (32 or 128 for a plain address). */
  bits: number;
}

function parseIpv4Groups(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  return [(bytes[0] << 8) | bytes[1], (bytes[2] << 8) | bytes[3]];
}

function parseHexGroups(part: string): number[] | null {
  if (part === '') return [];
  const out: number[] = [];
  for (const g of part.split(':')) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

function parseIpv6Groups(text: string): number[] | null {
  const zone = text.indexOf('%');
  let body = zone >= 0 ? text.slice(0, zone) : text;
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes the last two groups.
  let tail: number[] = [];
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.', lastColon)) {
    const v4 = parseIpv4Groups(body.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    const prefix = body.slice(0, lastColon + 1);
    body = prefix.endsWith('::') ? prefix : body.slice(0, lastColon);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const head = parseHexGroups(halves[0]);
  const rest = halves.length === 2 ? parseHexGroups(halves[1]) : [];
  if (!head || !rest) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1) return known === 8 ? [...head, ...tail] : null;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

export function parseIpAddress(text: string): IpAddress | null {
  const groups = text.includes(':') ? parseIpv6Groups(text) : parseIpv4Groups(text);
  return groups ? { groups } : null;
}

/** An address or a CIDR prefix such as 10.0.0.0/8 or fe80::/10. */
export function parseIpPrefix(text: string): IpPrefix | null {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash >= 0 ? text.slice(0, slash) : text);
  if (!address) return null;
  const maxBits = address.groups.length * 16;
  if (slash < 0) return { ...address, bits: maxBits };
  const bitsText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > maxBits) return null;
  return { ...address, bits: Number(bitsText) };
}

/** -1, 0 or 1 over the first `bits` bits; addresses of different families are unordered (NaN). */
export function compareAddresses(a: IpAddress, b: IpAddress, bits = a.groups.length * 16): number {
  if (a.groups.length !== b.groups.length) return NaN;
  for (let i = 0; i < a.groups.length && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    const x = a.groups[i] & mask;
    const y = b.groups[i] & mask;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Parses a frame's address text, remembering recent ones (the same few addresses recur). */
export class AddressCache {
  private readonly cache = new Map<string, IpAddress | null>();

  get(text: string): IpAddress | null {
    let hit = this.cache.get(text);
    if (hit === undefined) {
      if (this.cache.size >= 4096) this.cache.clear();
      hit = parseIpAddress(text);
      this.cache.set(text, hit);
    }
    return hit;
  }
}
