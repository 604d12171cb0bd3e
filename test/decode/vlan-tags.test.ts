// Ethernet VLAN tags: 802.1Q (0x8100), 802.1ad QinQ (0x88a8), the older 0x9100, stacked in any
// combination, and 802.3 frames with LLC/SNAP; tags cut off by the capture give null.

import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { concatBytes, ethernet, hexToBytes, ip, tcp } from '../helpers/packet-builder';

const PACKET = ip('192.168.1.10', '64.4.13.58', tcp({ srcPort: 4001, dstPort: 1863, seq: 1, ack: 2, payload: 'OUT\r\n' }));

function expectDecoded(frame: Uint8Array): void {
  const pkt = decodePacket(1, frame);
  expect(pkt).toMatchObject({ src: '192.168.1.10', dst: '64.4.13.58', srcPort: 4001, dstPort: 1863 });
  expect(new TextDecoder().decode(pkt?.payload)).toBe('OUT\r\n');
}

describe('VLAN tags', () => {
  it('one 802.1Q tag', () => {
    const frame = ethernet(PACKET, { vlans: [{ id: 100, priority: 5 }] });
    // dst, src, 81 00, TCI a0 64 (PRI 5, ID 100), 08 00
    expect(frame.subarray(12, 18)).toEqual(hexToBytes('81 00 a0 64 08 00'));
    expectDecoded(frame);
  });

  it('QinQ: 802.1ad outer, 802.1Q inner', () => {
    expectDecoded(ethernet(PACKET, { vlans: [{ id: 10, tpid: 0x88a8 }, { id: 20 }] }));
  });

  it('three stacked tags including 0x9100', () => {
    expectDecoded(ethernet(PACKET, { vlans: [{ id: 1, tpid: 0x9100 }, { id: 2, tpid: 0x88a8 }, { id: 3 }] }));
  });

  it('IPv6 behind a tag', () => {
    const pkt = decodePacket(1, ethernet(ip('2001:db8::a', '2001:db8::b', tcp({ srcPort: 1, dstPort: 2 })), { vlans: [{ id: 7 }] }));
    expect(pkt).toMatchObject({ ipVersion: 6, src: '2001:db8::a', dst: '2001:db8::b' });
  });

  it('a tag cut off by the capture', () => {
    const frame = ethernet(PACKET, { vlans: [{ id: 10, tpid: 0x88a8 }, { id: 20 }] });
    expect(decodePacket(1, frame.subarray(0, 17))).toBeNull();
  });

  it('a tag whose inner type is not IP', () => {
    expect(decodePacket(1, ethernet(new Uint8Array(28), { vlans: [{ id: 5 }], etherType: 0x0806 }))).toBeNull();
  });
});

describe('802.3 with LLC/SNAP', () => {
  it('finds IPv4 behind AA AA 03 00 00 00 08 00', () => {
    const header = hexToBytes('00 05 5d 21 99 4c 00 16 ce 6e 8b 24'); // dst, src
    const length = Uint8Array.of(0, 8 + PACKET.length);
    expectDecoded(concatBytes(header, length, hexToBytes('aa aa 03 00 00 00 08 00'), PACKET));
  });

  it('other LLC frames are not IP', () => {
    const frame = concatBytes(hexToBytes('01 80 c2 00 00 00 00 16 ce 6e 8b 24 00 26 42 42 03'), new Uint8Array(35));
    expect(decodePacket(1, frame)).toBeNull();
  });
});
