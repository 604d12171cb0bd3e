// Walks IPv6 extension headers (RFC 8200 §4) to the upper-layer header: hop-by-hop, routing,
// destination options, fragment, AH (RFC 4302), mobility, HIP and shim6. Bounded by the packet
// end and a maximum header count; no recursion.

export const IPV6_HOP_BY_HOP = 0;
export const IPV6_ROUTING = 43;
export const IPV6_FRAGMENT = 44;
export const IPV6_AH = 51;
export const IPV6_NO_NEXT_HEADER = 59;
export const IPV6_DESTINATION_OPTIONS = 60;
const MOBILITY = 135;
const HIP = 139;
const SHIM6 = 140;
const MAX_EXTENSION_HEADERS = 16;

export interface Ipv6ExtensionWalk {
  /** Protocol number of what follows the last extension header. */
  next: number;
  /** Offset of that header. */
  offset: number;
  /** Fragment header fields, when one was present. */
  fragment: { offset: number; more: boolean; id: number } | null;
  /** Set when an extension header runs past `end`. */
  truncated: string | null;
}

export type ExtensionHeaderVisitor = (type: number, offset: number, length: number) => void;

export function isIpv6ExtensionHeader(type: number): boolean {
  return (
    type === IPV6_HOP_BY_HOP || type === IPV6_ROUTING || type === IPV6_FRAGMENT || type === IPV6_DESTINATION_OPTIONS ||
    type === IPV6_AH || type === MOBILITY || type === HIP || type === SHIM6
  );
}

export function walkIpv6Extensions(data: Uint8Array, start: number, end: number, firstNext: number, visit?: ExtensionHeaderVisitor): Ipv6ExtensionWalk {
  const walk: Ipv6ExtensionWalk = { next: firstNext, offset: start, fragment: null, truncated: null };
  for (let count = 0; isIpv6ExtensionHeader(walk.next) && count < MAX_EXTENSION_HEADERS; count++) {
    const at = walk.offset;
    if (at + 8 > end) {
      walk.truncated = `IPv6 extension header ${walk.next} at offset ${at} is cut off`;
      return walk;
    }
    let length: number;
    if (walk.next === IPV6_FRAGMENT) {
      length = 8;
      const field = (data[at + 2] << 8) | data[at + 3];
      walk.fragment = {
        offset: field & 0xfff8,
        more: (field & 1) === 1,
        id: ((data[at + 4] << 24) | (data[at + 5] << 16) | (data[at + 6] << 8) | data[at + 7]) >>> 0,
      };
    } else if (walk.next === IPV6_AH) {
      length = (data[at + 1] + 2) * 4;
    } else {
      length = (data[at + 1] + 1) * 8;
    }
    if (at + length > end) {
      walk.truncated = `IPv6 extension header ${walk.next} at offset ${at} claims ${length} bytes, ${end - at} left`;
      return walk;
    }
    visit?.(walk.next, at, length);
    walk.next = data[at];
    walk.offset = at + length;
  }
  return walk;
}
