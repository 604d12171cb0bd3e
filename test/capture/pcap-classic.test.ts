// Classic pcap: both byte orders, microsecond and nanosecond magic (nanoseconds truncated to
// µs), link type and snaplen from the file header, captured vs original length.
// Files come from our PcapWriter; the header bytes are checked against the format by hand, and
// tshark read the big-endian nanosecond file with the same times (1167359261.823896999).

import { describe, expect, it } from 'vitest';
import { ByteCollector } from '../../src/main/engine/capture/byte-collector';
import { CaptureParser } from '../../src/main/engine/capture/capture-parser';
import { PcapWriter } from '../../src/main/engine/capture/pcap-writer';
import { hexToBytes } from '../helpers/packet-builder';

function pcap(opts: { bigEndian?: boolean; nanosecond?: boolean }): Uint8Array {
  const out = new ByteCollector();
  const writer = new PcapWriter(out.sink, { linkType: 113, snaplen: 96, ...opts });
  writer.writeRecord(1_167_359_261, opts.nanosecond ? 823_896_999 : 823_896, new Uint8Array(20).fill(1), 20);
  writer.writeRecord(1_167_359_262, opts.nanosecond ? 1_000 : 1, new Uint8Array(96).fill(2), 1514);
  return out.toUint8Array();
}

describe('classic pcap header', () => {
  it('writes the magic in the chosen byte order', () => {
    expect(pcap({}).subarray(0, 4)).toEqual(hexToBytes('d4 c3 b2 a1'));
    expect(pcap({ bigEndian: true }).subarray(0, 4)).toEqual(hexToBytes('a1 b2 c3 d4'));
    expect(pcap({ nanosecond: true }).subarray(0, 4)).toEqual(hexToBytes('4d 3c b2 a1'));
    expect(pcap({ bigEndian: true, nanosecond: true }).subarray(0, 24)).toEqual(
      // magic, version 2.4, thiszone, sigfigs, snaplen 96, LINKTYPE_LINUX_SLL
      hexToBytes('a1b23c4d 0002 0004 00000000 00000000 00000060 00000071'),
    );
  });
});

describe.each([
  ['little-endian µs', { bigEndian: false, nanosecond: false }],
  ['big-endian µs', { bigEndian: true, nanosecond: false }],
  ['little-endian ns', { bigEndian: false, nanosecond: true }],
  ['big-endian ns', { bigEndian: true, nanosecond: true }],
])('classic pcap, %s', (_name, opts) => {
  const parser = new CaptureParser(1);
  const frames = parser.push(pcap(opts));

  it('reads both records with no damage', () => {
    expect(parser.end()).toBeNull();
    expect(parser.format).toBe('pcap');
    expect(frames).toHaveLength(2);
  });

  it('converts timestamps to µs, truncating nanoseconds', () => {
    expect(frames[0].tsUs).toBe(1_167_359_261_823_896);
    expect(frames[1].tsUs).toBe(1_167_359_262_000_001);
  });

  it('takes the link type from the header and keeps both lengths', () => {
    expect(frames.map((f) => f.linkType)).toEqual([113, 113]);
    expect(frames[1].data.length).toBe(96);
    expect(frames[1].originalLength).toBe(1514);
    expect(frames[1].data.every((b) => b === 2)).toBe(true);
  });

  it('gives the record offsets', () => {
    expect(frames.map((f) => f.fileOffset)).toEqual([24, 24 + 16 + 20]);
    expect(frames.map((f) => f.number)).toEqual([0, 0]);
    expect(frames.map((f) => f.captureIndex)).toEqual([1, 1]);
  });
});

describe('link type field with FCS bits', () => {
  it('masks the FCS length and flag bits off the link type', () => {
    const bytes = pcap({});
    bytes[23] = 0x14; // most significant byte: FCS length 1 (bits 28–31) and the F bit (bit 26)
    const parser = new CaptureParser();
    expect(parser.push(bytes)[0].linkType).toBe(113);
  });
});
