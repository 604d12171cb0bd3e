// Packets cross from the capture process in binary batches: 16-byte record headers
// (f64 tsUs, u32 captured, u32 original, little-endian) followed by the bytes.
import { describe, expect, it } from 'vitest';
import { PacketBatchBuilder, readPacketBatch } from '../../src/main/capture/packet-batch';

describe('packet batches', () => {
  it('round-trips packets, copying them out of the shared buffer', () => {
    const shared = Buffer.alloc(64);
    const builder = new PacketBatchBuilder(16); // tiny, so it must grow
    shared.write('first packet');
    builder.add(1_700_000_000_123_456, shared, 12, 12);
    shared.write('SECOND'); // the binding reuses its buffer: the first packet must be unaffected
    builder.add(1_700_000_000_123_999, shared, 6, 1514);
    expect(builder.count).toBe(2);
    const batch = builder.take();
    expect(batch.length).toBe(16 + 12 + 16 + 6);
    expect(builder.count).toBe(0);
    const packets = readPacketBatch(batch);
    expect(packets.map((p) => [p.tsUs, p.originalLength, Buffer.from(p.data).toString()])).toEqual([
      [1_700_000_000_123_456, 12, 'first packet'],
      [1_700_000_000_123_999, 1514, 'SECOND'],
    ]);
  });

  it('lays records out as documented', () => {
    const builder = new PacketBatchBuilder();
    builder.add(1, Buffer.from([0xaa, 0xbb]), 2, 3);
    // 00 00 00 00 00 00 f0 3f | 02 00 00 00 | 03 00 00 00 | aa bb   (1.0 as a little-endian double)
    expect(Buffer.from(builder.take()).toString('hex')).toBe('000000000000f03f0200000003000000aabb');
  });

  it('stops at a record that does not fit instead of reading past the batch', () => {
    const builder = new PacketBatchBuilder();
    builder.add(5, Buffer.from('abcd'), 4, 4);
    builder.add(6, Buffer.from('efgh'), 4, 4);
    const batch = builder.take();
    expect(readPacketBatch(batch.subarray(0, batch.length - 1)).map((p) => p.tsUs)).toEqual([5]);
    expect(readPacketBatch(batch.subarray(0, 10))).toEqual([]);
  });
});
