// decodePacket for every link type that carries IP: Ethernet, Linux cooked v1/v2, BSD NULL and
// OpenBSD LOOP (both byte orders, every AF_INET6 value), raw IP (101, 12, 14), IPv4 (228) and
// IPv6 (229); frames without IP give null.

import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { ethernet, hexToBytes, ip, LINK, linkFrame, loopback, sll, sll2, tcp, udp } from '../helpers/packet-builder';

// A Linux cooked v1 frame written by hand; tshark (text2pcap -l 113) reads: Sent by us (4), IPv4,
// 192.168.0.114:3331 → 207.46.26.167:1863, seq (raw) 606142706, ack (raw) 3302139767, PSH+ACK, "PNG\r\n".
const SLL_LITERAL = hexToBytes(`
  00 04 00 01 00 06 00 16 ce 6e 8b 24 00 00 08 00   // sll: pkttype 4, ARPHRD_ETHER, addr len 6, addr, IPv4
  45 00 00 2d 00 01 40 00 40 06 00 00 c0 a8 00 72   // ip: total length 45, DF, TTL 64, TCP, src
  cf 2e 1a a7 0d 03 07 47 24 21 00 f2 c4 d2 a7 77   // dst; tcp: ports 3331 → 1863, seq, ack
  50 18 44 10 00 00 00 00 50 4e 47 0d 0a            // data offset 5, PSH ACK, window 17424; "PNG\\r\\n"
`);

const V4 = ip('10.1.2.3', '10.4.5.6', tcp({ srcPort: 1025, dstPort: 1863, seq: 7, ack: 9, payload: 'VER 1 MSNP8\r\n' }));
const V6 = ip('2001:db8::1', 'fe80::2', tcp({ srcPort: 1025, dstPort: 1863, seq: 7, ack: 9, payload: 'VER 1 MSNP8\r\n' }));

function expectMsnpSegment(linkType: number, frame: Uint8Array, version: 4 | 6): void {
  const pkt = decodePacket(linkType, frame);
  expect(pkt).toMatchObject({
    ipVersion: version,
    src: version === 4 ? '10.1.2.3' : '2001:db8::1',
    dst: version === 4 ? '10.4.5.6' : 'fe80::2',
    protocol: 6,
    srcPort: 1025,
    dstPort: 1863,
    tcp: { seq: 7, ack: 9, flags: 0x18, window: 65535 },
  });
  expect(new TextDecoder().decode(pkt?.payload)).toBe('VER 1 MSNP8\r\n');
  expect(pkt?.truncated).toBeUndefined();
}

describe('decodePacket by link type', () => {
  it('hand-written Linux cooked v1 frame', () => {
    expect(SLL_LITERAL.length).toBe(61);
    const pkt = decodePacket(113, SLL_LITERAL);
    expect(pkt).toMatchObject({ src: '192.168.0.114', dst: '207.46.26.167', srcPort: 3331, dstPort: 1863, tcp: { seq: 606142706, ack: 3302139767, flags: 0x18, window: 17424 } });
    expect(new TextDecoder().decode(pkt?.payload)).toBe('PNG\r\n');
  });

  it.each([
    ['Ethernet', LINK.ETHERNET],
    ['Linux cooked v1', LINK.SLL],
    ['Linux cooked v2', LINK.SLL2],
    ['BSD NULL', LINK.NULL],
    ['OpenBSD LOOP', LINK.LOOP],
    ['raw IP (101)', LINK.RAW],
    ['raw IP (12)', 12],
    ['raw IP (14)', 14],
  ])('%s with IPv4 and IPv6', (_name, linkType) => {
    expectMsnpSegment(linkType, linkFrame(linkType, V4), 4);
    expectMsnpSegment(linkType, linkFrame(linkType, V6), 6);
  });

  it('LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229)', () => {
    expectMsnpSegment(228, V4, 4);
    expectMsnpSegment(229, V6, 6);
  });

  it.each([2, 24, 28, 30, 10, 23])('loopback family %i in either byte order', (family) => {
    const packet = family === 2 ? V4 : V6;
    for (const bigEndian of [false, true]) {
      expectMsnpSegment(LINK.NULL, loopback(packet, { family, bigEndian }), family === 2 ? 4 : 6);
      expectMsnpSegment(LINK.LOOP, loopback(packet, { family, bigEndian }), family === 2 ? 4 : 6);
    }
  });

  it('UDP ports and payload', () => {
    const pkt = decodePacket(LINK.SLL2, sll2(ip('10.0.0.1', '10.0.0.2', udp({ srcPort: 5004, dstPort: 7001, payload: 'abc' }))));
    expect(pkt).toMatchObject({ protocol: 17, srcPort: 5004, dstPort: 7001, tcp: null });
    expect(Array.from(pkt?.payload ?? [])).toEqual([97, 98, 99]);
  });
});

describe('frames without IP give null', () => {
  it('ARP over Ethernet', () => {
    expect(decodePacket(LINK.ETHERNET, ethernet(new Uint8Array(28), { etherType: 0x0806 }))).toBeNull();
  });

  it('Linux cooked capture of a non-IP protocol', () => {
    expect(decodePacket(LINK.SLL, sll(V4, { protocol: 0x0806 }))).toBeNull();
    expect(decodePacket(LINK.SLL2, sll2(V4, { protocol: 0x0806 }))).toBeNull();
  });

  it('loopback with an unknown family', () => {
    expect(decodePacket(LINK.NULL, loopback(V4, { family: 7 }))).toBeNull();
  });

  it('an unsupported link type', () => {
    expect(decodePacket(147, V4)).toBeNull();
  });

  it('raw data that is neither IPv4 nor IPv6', () => {
    expect(decodePacket(LINK.RAW, hexToBytes('50 00 00 14'))).toBeNull();
  });
});
