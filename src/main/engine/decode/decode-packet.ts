// Fast path run on every packet: link layer → IPv4/IPv6 (options, extension headers,
// fragments) → TCP/UDP ports, TCP sequence numbers and flags, and the transport payload bounded
// by the IP length (never Ethernet trailer bytes). Checks every length before reading, marks
// truncation instead of throwing, allocates only the result object (payload is a view).
// Specs: RFC 791 (IPv4), RFC 8200 (IPv6), RFC 9293 (TCP), RFC 768 (UDP).

import { TCP_SYN, type DecodedPacket } from './decoded-packet';
import { ipv4Text, ipv6Text } from './ip-address-text';
import { IPV6_NO_NEXT_HEADER, walkIpv6Extensions } from './ipv6-extension-headers';
import { networkLayerOffset } from './link-layer';

export const IP_PROTOCOL_TCP = 6;
export const IP_PROTOCOL_UDP = 17;
const EMPTY = new Uint8Array(0);

/** The window scale option's shift among the TCP options in data[start, end), or null (RFC 7323 §2.2). */
export function windowScaleOption(data: Uint8Array, start: number, end: number): number | null {
  for (let at = start; at < end; ) {
    const kind = data[at];
    if (kind === 0) return null;
    if (kind === 1) {
      at++;
      continue;
    }
    const length = at + 1 < end ? data[at + 1] : 0;
    if (length < 2 || at + length > end) return null;
    if (kind === 3 && length === 3) return data[at + 2];
    at += length;
  }
  return null;
}

/** Decodes link, IP and TCP/UDP headers; null for frames that do not carry IPv4/IPv6. */
export function decodePacket(linkType: number, data: Uint8Array): DecodedPacket | null {
  const ip = networkLayerOffset(linkType, data);
  if (ip < 0 || ip >= data.length) return null;
  const version = data[ip] >> 4;
  if (version === 4) return decodeIpv4(data, ip);
  if (version === 6) return decodeIpv6(data, ip);
  return null;
}

function newPacket(ipVersion: 4 | 6, src: string, dst: string, protocol: number): DecodedPacket {
  // Every property present from the start keeps one object shape on the hot path.
  return { ipVersion, src, dst, protocol, srcPort: 0, dstPort: 0, tcp: null, payload: EMPTY, truncated: undefined, fragment: undefined };
}

function decodeIpv4(data: Uint8Array, ip: number): DecodedPacket | null {
  const captured = data.length - ip;
  const headerLength = (data[ip] & 0x0f) * 4;
  if (captured < 20 || headerLength < 20) return null;
  const pkt = newPacket(4, ipv4Text(data, ip + 12), ipv4Text(data, ip + 16), data[ip + 9]);
  if (headerLength > captured) {
    pkt.truncated = `IPv4 header length ${headerLength} exceeds the ${captured} captured bytes`;
    return pkt;
  }
  const totalLength = (data[ip + 2] << 8) | data[ip + 3];
  let end: number;
  if (totalLength === 0) {
    end = data.length; // segmentation offload: the NIC fills the length in later
  } else if (totalLength < headerLength) {
    pkt.truncated = `bogus IPv4 total length ${totalLength} (header is ${headerLength} bytes)`;
    return pkt;
  } else if (totalLength > captured) {
    pkt.truncated = `IPv4 total length ${totalLength} exceeds the ${captured} captured bytes`;
    end = data.length;
  } else {
    end = ip + totalLength;
  }
  const fragmentField = (data[ip + 6] << 8) | data[ip + 7];
  const more = (fragmentField & 0x2000) !== 0;
  const fragmentOffset = (fragmentField & 0x1fff) * 8;
  if (more || fragmentOffset > 0) {
    pkt.fragment = { offset: fragmentOffset, more };
    if (fragmentOffset > 0) return pkt;
  }
  decodeTransport(pkt, data, ip + headerLength, end);
  return pkt;
}

