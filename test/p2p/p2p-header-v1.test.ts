import { describe, expect, it } from 'vitest';
import { isP2pV1FileData, p2pV1FlagNames, parseP2pV1 } from '../../src/main/engine/p2p/p2p-header-v1';

const hex = (h: string) => new Uint8Array(h.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

// The P2P body of frame 212 in msnp12-pecan-escargot-file-transfer-p2p.pcap (tshark tcp.payload
// after the MIME headers), hello.txt's only data chunk, with the 145 data bytes cut to 4:
//   ca 23 7b 32  session id 846930890      6c 45 8b 6b  identifier 1804289388
//   00 × 8       offset 0                  91 00 × 7    total size 145
//   91 00 00 00  message length 145        30 00 00 01  flags 0x01000030
//   f8 27 b1 4d  ack identifier 1303455736 00 × 4       ack unique id 0
//   00 × 8       ack data size 0
const HEADER = 'ca237b32 6c458b6b 0000000000000000 9100000000000000 91000000 30000001 f827b14d 00000000 0000000000000000';

describe('parseP2pV1', () => {
  it('reads all fields of a real data chunk header', () => {
    const body = hex(`${HEADER} 48656c6c 00000000`);
    const p = parseP2pV1(body)!;
    expect(p.header).toEqual({
      sessionId: 846930890,
      identifier: 1804289388,
      offset: 0,
      totalSize: 145,
      messageLength: 145,
      flags: 0x01000030,
      ackIdentifier: 1303455736,
      ackUniqueId: 0,
      ackDataSize: 0,
    });
    // Only 4 of the 145 data bytes are present here: reported, and the data is what there is.
    expect(p.problems).toEqual(['message length 145 but only 4 bytes follow the header']);
    expect(new TextDecoder().decode(p.data)).toBe('Hell');
  });

  it('takes the data and the big-endian footer of a complete message', () => {
    // A 4-byte "data preparation" message of a display picture: session 7, footer 12 (00 00 00 0c).
    const body = hex('07000000 01000000 0000000000000000 0400000000000000 04000000 00000000 00000000 00000000 0000000000000000 00000000 0000000c');
    const p = parseP2pV1(body)!;
    expect(p.header.sessionId).toBe(7);
    expect(Array.from(p.data)).toEqual([0, 0, 0, 0]);
    expect(p.footer).toBe(12);
    expect(p.problems).toEqual([]);
  });

  it('has no footer on a direct connection', () => {
    const body = hex('00000000 02000000 0000000000000000 0200000000000000 02000000 00000000 00000000 00000000 0000000000000000 4142');
    const p = parseP2pV1(body, false)!;
    expect(new TextDecoder().decode(p.data)).toBe('AB');
    expect(p.footer).toBeNull();
  });

  it('names the flags', () => {
    expect(p2pV1FlagNames(0x01000030)).toEqual(['file data', 'EACH', 'WLM 2009 compatible']);
    expect(p2pV1FlagNames(0x2)).toEqual(['ACK']);
    expect(p2pV1FlagNames(0x100)).toEqual(['KEY']);
    expect(p2pV1FlagNames(0x80000000)).toEqual(['0x80000000']);
    expect(isP2pV1FileData(0x01000030)).toBe(true);
    expect(isP2pV1FileData(0x20)).toBe(false);
  });

  it('flags u64 values beyond 2^53 and an offset past the total size', () => {
    const body = hex('01000000 01000000 ffffffffffffffff 0400000000000000 00000000 00000000 00000000 00000000 0000000000000000 00000000');
    const p = parseP2pV1(body)!;
    expect(p.header.offset).toBe(Number.MAX_SAFE_INTEGER);
    expect(p.problems[0]).toMatch(/offset 18446744073709551615 is beyond 2\^53/);
  });

  it('returns null for a body shorter than the header, and never throws', () => {
    expect(parseP2pV1(new Uint8Array(47))).toBeNull();
    for (let n = 48; n < 120; n++) {
      const junk = new Uint8Array(n).map((_, i) => (i * 37 + n) & 0xff);
      expect(() => parseP2pV1(junk)).not.toThrow();
    }
  });
});
