// Link layers that carry IP: where the IP header starts in a frame, per libpcap LINKTYPE_*.
// Spec: https://www.tcpdump.org/linktypes.html (and the per-type pages it links).

export const LINKTYPE_NULL = 0;
export const LINKTYPE_ETHERNET = 1;
export const LINKTYPE_RAW_BSD = 12;
export const LINKTYPE_RAW_OPENBSD = 14;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_LOOP = 108;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_IPV4 = 228;
export const LINKTYPE_IPV6 = 229;
export const LINKTYPE_LINUX_SLL2 = 276;

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;
export const ETHERTYPE_VLAN = 0x8100;
export const ETHERTYPE_QINQ = 0x88a8;
export const ETHERTYPE_QINQ_OLD = 0x9100;

export const ETHERNET_HEADER_LENGTH = 14;
export const SLL_HEADER_LENGTH = 16;
export const SLL2_HEADER_LENGTH = 20;
export const LOOPBACK_HEADER_LENGTH = 4;
/** VLAN tags we follow at most (no real network stacks more than a few). */
export const MAX_VLAN_TAGS = 8;

export function isVlanTag(etherType: number): boolean {
  return etherType === ETHERTYPE_VLAN || etherType === ETHERTYPE_QINQ || etherType === ETHERTYPE_QINQ_OLD;
}

/**
 * BSD loopback family (LINKTYPE_NULL: host byte order of the capturing machine; LINKTYPE_LOOP:
 * network order, but both occur): a value with high bits set was written in the other order.
 * Returns the family value as the capturing host meant it.
 */
export function loopbackFamily(data: Uint8Array): number {
  const little = (data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24)) >>> 0;
  if ((little & 0xffff0000) === 0) return little;
  return ((data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3]) >>> 0;
}

/** AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD, OpenBSD, BSD/OS), 28 (FreeBSD), 30 (Darwin), 10 (Linux), 23 (Windows). */
export function loopbackFamilyIpVersion(family: number): 0 | 4 | 6 {
  if (family === 2) return 4;
  if (family === 24 || family === 28 || family === 30 || family === 10 || family === 23) return 6;
  return 0;
}

/** 4 or 6 for the IP ethertypes, else 0. */
export function etherTypeIpVersion(etherType: number): 0 | 4 | 6 {
  return etherType === ETHERTYPE_IPV4 ? 4 : etherType === ETHERTYPE_IPV6 ? 6 : 0;
}

/** Offset of the IPv4/IPv6 header in the frame, or -1 when the frame does not carry IP. */
export function networkLayerOffset(linkType: number, data: Uint8Array): number {
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return ethernetPayloadOffset(data);
    case LINKTYPE_LINUX_SLL:
      if (data.length < SLL_HEADER_LENGTH) return -1;
      return etherTypeIpVersion((data[14] << 8) | data[15]) ? SLL_HEADER_LENGTH : -1;
    case LINKTYPE_LINUX_SLL2:
      if (data.length < SLL2_HEADER_LENGTH) return -1;
      return etherTypeIpVersion((data[0] << 8) | data[1]) ? SLL2_HEADER_LENGTH : -1;
    case LINKTYPE_NULL:
    case LINKTYPE_LOOP:
      if (data.length < LOOPBACK_HEADER_LENGTH) return -1;
      return loopbackFamilyIpVersion(loopbackFamily(data)) ? LOOPBACK_HEADER_LENGTH : -1;
    case LINKTYPE_RAW:
    case LINKTYPE_RAW_BSD:
    case LINKTYPE_RAW_OPENBSD:
    case LINKTYPE_IPV4:
    case LINKTYPE_IPV6:
      return 0;
    default:
      return -1;
  }
}

/** Ethernet II, 802.1Q/802.1ad tags (stacked), and 802.3 with LLC/SNAP. */
function ethernetPayloadOffset(data: Uint8Array): number {
  if (data.length < ETHERNET_HEADER_LENGTH) return -1;
  let offset = 12;
  let etherType = (data[12] << 8) | data[13];
  for (let tags = 0; isVlanTag(etherType) && tags < MAX_VLAN_TAGS; tags++) {
    offset += 4;
    if (offset + 2 > data.length) return -1;
    etherType = (data[offset] << 8) | data[offset + 1];
  }
  offset += 2;
  if (etherType <= 1500) {
    // 802.3 length field: IP only behind LLC/SNAP (AA AA 03, OUI, ethertype).
    if (offset + 8 > data.length || data[offset] !== 0xaa || data[offset + 1] !== 0xaa || data[offset + 2] !== 0x03) return -1;
    etherType = (data[offset + 6] << 8) | data[offset + 7];
    offset += 8;
  }
  return etherTypeIpVersion(etherType) ? offset : -1;
}
