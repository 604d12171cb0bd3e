// IPv4 (RFC 791): options, fragments (only the first fragment's transport header is decoded),
// the total length bounding the payload, and lengths that are bogus or exceed the capture.

import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { hexToBytes, ipv4, rawTransport, tcp, udp } from '../helpers/packet-builder';

const segment = tcp({ srcPort: 1863, dstPort: 1025, seq: 0xfffffff0, ack: 0x80000000, flags: 'FPA', window: 512, payload: 'BYE x\r\n' });

describe('IPv4 headers', () => {
  it('skips options (router alert + NOP padding)', () => {
    const packet = ipv4('10.0.0.1', '10.0.0.2', segment, { options: hexToBytes('94 04 00 00 01 01 01 00') });
    expect(packet[0]).toBe(0x47); // IHL 7 = 28 bytes
    const pkt = decodePacket(101, packet);
    expect(pkt).toMatchObject({ srcPort: 1863, dstPort: 1025, tcp: { seq: 0xfffffff0, ack: 0x80000000, flags: 0x19, window: 512 } });
    expect(new TextDecoder().decode(pkt?.payload)).toBe('BYE x\r\n');
  });

  it('decodes the first fragment and marks it', () => {
    const pkt = decodePacket(101, ipv4('10.0.0.1', '10.0.0.2', segment, { moreFragments: true }));
    expect(pkt?.fragment).toEqual({ offset: 0, more: true });
    expect(pkt?.tcp?.seq).toBe(0xfffffff0);
    expect(pkt?.payload.length).toBe(7);
  });

  it('a later fragment has no ports and no payload', () => {
    const pkt = decodePacket(101, ipv4('10.0.0.1', '10.0.0.2', rawTransport(6, 'more data of the datagram'), { fragmentOffset: 1480 }));
    expect(pkt).toMatchObject({ src: '10.0.0.1', protocol: 6, srcPort: 0, dstPort: 0, tcp: null, fragment: { offset: 1480, more: false } });
    expect(pkt?.payload.length).toBe(0);
  });

  it('the payload ends at the total length, not the frame end', () => {
    const packet = ipv4('10.0.0.1', '10.0.0.2', segment);
    const padded = new Uint8Array(packet.length + 10).fill(0x41);
    padded.set(packet);
    expect(new TextDecoder().decode(decodePacket(101, padded)?.payload)).toBe('BYE x\r\n');
  });

  it('total length 0 (segmentation offload) uses the captured length', () => {
    const pkt = decodePacket(101, ipv4('10.0.0.1', '10.0.0.2', segment, { totalLength: 0 }));
    expect(new TextDecoder().decode(pkt?.payload)).toBe('BYE x\r\n');
    expect(pkt?.truncated).toBeUndefined();
  });

  it('a total length beyond the capture is truncation; the payload is what was captured', () => {
    const packet = ipv4('10.0.0.1', '10.0.0.2', segment, { totalLength: 1500 });
    const pkt = decodePacket(101, packet);
    expect(pkt?.truncated).toBe(`IPv4 total length 1500 exceeds the ${packet.length} captured bytes`);
    expect(pkt?.payload.length).toBe(7);
  });

  it('a total length smaller than the header is bogus', () => {
    const pkt = decodePacket(101, ipv4('10.0.0.1', '10.0.0.2', segment, { totalLength: 12 }));
    expect(pkt?.truncated).toBe('bogus IPv4 total length 12 (header is 20 bytes)');
    expect(pkt?.tcp).toBeNull();
  });

  it('a header length below 20 is not IPv4', () => {
    const packet = ipv4('10.0.0.1', '10.0.0.2', segment);
    packet[0] = 0x44;
    expect(decodePacket(101, packet)).toBeNull();
  });

  it('UDP payload is bounded by the UDP length', () => {
    const packet = ipv4('10.0.0.1', '10.0.0.2', udp({ srcPort: 1, dstPort: 2, payload: 'abcdef', length: 10 }));
    expect(Array.from(decodePacket(101, packet)?.payload ?? [])).toEqual([97, 98]);
  });

  it('other protocols keep their bytes as payload', () => {
    const pkt = decodePacket(101, ipv4('10.0.0.1', '10.0.0.2', rawTransport(1, hexToBytes('08 00 f7 ff 00 00 00 00'))));
    expect(pkt).toMatchObject({ protocol: 1, srcPort: 0, tcp: null });
    expect(pkt?.payload.length).toBe(8);
  });

  it('TCP flags keep the high bits (ECE, CWR)', () => {
    const pkt = decodePacket(101, ipv4('10.0.0.1', '10.0.0.2', tcp({ srcPort: 1, dstPort: 2, flags: 0xc2 })));
    expect(pkt?.tcp?.flags).toBe(0xc2);
  });
});
