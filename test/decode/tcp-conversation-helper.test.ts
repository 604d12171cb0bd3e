// The test helper tcpConversation builds frames with running sequence/acknowledgment numbers
// (tshark read its output as a clean stream: relative Seq=1, Ack=1 after the handshake, correct
// checksums, and FIN at Seq=1043/Ack=5014 for the conversation below).

import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { tcpConversation } from '../helpers/capture-builder';
import { LINK } from '../helpers/packet-builder';

describe('tcpConversation helper', () => {
  const frames = tcpConversation({
    client: { ip: '10.0.0.1', port: 1025 },
    server: { ip: '207.46.1.2', port: 1863 },
    messages: [
      { from: 'client', payload: 'VER 1 MSNP8 CVR0\r\n' },
      { from: 'server', payload: 'VER 1 MSNP8\r\n' },
      { from: 'client', payload: 'CVR 2 0x0409 winnt 5.1\r\n', tsUs: 1_143_115_200_500_000 },
    ],
    maxSegment: 10,
  });
  const decoded = frames.map((f) => decodePacket(f.linkType, f.data));
  const row = (i: number) => [decoded[i]?.srcPort, decoded[i]?.tcp?.seq, decoded[i]?.tcp?.ack, decoded[i]?.tcp?.flags, decoded[i]?.payload.length];

  it('handshake, segmented messages and FIN exchange', () => {
    expect(decoded.map((_, i) => row(i))).toEqual([
      [1025, 1000, 0, 0x02, 0],
      [1863, 5000, 1001, 0x12, 0],
      [1025, 1001, 5001, 0x10, 0],
      [1025, 1001, 5001, 0x18, 10],
      [1025, 1011, 5001, 0x18, 8],
      [1863, 5001, 1019, 0x18, 10],
      [1863, 5011, 1019, 0x18, 3],
      [1025, 1019, 5014, 0x18, 10],
      [1025, 1029, 5014, 0x18, 10],
      [1025, 1039, 5014, 0x18, 4],
      [1025, 1043, 5014, 0x11, 0],
      [1863, 5014, 1044, 0x11, 0],
      [1025, 1044, 5015, 0x10, 0],
    ]);
  });

  it('timestamps step by 1 ms from the start, or from a message time', () => {
    expect(frames[0].tsUs).toBe(1_143_115_200_000_000);
    expect(frames[6].tsUs).toBe(1_143_115_200_006_000);
    expect(frames[7].tsUs).toBe(1_143_115_200_500_000);
    expect(frames[8].tsUs).toBe(1_143_115_200_501_000);
  });

  it('without handshake or FIN, over IPv6 on Linux cooked v2', () => {
    const short = tcpConversation({
      client: { ip: '2001:db8::1', port: 1025 },
      server: { ip: '2001:db8::2', port: 1863 },
      messages: [{ from: 'server', payload: 'hi' }],
      handshake: false,
      fin: false,
      linkType: LINK.SLL2,
    });
    expect(short).toHaveLength(1);
    expect(decodePacket(short[0].linkType, short[0].data)).toMatchObject({ ipVersion: 6, src: '2001:db8::2', srcPort: 1863, tcp: { seq: 5001, ack: 1001 } });
  });
});