function decodeIpv6(data: Uint8Array, ip: number): DecodedPacket | null {
  const captured = data.length - ip;
  if (captured < 40) return null;
  const pkt = newPacket(6, ipv6Text(data, ip + 8), ipv6Text(data, ip + 24), data[ip + 6]);
  const payloadLength = (data[ip + 4] << 8) | data[ip + 5];
  let end = ip + 40 + payloadLength;
  if (payloadLength === 0) {
    end = data.length; // jumbogram (RFC 2675) or segmentation offload
  } else if (end > data.length) {
    pkt.truncated = `IPv6 payload length ${payloadLength} exceeds the ${captured - 40} captured bytes`;
    end = data.length;
  }
  const walk = walkIpv6Extensions(data, ip + 40, end, data[ip + 6]);
  pkt.protocol = walk.next;
  if (walk.truncated) {
    pkt.truncated = walk.truncated;
    return pkt;
  }
  if (walk.fragment) {
    pkt.fragment = { offset: walk.fragment.offset, more: walk.fragment.more };
    if (walk.fragment.offset > 0) return pkt;
  }
  if (walk.next === IPV6_NO_NEXT_HEADER) return pkt;
  decodeTransport(pkt, data, walk.offset, end);
  return pkt;
}

/** Fills ports, TCP fields and payload from data[start, end) (end already bounded by IP). */
function decodeTransport(pkt: DecodedPacket, data: Uint8Array, start: number, end: number): void {
  const length = end - start;
  if (pkt.protocol === IP_PROTOCOL_TCP) {
    if (length >= 4) {
      pkt.srcPort = (data[start] << 8) | data[start + 1];
      pkt.dstPort = (data[start + 2] << 8) | data[start + 3];
    }
    if (length < 20) {
      pkt.truncated ??= `TCP header cut off: 20 bytes needed, ${length} left`;
      return;
    }
    const headerLength = (data[start + 12] >> 4) * 4;
    if (headerLength < 20) {
      pkt.truncated ??= `bogus TCP header length ${headerLength}`;
      return;
    }
    pkt.tcp = {
      seq: ((data[start + 4] << 24) | (data[start + 5] << 16) | (data[start + 6] << 8) | data[start + 7]) >>> 0,
      ack: ((data[start + 8] << 24) | (data[start + 9] << 16) | (data[start + 10] << 8) | data[start + 11]) >>> 0,
      flags: ((data[start + 12] & 0x0f) << 8) | data[start + 13],
      window: (data[start + 14] << 8) | data[start + 15],
      synWindowShift: undefined,
      windowShift: 0,
    };
    if (headerLength > length) {
      pkt.truncated ??= `TCP header length ${headerLength} exceeds the ${length} bytes of the segment`;
      return;
    }
    if (pkt.tcp.flags & TCP_SYN) pkt.tcp.synWindowShift = windowScaleOption(data, start + 20, start + headerLength);
    // A bare ACK (a third of a download's packets) shares the empty payload: no view to allocate.
    pkt.payload = start + headerLength < end ? data.subarray(start + headerLength, end) : EMPTY;
  } else if (pkt.protocol === IP_PROTOCOL_UDP) {
    if (length >= 4) {
      pkt.srcPort = (data[start] << 8) | data[start + 1];
      pkt.dstPort = (data[start + 2] << 8) | data[start + 3];
    }
    if (length < 8) {
      pkt.truncated ??= `UDP header cut off: 8 bytes needed, ${length} left`;
      return;
    }
    const udpLength = (data[start + 4] << 8) | data[start + 5];
    let payloadEnd = end;
    if (udpLength >= 8 && udpLength <= length) payloadEnd = start + udpLength;
    else if (udpLength > length) pkt.truncated ??= `UDP length ${udpLength} exceeds the ${length} bytes after the IP header`;
    pkt.payload = data.subarray(start + 8, payloadEnd);
  } else {
    pkt.payload = data.subarray(start, end);
  }
}
