// IPv6 (RFC 8200): extension headers walked to TCP/UDP, fragments, the payload length bounding
// the payload, and extension headers cut off by the capture.

import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { ipv6, rawTransport, tcp } from '../helpers/packet-builder';

const segment = tcp({ srcPort: 1025, dstPort: 1863, seq: 100, ack: 200, payload: 'CHG 3 NLN 0\r\n' });

describe('IPv6 extension headers', () => {
  it('hop-by-hop, routing and destination options before TCP', () => {
    const packet = ipv6('2001:db8::1', '2001:db8::2', segment, {
      extensionHeaders: [{ type: 0 }, { type: 43, length: 24 }, { type: 60, length: 16 }],
    });
    expect(packet[6]).toBe(0); // first next header: hop-by-hop
    const pkt = decodePacket(229, packet);
    expect(pkt).toMatchObject({ protocol: 6, srcPort: 1025, dstPort: 1863, tcp: { seq: 100, ack: 200 } });
    expect(new TextDecoder().decode(pkt?.payload)).toBe('CHG 3 NLN 0\r\n');
  });

  it('first fragment: transport decoded and marked', () => {
    const pkt = decodePacket(229, ipv6('2001:db8::1', '2001:db8::2', segment, { extensionHeaders: [{ type: 44, moreFragments: true }] }));
    expect(pkt?.fragment).toEqual({ offset: 0, more: true });
    expect(pkt?.srcPort).toBe(1025);
  });

  it('later fragment: no transport', () => {
    const pkt = decodePacket(229, ipv6('2001:db8::1', '2001:db8::2', rawTransport(6, 'rest'), { extensionHeaders: [{ type: 0 }, { type: 44, fragmentOffset: 1232 }] }));
    expect(pkt).toMatchObject({ protocol: 6, srcPort: 0, tcp: null, fragment: { offset: 1232, more: false } });
    expect(pkt?.payload.length).toBe(0);
  });

  it('an extension header running past the packet is truncation', () => {
    const packet = ipv6('2001:db8::1', '2001:db8::2', segment, { extensionHeaders: [{ type: 60, length: 16 }] });
    packet[41] = 200; // claims (200 + 1) × 8 bytes
    const pkt = decodePacket(229, packet);
    expect(pkt?.truncated).toBe(`IPv6 extension header 60 at offset 40 claims 1608 bytes, ${packet.length - 40} left`);
    expect(pkt?.tcp).toBeNull();
  });

  it('no next header (59): no payload', () => {
    const pkt = decodePacket(229, ipv6('2001:db8::1', '2001:db8::2', rawTransport(59, '')));
    expect(pkt).toMatchObject({ protocol: 59, payload: new Uint8Array(0) });
  });

  it('the payload ends at the payload length, not the frame end', () => {
    const packet = ipv6('::1', '::1', segment);
    const longer = new Uint8Array(packet.length + 8).fill(0x4d);
    longer.set(packet);
    expect(new TextDecoder().decode(decodePacket(229, longer)?.payload)).toBe('CHG 3 NLN 0\r\n');
  });

  it('a payload length beyond the capture is truncation', () => {
    const packet = ipv6('::1', '::1', segment, { payloadLength: 900 });
    expect(decodePacket(229, packet)?.truncated).toBe(`IPv6 payload length 900 exceeds the ${packet.length - 40} captured bytes`);
  });
});
