// Reads several capture files as one run: a k-way merge by timestamp (as mergecap does), stable
// (ties keep file order; each file's own order is always kept, even when its timestamps go
// backwards), assigning the global 1-based frame numbers. k is small (a handful of files), so
// the earliest head is found by a linear scan rather than a heap.

import { stat } from 'node:fs/promises';
import type { CaptureInfo } from '../../../shared/model';
import type { CapturedFrame } from './captured-frame';
import { readCaptureFileBatches, type CaptureBatches, type ReadCaptureOptions } from './capture-reader';

export type MergeOptions = ReadCaptureOptions;

/** Batches of numbered frames in merged order; the return value has one CaptureInfo per path. */
export async function* mergeCaptureBatches(paths: string[], opts: MergeOptions = {}): AsyncGenerator<CapturedFrame[], CaptureInfo[], undefined> {
  const sizes = opts.onProgress ? await Promise.all(paths.map(async (p) => (await stat(p)).size)) : paths.map(() => 0);
  const total = sizes.reduce((a, b) => a + b, 0);
  const readSoFar = paths.map(() => 0);
  const readers = paths.map((path, index) =>
    readCaptureFileBatches(path, index, {
      chunkSize: opts.chunkSize,
      reuseBuffers: opts.reuseBuffers,
      onProgress: opts.onProgress
        ? (bytes) => {
            readSoFar[index] = bytes;
            opts.onProgress?.(readSoFar.reduce((a, b) => a + b, 0), total);
          }
        : undefined,
    }),
  );
  const infos: CaptureInfo[] = new Array(paths.length);
  let number = 0;
  try {
    if (readers.length === 1) {
      for (;;) {
        const next = await readers[0].next();
        if (next.done) {
          infos[0] = next.value;
          break;
        }
        for (const frame of next.value) frame.number = ++number;
        yield next.value;
      }
      return infos;
    }
    const heads = await Promise.all(readers.map((reader, i) => nextBatch(reader, i, infos)));
    const positions = heads.map(() => 0);
    let out: CapturedFrame[] = [];
    for (;;) {
      let best = -1;
      let bestTs = Infinity;
      for (let i = 0; i < heads.length; i++) {
        const batch = heads[i];
        if (batch && batch[positions[i]].tsUs < bestTs) {
          best = i;
          bestTs = batch[positions[i]].tsUs;
        }
      }
      if (best < 0) break;
      const batch = heads[best] as CapturedFrame[];
      const frame = batch[positions[best]++];
      frame.number = ++number;
      out.push(frame);
      if (positions[best] === batch.length) {
        // Hand on what we have before waiting for more input from this file.
        if (out.length > 0) {
          yield out;
          out = [];
        }
        heads[best] = await nextBatch(readers[best], best, infos);
        positions[best] = 0;
      }
    }
    if (out.length > 0) yield out;
    return infos;
  } finally {
    await Promise.all(readers.map((r) => r.return(undefined as never)));
  }
}

/** Frame at a time; see mergeCaptureBatches. */
export async function* mergeCaptures(paths: string[], opts?: MergeOptions): AsyncGenerator<CapturedFrame, CaptureInfo[], undefined> {
  const batches = mergeCaptureBatches(paths, opts);
  for (;;) {
    const next = await batches.next();
    if (next.done) return next.value;
    yield* next.value;
  }
}

/** The next non-empty batch of a file, or null at its end (recording its CaptureInfo). */
async function nextBatch(reader: CaptureBatches, index: number, infos: CaptureInfo[]): Promise<CapturedFrame[] | null> {
  for (;;) {
    const next = await reader.next();
    if (next.done) {
      infos[index] = next.value;
      return null;
    }
    if (next.value.length > 0) return next.value;
  }
}
