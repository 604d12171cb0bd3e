// Several files merged by timestamp into one numbered run (as mergecap does): stable on ties,
// each file's order kept, a single file never reordered, all CaptureInfo returned at the end.

import { describe, expect, it } from 'vitest';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { mergeCaptureBatches, mergeCaptures } from '../../src/main/engine/capture/merge-captures';
import type { CaptureInfo } from '../../src/shared/model';
import { buildPcap, buildPcapng, writeTempCapture, type FrameSpec } from '../helpers/capture-builder';

/** Frames tagged by their first byte so the merged order can be read off. */
const tagged = (tag: number, tsUs: number, linkType = 101): FrameSpec => ({ tsUs, data: Uint8Array.of(tag, 0, 0, 0), linkType });

async function merge(paths: string[], chunkSize?: number): Promise<{ frames: CapturedFrame[]; infos: CaptureInfo[] }> {
  const run = mergeCaptures(paths, { chunkSize });
  const frames: CapturedFrame[] = [];
  for (;;) {
    const next = await run.next();
    if (next.done) return { frames, infos: next.value };
    frames.push(next.value);
  }
}

describe('mergeCaptures', () => {
  const a = writeTempCapture(buildPcap([tagged(0xa1, 100), tagged(0xa2, 300), tagged(0xa3, 300), tagged(0xa4, 700)]), 'a.pcap');
  const b = writeTempCapture(buildPcapng([tagged(0xb1, 50, 1), tagged(0xb2, 300, 1), tagged(0xb3, 800, 1)]), 'b.pcapng');

  it('interleaves two files in time order, ties in file order', async () => {
    const { frames } = await merge([a, b]);
    expect(frames.map((f) => f.data[0].toString(16))).toEqual(['b1', 'a1', 'a2', 'a3', 'b2', 'a4', 'b3']);
    expect(frames.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(frames.map((f) => f.captureIndex)).toEqual([1, 0, 0, 0, 1, 0, 1]);
    expect(frames.map((f) => f.linkType)).toEqual([1, 101, 101, 101, 1, 101, 1]);
  });

  it('gives the same order when reading in tiny chunks', async () => {
    const { frames } = await merge([b, a], 7);
    expect(frames.map((f) => f.data[0].toString(16))).toEqual(['b1', 'a1', 'b2', 'a2', 'a3', 'a4', 'b3']);
  });

  it('returns every CaptureInfo in path order', async () => {
    const { infos } = await merge([a, b]);
    expect(infos).toEqual([
      { path: a, format: 'pcap', frames: 4, gzip: false },
      { path: b, format: 'pcapng', frames: 3, gzip: false },
    ]);
  });

  it('keeps each file in its own order even when its time goes backwards', async () => {
    const backwards = writeTempCapture(buildPcap([tagged(1, 500), tagged(2, 100), tagged(3, 900)]));
    const other = writeTempCapture(buildPcap([tagged(9, 200)]));
    expect((await merge([backwards])).frames.map((f) => f.data[0])).toEqual([1, 2, 3]);
    // Against another file the heads are compared: 500 > 200, so 9 first, then 1, 2, 3.
    expect((await merge([backwards, other])).frames.map((f) => f.data[0])).toEqual([9, 1, 2, 3]);
  });

  it('batches carry the global numbers and overall progress reaches the total', async () => {
    const progress: [number, number][] = [];
    const run = mergeCaptureBatches([a, b], { chunkSize: 16, onProgress: (read, total) => progress.push([read, total]) });
    const numbers: number[] = [];
    for (;;) {
      const next = await run.next();
      if (next.done) break;
      numbers.push(...next.value.map((f) => f.number));
    }
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const last = progress.at(-1) as [number, number];
    expect(last[0]).toBe(last[1]);
  });

  it('a damaged file stops only that file', async () => {
    const whole = buildPcap([tagged(1, 100), tagged(2, 200), tagged(3, 300)]);
    const cut = writeTempCapture(whole.subarray(0, whole.length - 2));
    const { frames, infos } = await merge([cut, b]);
    expect(frames.map((f) => f.data[0].toString(16))).toEqual(['b1', '1', '2', 'b2', 'b3']);
    expect(infos[0].damage?.offset).toBe(24 + 2 * 20);
  });
});
