// Text forms of IP addresses: dotted-quad IPv4 and RFC 5952 IPv6 (lower case, longest zero run
// compressed, IPv4-mapped as ::ffff:a.b.c.d).
// IPv4 formatting runs for every packet, and captures hold few distinct addresses: a Map keyed by
// the address as a signed 32-bit integer returns the interned string (about 5× cheaper than
// building it), bounded by clearing when full.

const DECIMAL: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));
const IPV4_CACHE_LIMIT = 8192;
const ipv4Cache = new Map<number, string>();

/** IPv4 address at data[offset..offset+4); the caller checked the length. */
export function ipv4Text(data: Uint8Array, offset: number): string {
  const key = (data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3];
  let text = ipv4Cache.get(key);
  if (text === undefined) {
    text = DECIMAL[data[offset]] + '.' + DECIMAL[data[offset + 1]] + '.' + DECIMAL[data[offset + 2]] + '.' + DECIMAL[data[offset + 3]];
    if (ipv4Cache.size >= IPV4_CACHE_LIMIT) ipv4Cache.clear();
    ipv4Cache.set(key, text);
  }
  return text;
}

/** IPv6 address at data[offset..offset+16), RFC 5952 §4 canonical text. */
export function ipv6Text(data: Uint8Array, offset: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((data[offset + i] << 8) | data[offset + i + 1]);
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted quad.
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    return '::ffff:' + ipv4Text(data, offset + 12);
  }
  // Longest run of two or more zero groups; the first one wins a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(0, 8);
  return hex(0, bestStart) + '::' + hex(bestStart + bestLength, 8);
}

/** aa:bb:cc:dd:ee:ff */
export function macText(data: Uint8Array, offset: number, length = 6): string {
  const parts: string[] = [];
  for (let i = 0; i < length && offset + i < data.length; i++) parts.push(data[offset + i].toString(16).padStart(2, '0'));
  return parts.join(':');
}

/**
 * An IPv6 address as written by a peer (any case, `::` anywhere, embedded dotted quad) in the
 * canonical form the decoder produces, so that negotiated endpoints match observed traffic;
 * anything that is not a valid IPv6 address is returned unchanged.
 */
export function canonicalIpText(text: string): string {
  if (!text.includes(':')) return text;
  let s = text.trim().replace(/^\[|\]$/g, '').toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const quad = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (quad) {
    // An embedded IPv4 address is the last two groups.
    const b = quad.slice(1).map(Number);
    if (b.some((x) => x > 255)) return text;
    s = s.slice(0, quad.index) + ((b[0] << 8) | b[1]).toString(16) + ':' + ((b[2] << 8) | b[3]).toString(16);
  }
  const halves = s.split('::');
  if (halves.length > 2) return text;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : -1));
    return groups.includes(-1) ? null : groups;
  };
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !rest) return text;
  const given = head.length + rest.length;
  if (given > 8 || (halves.length === 1 && given !== 8) || (halves.length === 2 && given > 7)) return text;
  const groups = [...head, ...new Array<number>(8 - given).fill(0), ...rest];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return ipv6Text(bytes, 0);
}

/** "ip:port", with IPv6 addresses in brackets ("[2001:db8::1]:1863"). */
export function endpointText(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
