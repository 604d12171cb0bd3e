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
