// The binding reports only the captured length. A packet cut at the snaplen (65535, reachable
// on loopback whose MTU is 65536) would then look whole; its length on the wire is recovered
// from the IP header so that decoding marks it truncated instead of silently short.

import { CAP_SNAPLEN } from './cap-binding';

/** Offset of the network-layer header and how to find its EtherType, per LINKTYPE. */
function ipOffset(linkType: number, data: Uint8Array): number {
  switch (linkType) {
    case 1: { // Ethernet, possibly one 802.1Q tag
      const type = (data[12] << 8) | data[13];
      return type === 0x8100 ? 18 : 14;
    }
    case 113: return 16; // Linux cooked
    case 0: return 4; // BSD loopback
    case 101: return 0; // raw IP
    default: return -1;
  }
}

export function originalLengthOf(linkType: number, data: Uint8Array, capturedLength: number): number {
  if (capturedLength < CAP_SNAPLEN) return capturedLength;
  const at = ipOffset(linkType, data);
  if (at < 0 || at + 6 > capturedLength) return capturedLength;
  const version = data[at] >> 4;
  let ipLength = 0;
  if (version === 4) ipLength = (data[at + 2] << 8) | data[at + 3];
  else if (version === 6) ipLength = 40 + ((data[at + 4] << 8) | data[at + 5]);
  return Math.max(capturedLength, at + ipLength);
}
