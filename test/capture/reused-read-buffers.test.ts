// readCaptureFileBatches with reuseBuffers: a plain file is read into two buffers in turn. Frames
// copied while their batch is current are the same as from fresh buffers, whatever the chunk
// size; a gzip file still goes through zlib; and a batch's frames really are overwritten later
// (which is why only consumers that copy what they keep may ask for it).

import { describe, expect, it } from 'vitest';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { readCaptureFileBatches, type ReadCaptureOptions } from '../../src/main/engine/capture/capture-reader';

const PCAP = 'test/fixtures/captures/ppa-2006-switchboard-chat.pcap';
const PCAPNG = 'test/fixtures/capture-formats/ppa-2006-switchboard-chat-tsresol9.pcapng';
const GZ = 'test/fixtures/capture-formats/ppa-2006-switchboard-chat.pcap.gz';

/** Every frame copied while its batch is current; also the batches as handed out (not copied). */
async function read(path: string, opts: ReadCaptureOptions) {
  const copied: Array<[number, number, number[]]> = [];
  const kept: CapturedFrame[][] = [];
  const batches = readCaptureFileBatches(path, 0, opts);
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    kept.push(next.value);
    for (const f of next.value) copied.push([f.fileOffset, f.tsUs, [...f.data]]);
  }
  return { copied, kept };
}

describe('reused read buffers', () => {
  it.each([PCAP, PCAPNG])('same frames as fresh buffers at any chunk size: %s', async (path) => {
    const fresh = (await read(path, {})).copied;
    expect(fresh).toHaveLength(50);
    for (const chunkSize of [64, 1000, 4096, 1 << 20]) {
      expect((await read(path, { reuseBuffers: true, chunkSize })).copied, `chunk ${chunkSize}`).toEqual(fresh);
    }
  });

  it('a gzip file is still decompressed', async () => {
    const { copied } = await read(GZ, { reuseBuffers: true, chunkSize: 500 });
    expect(copied).toEqual((await read(PCAP, {})).copied);
  });

  it('frames kept past their batch are overwritten by later reads (the contract the option relies on)', async () => {
    const { copied, kept } = await read(PCAP, { reuseBuffers: true, chunkSize: 1000 });
    const late = kept.flat().map((f) => [...f.data]);
    expect(late).not.toEqual(copied.map((c) => c[2]));
  });
});
