// Streams a capture file (or an in-memory upload) through CaptureParser, transparently gunzipping
// when the input starts with the gzip magic 1f 8b. Never holds the whole file: chunks are read,
// parsed and handed on. Yields frames in batches (one per chunk) for speed, or one at a time.
//
// reuseBuffers: a plain file is read (synchronously) into two buffers taken in turn instead of a
// fresh buffer per chunk, whose page faults cost about as much as the read itself. A batch's
// frames then stay valid only until the next batch is asked for: for consumers that copy what
// they keep, as CapturedFrame.data asks.

import { createReadStream, readSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { CaptureInfo } from '../../../shared/model';
import type { CapturedFrame } from './captured-frame';
import { CaptureFormatError } from './capture-damage';
import { CaptureParser } from './capture-parser';
import { gunzipChunks } from './gunzip-chunks';

export interface ReadCaptureOptions {
  /** Bytes per read (default 1 MiB). */
  chunkSize?: number;
  /** Called after each read with bytes read so far (compressed, for gzip files) and the total. */
  onProgress?(bytesRead: number, total: number): void;
  /**
   * Read a plain (not gzipped) file into two reused buffers. Frames of a batch are then valid
   * only until the next batch is asked for (default false: every chunk is a fresh buffer).
   */
  reuseBuffers?: boolean;
}

const DEFAULT_CHUNK_SIZE = 1 << 20;
const GUNZIP_CHUNK_SIZE = 256 * 1024;

export type CaptureBatches = AsyncGenerator<CapturedFrame[], CaptureInfo, undefined>;

/** Frames of one file, a batch per chunk read; the generator's return value is the CaptureInfo. */
export async function* readCaptureFileBatches(path: string, captureIndex: number, opts: ReadCaptureOptions = {}): CaptureBatches {
  const total = (await stat(path)).size;
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (opts.reuseBuffers) {
    const handle = await open(path, 'r');
    try {
      if (!(await startsWithGzipMagic(handle))) {
        return yield* parseCaptureStream(reusedChunks(handle, chunkSize), path, captureIndex, total, opts.onProgress);
      }
    } finally {
      await handle.close();
    }
  }
  const chunks = createReadStream(path, { highWaterMark: chunkSize });
  try {
    return yield* parseCaptureStream(chunks, path, captureIndex, total, opts.onProgress);
  } finally {
    chunks.destroy();
  }
}

async function startsWithGzipMagic(handle: FileHandle): Promise<boolean> {
  const head = new Uint8Array(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0);
  return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The file's chunks, read into two buffers in turn. A buffer is read into again only once the
 * consumer has asked for the chunk after the one it held, i.e. is done with it. The reads are
 * synchronous: a 1 MiB read from the page cache takes a fraction of a millisecond, while an
 * asynchronous one costs a trip through libuv's thread pool and a wake-up of this thread, which
 * on a busy machine waited for longer than analysing the chunk took (the worker spent 400–500 ms
 * of a 1.3 s load of 200 MB waiting for reads). The analysis worker yields to its event loop by
 * itself. The trade-off: a cold read from a slow disk no longer overlaps the analysis of the chunk
 * before it.
 */
async function* reusedChunks(handle: FileHandle, chunkSize: number): AsyncGenerator<Uint8Array> {
  const buffers = [new Uint8Array(chunkSize), new Uint8Array(chunkSize)];
  for (let which = 0; ; which ^= 1) {
    const bytesRead = readSync(handle.fd, buffers[which], 0, chunkSize, null);
    if (bytesRead === 0) return;
    yield buffers[which].subarray(0, bytesRead);
  }
}

/** Same as readCaptureFileBatches for bytes already in memory (e.g. a browser upload). */
export function readCaptureBytesBatches(bytes: Uint8Array, name: string, captureIndex: number, opts: ReadCaptureOptions = {}): CaptureBatches {
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  function* chunks(): Generator<Uint8Array> {
    for (let pos = 0; pos < bytes.length; pos += chunkSize) yield bytes.subarray(pos, pos + chunkSize);
  }
  return parseCaptureStream(chunks(), name, captureIndex, bytes.length, opts.onProgress);
}

/** One frame at a time (number = 0 placeholder); the return value is the CaptureInfo. */
export function readCaptureFile(path: string, captureIndex: number, opts?: ReadCaptureOptions): AsyncGenerator<CapturedFrame, CaptureInfo, undefined> {
  return flattenBatches(readCaptureFileBatches(path, captureIndex, opts));
}

export function readCaptureBytes(bytes: Uint8Array, name: string, captureIndex: number, opts?: ReadCaptureOptions): AsyncGenerator<CapturedFrame, CaptureInfo, undefined> {
  return flattenBatches(readCaptureBytesBatches(bytes, name, captureIndex, opts));
}

async function* flattenBatches(batches: CaptureBatches): AsyncGenerator<CapturedFrame, CaptureInfo, undefined> {
  for (;;) {
    const next = await batches.next();
    if (next.done) return next.value;
    yield* next.value;
  }
}

async function* parseCaptureStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  path: string,
  captureIndex: number,
  total: number,
  onProgress: ReadCaptureOptions['onProgress'],
): CaptureBatches {
  try {
    return yield* parseWithGzip(source, path, captureIndex, total, onProgress);
  } catch (err) {
    // Name the file: with several inputs, "not a pcap file" alone does not say which.
    if (err instanceof CaptureFormatError) throw new CaptureFormatError(`${path}: ${err.message}`);
    throw err;
  }
}

async function* parseWithGzip(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  path: string,
  captureIndex: number,
  total: number,
  onProgress: ReadCaptureOptions['onProgress'],
): CaptureBatches {
  const input = withProgress(source, total, onProgress);
  const head = await peek(input, 2);
  const gzip = head.bytes.length >= 2 && head.bytes[0] === 0x1f && head.bytes[1] === 0x8b;
  const parser = new CaptureParser(captureIndex);
  let frames = 0;
  let gzipError: string | null = null;
  if (!gzip) {
    for await (const chunk of head.stream) {
      const batch = parser.push(chunk);
      frames += batch.length;
      if (batch.length > 0) yield batch;
      if (parser.damage) break;
    }
  } else {
    const inflated = gunzipChunks(head.stream, GUNZIP_CHUNK_SIZE);
    try {
      let step = await inflated.next();
      for (; !step.done; step = await inflated.next()) {
        const batch = parser.push(step.value);
        frames += batch.length;
        if (batch.length > 0) yield batch;
        if (parser.damage) break;
      }
      // A corrupt or cut gzip stream is damage: the frames inflated before it stand.
      if (step.done) gzipError = step.value.error;
    } finally {
      await inflated.return({ error: null });
    }
  }
  if (gzipError && parser.format === null) throw new CaptureFormatError(`unreadable gzip file: ${gzipError}`);
  let damage = parser.end();
  if (gzipError) damage = damage ? { ...damage, message: `${damage.message} (${gzipError})` } : { offset: parser.bytesConsumed, message: gzipError };
  const info: CaptureInfo = { path, format: parser.format ?? 'pcap', frames, gzip };
  if (damage) info.damage = damage;
  return info;
}

async function* withProgress(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  total: number,
  onProgress: ReadCaptureOptions['onProgress'],
): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of source) {
    read += chunk.length;
    onProgress?.(read, total);
    yield chunk;
  }
}

/** Reads until at least `count` bytes (or the end) are buffered; returns them and the whole stream. */
async function peek(source: AsyncGenerator<Uint8Array>, count: number): Promise<{ bytes: Uint8Array; stream: AsyncGenerator<Uint8Array> }> {
  const seen: Uint8Array[] = [];
  let length = 0;
  while (length < count) {
    const next = await source.next();
    if (next.done) break;
    seen.push(next.value);
    length += next.value.length;
  }
  const bytes = seen.length === 1 ? seen[0] : Buffer.concat(seen);
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    yield* source;
  }
  return { bytes, stream: replay() };
}
