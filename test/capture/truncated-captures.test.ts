// Truncated and corrupt captures: every frame before the damage is delivered, and the damage
// names the byte offset (in the decompressed file) and what was missing. Absurd lengths are
// damage, never an allocation.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaptureParser } from '../../src/main/engine/capture/capture-parser';
import { concatBytes } from '../helpers/packet-builder';
import { enhancedPacket, interfaceDescription, pcapngBlock, sectionHeader } from '../helpers/pcapng-blocks';
import { readAllFrames } from '../helpers/capture-builder';

const PPA = new Uint8Array(readFileSync('test/fixtures/captures/ppa-2006-switchboard-chat.pcap'));
// Record layout of the PPA capture (tshark frame.len, all fully captured): 62, 62, 54, 114, …
const RECORD_3 = 24 + (16 + 62) + (16 + 62); // 164: third record header
const RECORD_4 = RECORD_3 + 16 + 54; // 234

function parse(bytes: Uint8Array) {
  const parser = new CaptureParser();
  const frames = parser.push(bytes);
  return { frames, damage: parser.end() };
}

describe('truncated classic pcap', () => {
  it('inside the file header', () => {
    expect(parse(PPA.subarray(0, 10))).toEqual({
      frames: [],
      damage: { offset: 0, message: 'truncated pcap file header at offset 0: needs 24 bytes, 10 left' },
    });
  });

  it('with the file header only: no frames, no damage', () => {
    expect(parse(PPA.subarray(0, 24))).toEqual({ frames: [], damage: null });
  });

  it('inside a record header', () => {
    const { frames, damage } = parse(PPA.subarray(0, RECORD_3 + 5));
    expect(frames).toHaveLength(2);
    expect(damage).toEqual({ offset: RECORD_3, message: `truncated packet record header at offset ${RECORD_3}: needs 16 bytes, 5 left` });
  });

  it('inside a record body', () => {
    const { frames, damage } = parse(PPA.subarray(0, RECORD_4 + 16 + 100));
    expect(frames).toHaveLength(3);
    expect(damage).toEqual({ offset: RECORD_4, message: `truncated packet record at offset ${RECORD_4}: needs 114 bytes, 100 left` });
  });

  it('exactly at a record boundary is clean', () => {
    expect(parse(PPA.subarray(0, RECORD_4))).toMatchObject({ damage: null });
    expect(parse(PPA.subarray(0, RECORD_4)).frames).toHaveLength(3);
  });

  it('with an absurd captured length', () => {
    const bytes = PPA.slice(0, RECORD_4 + 200);
    new DataView(bytes.buffer).setUint32(RECORD_4 + 8, 0x7fffffff, true);
    const { frames, damage } = parse(bytes);
    expect(frames).toHaveLength(3);
    expect(damage).toEqual({ offset: RECORD_4, message: `bad packet record at offset ${RECORD_4}: captured length 2147483647 exceeds 262144` });
  });

  it('through the file reader: info carries the damage', async () => {
    const { frames, info } = await readAllFrames(PPA.subarray(0, RECORD_4 + 20), { chunkSize: 50 });
    expect(frames).toHaveLength(3);
    expect(info).toEqual({
      path: 'bytes',
      format: 'pcap',
      frames: 3,
      gzip: false,
      damage: { offset: RECORD_4, message: `truncated packet record at offset ${RECORD_4}: needs 114 bytes, 4 left` },
    });
  });
});

describe('truncated and corrupt pcapng', () => {
  const packet = (fill: number) => enhancedPacket({ iface: 0, units: 1n, data: new Uint8Array(20).fill(fill) }); // 52 bytes
  const head = concatBytes(sectionHeader(), interfaceDescription({ linkType: 1 })); // 28 + 20
  const good = concatBytes(head, packet(1), packet(2)); // second packet at 100

  it('inside a block header', () => {
    const { frames, damage } = parse(good.subarray(0, 100 + 6));
    expect(frames).toHaveLength(1);
    expect(damage).toEqual({ offset: 100, message: 'truncated block header at offset 100: needs 12 bytes, 6 left' });
  });

  it('inside a block body', () => {
    const { frames, damage } = parse(good.subarray(0, 100 + 30));
    expect(frames).toHaveLength(1);
    expect(damage).toEqual({ offset: 100, message: 'truncated enhanced packet block at offset 100: needs 52 bytes, 30 left' });
  });

  it('block length not a multiple of 4', () => {
    const bad = pcapngBlock(6, new Uint8Array(24), { lengthOverride: 37 });
    const { frames, damage } = parse(concatBytes(head, packet(1), bad));
    expect(frames).toHaveLength(1);
    expect(damage).toEqual({ offset: 100, message: 'bad block length 37 for enhanced packet block at offset 100' });
  });

  it('block length overrunning the 16 MiB limit is not buffered', () => {
    const bad = pcapngBlock(0x0bad, new Uint8Array(4), { lengthOverride: 0x7ffffffc });
    const { damage } = parse(concatBytes(head, bad));
    expect(damage).toEqual({ offset: 48, message: `bad block length ${0x7ffffffc} for block 0x00000bad at offset 48` });
  });

  it('trailing length differing from the leading one', () => {
    const bad = pcapngBlock(6, new Uint8Array(40), { trailerOverride: 48 });
    const { frames, damage } = parse(concatBytes(head, packet(1), bad));
    expect(frames).toHaveLength(1);
    expect(damage).toEqual({ offset: 100, message: 'bad block length: enhanced packet block at offset 100 says 52 at its start, 48 at its end' });
  });

  it('captured length overrunning its block', () => {
    const bad = enhancedPacket({ iface: 0, units: 1n, data: new Uint8Array(20), capturedLength: 1000 });
    expect(parse(concatBytes(head, bad)).damage).toEqual({ offset: 48, message: 'bad captured length 1000 in block of length 52 at offset 48' });
  });

  it('packet on an interface that was never described', () => {
    const bad = enhancedPacket({ iface: 2, units: 1n, data: new Uint8Array(4) });
    expect(parse(concatBytes(head, bad)).damage).toEqual({ offset: 48, message: 'enhanced packet block at offset 48 refers to undefined interface 2' });
  });

  it('interfaces do not carry over into a new section', () => {
    const { frames, damage } = parse(concatBytes(head, packet(1), sectionHeader(), packet(2)));
    expect(frames).toHaveLength(1);
    expect(damage?.message).toBe('enhanced packet block at offset 128 refers to undefined interface 0');
  });

  it('a later section with an unknown byte-order magic', () => {
    const shb = sectionHeader();
    shb.set([1, 2, 3, 4], 8);
    expect(parse(concatBytes(good, shb)).damage).toEqual({
      offset: 152,
      message: 'unknown byte-order magic 0x04030201 in section header block at offset 152',
    });
  });
});
