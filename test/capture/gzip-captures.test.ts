// gzip-compressed captures are detected by their 1f 8b magic and streamed through zlib; a cut
// gzip stream is damage (frames before it stand), reported at a decompressed offset.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readAllFrames } from '../helpers/capture-builder';

const PPA = new Uint8Array(readFileSync('test/fixtures/captures/ppa-2006-switchboard-chat.pcap'));

describe('gzip captures', () => {
  it('reads a gzipped pcap from memory in tiny chunks', async () => {
    const { frames, info } = await readAllFrames(gzipSync(PPA), { chunkSize: 1 });
    expect(info).toEqual({ path: 'bytes', format: 'pcap', frames: 50, gzip: true });
    expect(frames[0].tsUs).toBe(1_167_359_261_823_896);
    // Offsets are in the decompressed file.
    expect(frames[0].fileOffset).toBe(24);
  });

  it('reports progress in compressed bytes up to the file size', async () => {
    const path = 'test/fixtures/capture-formats/ppa-2006-switchboard-chat.pcap.gz';
    const calls: [number, number][] = [];
    await readAllFrames(path, { chunkSize: 500, onProgress: (read, total) => calls.push([read, total]) });
    const size = readFileSync(path).length;
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.length).toBe(Math.ceil(size / 500));
  });

  it('a cut gzip stream is damage after the frames it held', async () => {
    const compressed = gzipSync(PPA);
    const { frames, info } = await readAllFrames(compressed.subarray(0, compressed.length - 100), { chunkSize: 64 });
    expect(info.gzip).toBe(true);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(50);
    expect(info.frames).toBe(frames.length);
    // Whatever was cut, the damage lies after the last delivered record.
    const last = frames[frames.length - 1];
    expect(info.damage?.offset).toBe(last.fileOffset + 16 + last.data.length);
    expect(info.damage?.message).toMatch(/gzip: unexpected end of file/);
  });

  it('corrupt gzip data is damage after the frames before it', async () => {
    const compressed = gzipSync(PPA);
    compressed.fill(0x55, 1000, 1100);
    const { frames, info } = await readAllFrames(compressed, { chunkSize: 256 });
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(50);
    expect(info.frames).toBe(frames.length);
    // Depending on the bytes, zlib notices first or the garbage it inflated breaks a record.
    expect(info.damage?.message).toMatch(/gzip: |bad packet record|truncated packet record/);
    expect(Array.from(frames[0].data)).toEqual(Array.from(PPA.subarray(40, 40 + 62)));
  });

  it('a gzip file corrupt from the start is an error', async () => {
    const compressed = gzipSync(PPA);
    compressed.fill(0x55, 10, 100);
    await expect(readAllFrames(compressed)).rejects.toThrow(/^bytes: unreadable gzip file: gzip: /);
  });
});
