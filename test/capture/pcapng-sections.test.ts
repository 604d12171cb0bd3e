// pcapng structure: two sections of opposite byte order, several interfaces per section with
// their own link type, if_tsresol (decimal and power-of-two) and if_tsoffset, Enhanced, Simple and
// obsolete Packet Blocks, and unknown blocks skipped by length.
// Expected timestamps are worked out by hand from the units below (and tshark shows the same
// epoch times for the EPBs of this file: see the comment on each).

import { describe, expect, it } from 'vitest';
import { CaptureParser } from '../../src/main/engine/capture/capture-parser';
import { concatBytes } from '../helpers/packet-builder';
import { enhancedPacket, interfaceDescription, obsoletePacket, pcapngBlock, sectionHeader, simplePacket } from '../helpers/pcapng-blocks';

const frame = (n: number, fill: number) => new Uint8Array(n).fill(fill);

/** Section 1 little-endian, section 2 big-endian. */
function twoSectionFile(): Uint8Array {
  const be = { bigEndian: true };
  return concatBytes(
    sectionHeader(),
    interfaceDescription({ linkType: 1 }), // default resolution: µs
    interfaceDescription({ linkType: 101, snaplen: 65535, tsresol: 9, tsoffset: 100, name: 'raw0' }),
    enhancedPacket({ iface: 0, units: 1_167_359_261_823_896n, data: frame(60, 0xa1) }),
    pcapngBlock(0x00000bad, frame(12, 0xee)), // unknown type
    enhancedPacket({ iface: 1, units: 1_795_435_535_452_840_999n, data: frame(40, 0xa2), originalLength: 1500 }),
    pcapngBlock(4, new Uint8Array(4)), // name resolution block, end of records only
    obsoletePacket({ iface: 0, units: 1_167_359_262_000_001n, data: frame(61, 0xa3) }),
    sectionHeader(be),
    interfaceDescription({ linkType: 113, snaplen: 64, tsresol: 0x80 | 10, ...be }), // 2^-10 s
    interfaceDescription({ linkType: 0, tsresol: 3, ...be }), // ms
    enhancedPacket({ iface: 0, units: 1_167_359_261n * 1024n + 512n, data: frame(70, 0xb1), ...be }),
    simplePacket(frame(64, 0xb2), 100, be), // captured = min(100, snaplen 64)
    enhancedPacket({ iface: 1, units: 1_700_000_000_123n, data: frame(44, 0xb3), ...be }),
    pcapngBlock(5, new Uint8Array(12), be), // interface statistics
    pcapngBlock(0x40000bad, frame(5, 0xcc), be), // custom block, padded
  );
}

describe('pcapng with two sections and several interfaces', () => {
  const bytes = twoSectionFile();
  const parser = new CaptureParser(3);
  const frames = parser.push(bytes);
  const damage = parser.end();

  it('reads every packet block and nothing else', () => {
    expect(damage).toBeNull();
    expect(parser.format).toBe('pcapng');
    expect(frames.map((f) => f.data[0])).toEqual([0xa1, 0xa2, 0xa3, 0xb1, 0xb2, 0xb3]);
    expect(frames.every((f) => f.captureIndex === 3)).toBe(true);
  });

  it('takes link type from the interface of each packet', () => {
    expect(frames.map((f) => f.linkType)).toEqual([1, 101, 1, 113, 113, 0]);
  });

  it('converts timestamps with each interface resolution and offset', () => {
    expect(frames.map((f) => f.tsUs)).toEqual([
      1_167_359_261_823_896, // µs as is (tshark: 1167359261.823896)
      1_795_435_535_452_840 + 100_000_000, // ns truncated, +100 s offset (tshark: 1795435635.452840999)
      1_167_359_262_000_001, // obsolete packet block, µs
      1_167_359_261_500_000, // 512/1024 s (tshark: 1167359261.500000000)
      1_167_359_261_500_000, // SPB: no timestamp, keeps the previous one
      1_700_000_000_123_000, // ms (tshark: 1700000000.123000000)
    ]);
  });

  it('applies the IDB 0 snaplen rule to simple packet blocks', () => {
    expect(frames[4].data.length).toBe(64);
    expect(frames[4].originalLength).toBe(100);
    expect(frames[4].linkType).toBe(113);
  });

  it('keeps captured and original lengths of enhanced packet blocks', () => {
    expect(frames[1].data.length).toBe(40);
    expect(frames[1].originalLength).toBe(1500);
  });

  it('records the block offset of each packet', () => {
    // SHB 28 + IDB 20 + IDB (20 + name 8 + tsresol 8 + tsoffset 12 + end 4 = 52) = 100
    expect(frames[0].fileOffset).toBe(100);
    // EPB 32 + 60 = 92, unknown block 24
    expect(frames[1].fileOffset).toBe(100 + 92 + 24);
  });
});
