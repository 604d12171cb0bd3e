// The fuzzer's record splitter: records are whole pcap records or pcapng blocks (counts from the
// captures' README and from the blocks the writer is known to emit), and joining gives back the
// exact file, torn tails included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinCapture, splitCapture } from '../../scripts/fuzz/capture-records';
import { buildPcapng, tcpConversation } from '../helpers/capture-builder';
import { CAPTURES } from '../helpers/captures';
import { concatBytes } from '../helpers/packet-builder';

const wireshark = new Uint8Array(readFileSync(CAPTURES.wireshark2005));
const ppa = new Uint8Array(readFileSync(CAPTURES.ppa2006));
// Buffer.equals: a deep equal of 60 KB byte by byte is slow in vitest.
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

describe('splitCapture', () => {
  it('finds one record per frame of a pcap (364 and 50 frames by the README)', () => {
    expect(splitCapture(wireshark)).toMatchObject({ format: 'pcap', littleEndian: true });
    expect(splitCapture(wireshark).records).toHaveLength(364);
    expect(splitCapture(ppa).records).toHaveLength(50);
    expect(splitCapture(ppa).header).toHaveLength(24);
  });

  it('gives back the exact bytes when joined, a torn last record included', () => {
    expect(sameBytes(joinCapture(splitCapture(wireshark)), wireshark)).toBe(true);
    const torn = concatBytes(ppa, Uint8Array.of(1, 2, 3, 4, 5));
    const split = splitCapture(torn);
    expect(split.records).toHaveLength(51);
    expect(split.records[50]).toEqual(Uint8Array.of(1, 2, 3, 4, 5));
    expect(sameBytes(joinCapture(split), torn)).toBe(true);
  });

  it('splits pcapng into blocks: section header, interface, one packet block per frame', () => {
    const frames = tcpConversation({ client: { ip: '10.0.0.1', port: 1025 }, server: { ip: '10.0.0.2', port: 1863 }, messages: [{ from: 'client', payload: 'VER 1 MSNP8 CVR0\r\n' }], fin: false });
    const bytes = buildPcapng(frames);
    const split = splitCapture(bytes);
    expect(split.format).toBe('pcapng');
    const types = split.records.map((r) => new DataView(r.buffer, r.byteOffset).getUint32(0, true));
    expect(types).toEqual([0x0a0d0d0a, 1, 6, 6, 6, 6]);
    expect(joinCapture(split)).toEqual(bytes);
  });

  it('treats anything else as one unknown record', () => {
    const junk = new TextEncoder().encode('not a capture at all');
    expect(splitCapture(junk)).toMatchObject({ format: 'unknown', records: [junk] });
  });
});
