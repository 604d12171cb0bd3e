// Frames cut at every length: decodePacket and describeFrame never throw, every tree range lies
// inside the frame, and the cut is reported where a header claims more than was captured.

import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/shared/model';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { describeFrame } from '../../src/main/engine/decode/describe-frame';
import { ethernet, hexToBytes, ip, ipv4, ipv6, LINK, linkFrame, tcp, udp } from '../helpers/packet-builder';

const payload = 'MSG 4 N 5\r\nhello';
const withOptions = tcp({ srcPort: 1863, dstPort: 1025, payload, options: hexToBytes('02 04 05 b4 01 03 03 02 01 01 08 0a 00 00 00 01 00 00 00 02') });
const FRAMES: [string, number, Uint8Array][] = [
  ['Ethernet IPv4 TCP with options', LINK.ETHERNET, ethernet(ipv4('10.0.0.1', '10.0.0.2', withOptions, { options: hexToBytes('94 04 00 00') }))],
  ['QinQ IPv6 with extension headers', LINK.ETHERNET, ethernet(ipv6('2001:db8::1', '2001:db8::2', withOptions, { extensionHeaders: [{ type: 0 }, { type: 44 }] }), { vlans: [{ id: 1, tpid: 0x88a8 }, { id: 2 }] })],
  ['SLL UDP', LINK.SLL, linkFrame(LINK.SLL, ip('10.0.0.1', '10.0.0.2', udp({ srcPort: 1, dstPort: 2, payload })))],
  ['SLL2 IPv6', LINK.SLL2, linkFrame(LINK.SLL2, ip('::1', '::2', withOptions))],
  ['NULL', LINK.NULL, linkFrame(LINK.NULL, ip('10.0.0.1', '10.0.0.2', withOptions))],
  ['LOOP', LINK.LOOP, linkFrame(LINK.LOOP, ip('::1', '::2', withOptions))],
];

function collectRanges(nodes: TreeNode[], out: [number, number][] = []): [number, number][] {
  for (const node of nodes) {
    if (node.range) out.push(node.range);
    if (node.children) collectRanges(node.children, out);
  }
  return out;
}

describe.each(FRAMES)('every prefix of %s', (_name, linkType, frame) => {
  it('decodes without throwing and trees stay inside the bytes', () => {
    for (let length = 0; length <= frame.length; length++) {
      const cut = frame.slice(0, length);
      const pkt = decodePacket(linkType, cut);
      if (pkt) expect(pkt.payload.length).toBeLessThanOrEqual(length);
      const tree = describeFrame(linkType, cut, { number: 1, tsUs: 0, originalLength: frame.length });
      for (const [offset, size] of collectRanges(tree)) {
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(size).toBeGreaterThanOrEqual(0);
        expect(offset + size).toBeLessThanOrEqual(length);
      }
    }
  });

  it('the whole frame decodes cleanly', () => {
    const pkt = decodePacket(linkType, frame);
    expect(pkt?.truncated).toBeUndefined();
    expect(new TextDecoder().decode(pkt?.payload)).toBe(payload);
  });
});

describe('where the cut falls', () => {
  const frame = ethernet(ip('10.0.0.1', '10.0.0.2', tcp({ srcPort: 1863, dstPort: 1025, seq: 5, payload })));
  // 14 Ethernet + 20 IPv4 + 20 TCP + 16 payload = 70

  it('inside the Ethernet header or the IPv4 header: null', () => {
    expect(decodePacket(1, frame.subarray(0, 13))).toBeNull();
    expect(decodePacket(1, frame.subarray(0, 14))).toBeNull();
    expect(decodePacket(1, frame.subarray(0, 33))).toBeNull();
  });

  it('inside the TCP header: addresses and ports, no TCP fields', () => {
    const pkt = decodePacket(1, frame.subarray(0, 40));
    expect(pkt).toMatchObject({ src: '10.0.0.1', srcPort: 1863, dstPort: 1025, tcp: null });
    expect(pkt?.truncated).toBe('IPv4 total length 56 exceeds the 26 captured bytes');
  });

  it('inside the payload (snaplen): the captured part of the payload', () => {
    const pkt = decodePacket(1, frame.subarray(0, 60));
    expect(pkt?.tcp?.seq).toBe(5);
    expect(new TextDecoder().decode(pkt?.payload)).toBe('MSG 4 '); // 60 − 54 header bytes
    expect(pkt?.truncated).toBe('IPv4 total length 56 exceeds the 46 captured bytes');
  });

  it('a TCP data offset beyond the segment', () => {
    const bad = frame.slice();
    bad[14 + 20 + 12] = 0xf0; // 60-byte header in a 36-byte segment
    const pkt = decodePacket(1, bad);
    expect(pkt?.truncated).toBe('TCP header length 60 exceeds the 36 bytes of the segment');
    expect(pkt?.payload.length).toBe(0);
  });

  it('a TCP data offset below 5 is bogus', () => {
    const bad = frame.slice();
    bad[14 + 20 + 12] = 0x40;
    expect(decodePacket(1, bad)).toMatchObject({ tcp: null, truncated: 'bogus TCP header length 16' });
  });
});
