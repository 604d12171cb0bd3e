import { describe, expect, it } from 'vitest';
import { p2pV2OpCodeNames, p2pV2TfName, parseP2pV2, sniffP2pVersion } from '../../src/main/engine/p2p/p2p-header-v2';

const hex = (h: string) => new Uint8Array(h.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

// A synthetic WLM 2009 data chunk (big-endian throughout):
//   10           header length 16 (8 + TLV of 6, padded to 16)
//   02           op code RAK
//   00 20        message size 32 (20-byte data header + 12 data bytes)
//   00 00 01 00  sequence number 256
//   02 04 00 00 00 ff   TLV 2 (ACK sequence) = 255
//   00 00        padding
//   14           data header length 20 (8 + TLV of 10, padded to 20)
//   07           TF: file transfer (6) + first (1)
//   00 03        package number 3
//   00 00 12 34  session id 4660
//   01 08 00 00 00 00 00 00 01 00   TLV 1 (data remaining) = 256
//   00 00        padding
//   "hello world!"  data
//   00 00 00 02  footer: application id 2
const CHUNK = '10 02 0020 00000100 0204000000ff 0000 14 07 0003 00001234 0108 0000000000000100 0000 68656c6c6f20776f726c6421 00000002';

describe('parseP2pV2', () => {
  it('reads header, TLVs, data header and footer', () => {
    const p = parseP2pV2(hex(CHUNK))!;
    expect(p).toMatchObject({ headerLength: 16, opCode: 2, messageSize: 32, sequenceNumber: 256, ackSequence: 255, nakSequence: null, dataOffset: 36, footer: 2, problems: [] });
    expect(p.dataHeader).toMatchObject({ length: 20, tf: 7, packageNumber: 3, sessionId: 0x1234, dataRemaining: 256 });
    expect(p.tlvs.map((t) => [t.type, t.at])).toEqual([[2, 8]]);
    expect(new TextDecoder().decode(p.data)).toBe('hello world!');
  });

  it('an ACK carries no data header', () => {
    const p = parseP2pV2(hex('10 00 0000 00000001 0204 00000120 0000 0000 00000000'))!;
    expect(p.ackSequence).toBe(0x120);
    expect(p.dataHeader).toBeNull();
    expect(p.data.length).toBe(0);
    expect(p.footer).toBe(0);
  });

  it('reports a message size past the end and a bad data header, and never throws', () => {
    const short = parseP2pV2(hex('08 00 0040 00000001 08 01 0000 00000001 41'), false)!;
    expect(short.problems).toContain('message size 64 runs past the end of the body');
    const bad = parseP2pV2(hex('08 00 0004 00000001 02 00 0000'), false)!;
    expect(bad.problems).toContain('bad data header length 2');
    expect(parseP2pV2(hex('04 00 0000 00000000'))).toBeNull();
    expect(parseP2pV2(new Uint8Array(7))).toBeNull();
    for (let n = 8; n < 80; n++) {
      const junk = new Uint8Array(n).map((_, i) => (i * 53 + n * 7) & 0xff);
      junk[0] = 8 + (n % 5) * 4;
      expect(() => parseP2pV2(junk)).not.toThrow();
    }
  });

  it('names op codes and TF combinations', () => {
    expect(p2pV2OpCodeNames(3)).toEqual(['SYN', 'RAK']);
    expect(p2pV2TfName(1)).toBe('SLP / control, first');
    expect(p2pV2TfName(4)).toBe('MSN object');
    expect(p2pV2TfName(7)).toBe('file transfer, first');
  });

  it('tells v1 from v2 packets of a direct connection by their lengths', () => {
    const v1 = new Uint8Array(48 + 3);
    v1[24] = 3;
    expect(sniffP2pVersion(v1)).toBe(1);
    const v2 = hex(CHUNK).subarray(0, 48); // without the footer: 16 + 32 bytes exactly
    expect(sniffP2pVersion(v2)).toBe(2);
    expect(sniffP2pVersion(new Uint8Array(20))).toBeNull();
  });
});
