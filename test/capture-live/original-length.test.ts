// The binding gives only the captured length (snaplen 65535); a loopback packet cut there gets
// its wire length back from the IP header, so decoding can mark it truncated.
import { describe, expect, it } from 'vitest';
import { originalLengthOf } from '../../src/main/capture/original-length';
import { linkTypeFromCapName } from '../../src/main/capture/cap-binding';

function ethernetIpv4(totalLength: number, captured: number): Uint8Array {
  const frame = new Uint8Array(captured);
  frame[12] = 0x08; // EtherType 0x0800
  frame[14] = 0x45; // IPv4, IHL 5
  frame[16] = totalLength >> 8;
  frame[17] = totalLength & 0xff;
  return frame;
}

describe('originalLengthOf', () => {
  it('trusts the captured length below the snaplen', () => {
    expect(originalLengthOf(1, ethernetIpv4(60000, 1000), 1000)).toBe(1000);
  });

  it('recovers the wire length of a frame cut at 65535 (IPv4 total length 65522 + 14)', () => {
    expect(originalLengthOf(1, ethernetIpv4(65522, 65535), 65535)).toBe(65536);
  });

  it('recovers it for IPv6 on raw IP (40 + payload length)', () => {
    const packet = new Uint8Array(65535);
    packet[0] = 0x60;
    packet[4] = 0xff;
    packet[5] = 0xf0; // payload length 65520
    expect(originalLengthOf(101, packet, 65535)).toBe(65560);
  });
});

describe('linkTypeFromCapName', () => {
  it('maps the binding\'s DLT names to LINKTYPE numbers', () => {
    expect(['ETHERNET', 'NULL', 'RAW', 'LINKTYPE_LINUX_SLL', 'IEEE802_11_RADIO', 'Unknown linktype 276', 'Unknown linktype 12'].map(linkTypeFromCapName))
      .toEqual([1, 0, 101, 113, 127, 276, 101]);
  });
});
