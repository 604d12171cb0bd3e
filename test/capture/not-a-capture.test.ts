// Input that is not a capture at all is an error with a one-line message, not damage.

import { describe, expect, it } from 'vitest';
import { CaptureFormatError } from '../../src/main/engine/capture/capture-damage';
import { CaptureParser } from '../../src/main/engine/capture/capture-parser';
import { readAllFrames } from '../helpers/capture-builder';
import { hexToBytes } from '../helpers/packet-builder';
import { enhancedPacket, sectionHeader } from '../helpers/pcapng-blocks';

function parseAll(bytes: Uint8Array): void {
  const parser = new CaptureParser();
  parser.push(bytes);
  parser.end();
}

describe('not a capture file', () => {
  it('text', () => {
    expect(() => parseAll(new TextEncoder().encode('<html><body>hello</body></html>'))).toThrow('not a pcap or pcapng file (magic 0x3c68746d)');
  });

  it('is a CaptureFormatError', () => {
    expect(() => parseAll(hexToBytes('00 00 00 00 00 00 00 00'))).toThrow(CaptureFormatError);
  });

  it('empty file', () => {
    expect(() => parseAll(new Uint8Array(0))).toThrow('empty file: not a pcap or pcapng capture');
  });

  it('shorter than a magic number', () => {
    expect(() => parseAll(hexToBytes('d4 c3 b2'))).toThrow('not a pcap or pcapng file (only 3 bytes)');
  });

  it('pcap magic with an unknown version', () => {
    expect(() => parseAll(hexToBytes('d4c3b2a1 0300 0000 00000000 00000000 ffff0000 01000000'))).toThrow('unsupported pcap version 3.0');
  });

  it('pcapng block type with a bad byte-order magic', () => {
    expect(() => parseAll(hexToBytes('0a0d0d0a 1c000000 11223344'))).toThrow('not a pcapng file: unknown byte-order magic 0x44332211');
  });

  it('pcapng whose section header is followed by a packet but is version 2', () => {
    const shb = sectionHeader();
    shb[12] = 2;
    expect(() => parseAll(shb)).toThrow('unsupported pcapng version 2.0 at offset 0');
  });

  it('through the reader, the promise rejects naming the input', async () => {
    await expect(readAllFrames(new TextEncoder().encode('GIF89a....'))).rejects.toThrow('bytes: not a pcap or pcapng file (magic 0x47494638)');
  });

  it('a missing file rejects with the path', async () => {
    await expect(readAllFrames('/nonexistent/file.pcap')).rejects.toThrow('/nonexistent/file.pcap');
  });

  it('an EPB before any SHB is not pcapng', () => {
    expect(() => parseAll(enhancedPacket({ iface: 0, units: 0n, data: new Uint8Array(4) }))).toThrow('not a pcap or pcapng file (magic 0x06000000)');
  });
});
