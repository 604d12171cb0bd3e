// The push parser gives the same frames whatever the chunk boundaries: whole file, one byte at a
// time, and uneven chunk sizes, for pcap and pcapng (records straddling chunks).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { CaptureParser } from '../../src/main/engine/capture/capture-parser';
import { readAllFrames } from '../helpers/capture-builder';

const FILES = ['test/fixtures/captures/ppa-2006-switchboard-chat.pcap', 'test/fixtures/capture-formats/ppa-2006-switchboard-chat-tsresol9.pcapng'];

function parseInChunks(bytes: Uint8Array, sizes: (i: number) => number): { frames: CapturedFrame[]; pushes: number } {
  const parser = new CaptureParser();
  const frames: CapturedFrame[] = [];
  let pushes = 0;
  for (let pos = 0, i = 0; pos < bytes.length; i++) {
    const size = sizes(i);
    // A fresh copy per chunk, as a stream would give, so no frame can lean on neighbouring bytes.
    for (const f of parser.push(bytes.slice(pos, pos + size))) frames.push({ ...f, data: f.data.slice() });
    pos += size;
    pushes++;
  }
  expect(parser.end()).toBeNull();
  return { frames, pushes };
}

const summary = (frames: CapturedFrame[]) => frames.map((f) => [f.fileOffset, f.tsUs, f.originalLength, Array.from(f.data).join(',')]);

describe.each(FILES)('chunk boundaries: %s', (file) => {
  const bytes = new Uint8Array(readFileSync(file));
  const whole = parseInChunks(bytes, () => bytes.length).frames;

  it('reads 50 frames from the whole file', () => {
    expect(whole).toHaveLength(50);
  });

  it('reads the same frames fed one byte at a time', () => {
    const { frames, pushes } = parseInChunks(bytes, () => 1);
    expect(pushes).toBe(bytes.length);
    expect(summary(frames)).toEqual(summary(whole));
  });

  it('reads the same frames with uneven chunks', () => {
    const sizes = [3, 17, 64, 1, 250, 7, 1000, 2];
    expect(summary(parseInChunks(bytes, (i) => sizes[i % sizes.length]).frames)).toEqual(summary(whole));
  });

  it('reads the same frames from a file read in small chunks', async () => {
    const { frames, info } = await readAllFrames(file, { chunkSize: 37 });
    expect(info.frames).toBe(50);
    expect(info.damage).toBeUndefined();
    expect(summary(frames)).toEqual(summary(whole));
  });
});
