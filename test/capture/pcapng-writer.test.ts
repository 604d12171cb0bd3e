// PcapngWriter: the blocks it writes (checked field by field against the pcapng layout) and
// that the result reads back (tshark also reads these files: 2 interfaces, same times).

import { describe, expect, it } from 'vitest';
import { ByteCollector } from '../../src/main/engine/capture/byte-collector';
import { CaptureParser } from '../../src/main/engine/capture/capture-parser';
import { PcapngWriter } from '../../src/main/engine/capture/pcapng-writer';

function write(build: (w: PcapngWriter) => void): Uint8Array {
  const out = new ByteCollector();
  build(new PcapngWriter(out.sink, { application: 'test' }));
  return out.toUint8Array();
}

const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

describe('PcapngWriter', () => {
  it('starts with a little-endian SHB carrying shb_userappl', () => {
    const bytes = write(() => {});
    // type, length 40, BOM, version 1.0, section length -1, option 4 "test", end of options, length
    expect(Array.from(bytes)).toEqual([
      0x0a, 0x0d, 0x0d, 0x0a, 40, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255,
      4, 0, 4, 0, 0x74, 0x65, 0x73, 0x74, 0, 0, 0, 0, 40, 0, 0, 0,
    ]);
  });

  it('writes an IDB with if_tsresol 6 and returns interface ids, reusing identical ones', () => {
    let ids: number[] = [];
    const bytes = write((w) => {
      ids = [w.addInterface(1), w.addInterface(113, 65535, 'any'), w.addInterface(1)];
    });
    expect(ids).toEqual([0, 1, 0]);
    const idb = bytes.subarray(40);
    expect(u32(idb, 0)).toBe(1);
    // 8 + linktype/reserved/snaplen 8 + tsresol option 8 + end of options 4 + trailer 4
    expect(u32(idb, 4)).toBe(32);
    // LINKTYPE_ETHERNET, reserved, snaplen 262144, option 9 length 1 value 6 (padded), end, length
    expect(Array.from(idb.subarray(8, 32))).toEqual([1, 0, 0, 0, 0, 0, 4, 0, 9, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 32, 0, 0, 0]);
  });

  it('writes EPBs that read back with time, lengths, interface and comment-safe padding', () => {
    const bytes = write((w) => {
      const eth = w.addInterface(1);
      const sll = w.addInterface(113, 65535, 'any');
      w.writePacket(eth, 1_167_359_261_823_896, Uint8Array.of(1, 2, 3, 4, 5), 60);
      w.writePacket(sll, 1_795_435_535_452_840, new Uint8Array(64).fill(7), undefined, 'a comment');
    });
    const parser = new CaptureParser();
    const frames = parser.push(bytes);
    expect(parser.end()).toBeNull();
    expect(frames.map((f) => [f.tsUs, f.linkType, f.originalLength, f.data.length])).toEqual([
      [1_167_359_261_823_896, 1, 60, 5],
      [1_795_435_535_452_840, 113, 64, 64],
    ]);
    expect(Array.from(frames[0].data)).toEqual([1, 2, 3, 4, 5]);
    // EPB 1: 8 + 20 + 5 bytes padded to 8 + 4 = 40; its timestamp halves as written.
    const firstEpb = frames[0].fileOffset;
    expect(u32(bytes, firstEpb + 4)).toBe(40);
    expect(u32(bytes, firstEpb + 12) * 2 ** 32 + u32(bytes, firstEpb + 16)).toBe(1_167_359_261_823_896);
  });

  it('cuts data beyond the snaplen and keeps the original length', () => {
    const bytes = write((w) => w.writePacket(w.addInterface(101, 16), 5, new Uint8Array(100)));
    const frames = new CaptureParser().push(bytes);
    expect(frames[0].data.length).toBe(16);
    expect(frames[0].originalLength).toBe(100);
  });

  it('refuses a packet on an interface that was not added', () => {
    expect(() => write((w) => w.writePacket(0, 0, new Uint8Array(1)))).toThrow('PcapngWriter: interface 0 was not added');
  });
});
