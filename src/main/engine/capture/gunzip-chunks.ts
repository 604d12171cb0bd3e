// Decompresses a gzip stream (RFC 1952; several members in a row are one stream, as gzip does)
// so that whatever was inflated before damage is handed on. zlib's Gunzip checks the CRC-32 and
// length, and the bytes after a member, in the same call that inflates the member's last bytes,
// and on failure that call's output is lost: a small file with a bad CRC or trailing garbage was
// refused whole. Here zlib only inflates (raw deflate) and the gzip framing is read here: a bad
// CRC or length, or bytes after the data that are not another member, come after all the data.
// Input is written in slices, each once the output of the one before was taken (backpressure).

import { crc32, createInflateRaw, type InflateRaw } from 'node:zlib';

/** Compressed bytes written to zlib at a time: bounds the output held per step. */
const INPUT_SLICE = 64 * 1024;
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

export interface GunzipEnd {
  /** Why decompression stopped early, or null at a clean end. */
  error: string | null;
}

/** Compressed bytes not yet used, fed from the source on demand. */
class InputQueue {
  private buffered: Uint8Array = new Uint8Array(0);
  private done = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  get length(): number {
    return this.buffered.length;
  }

  /** Buffers at least `count` bytes if the source has them; false at its end before that. */
  async fill(count: number): Promise<boolean> {
    while (this.buffered.length < count && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else this.buffered = this.buffered.length === 0 ? next.value : Buffer.concat([this.buffered, next.value]);
    }
    return this.buffered.length >= count;
  }

  peek(): Uint8Array {
    return this.buffered;
  }

  take(count: number): Uint8Array {
    const out = this.buffered.subarray(0, count);
    this.buffered = this.buffered.subarray(count);
    return out;
  }

  /** Puts bytes zlib did not consume back in front. */
  unshift(bytes: Uint8Array): void {
    this.buffered = this.buffered.length === 0 ? bytes : Buffer.concat([bytes, this.buffered]);
  }
}

export async function* gunzipChunks(source: AsyncIterable<Uint8Array>, outputChunkSize: number): AsyncGenerator<Uint8Array, GunzipEnd> {
  const input = new InputQueue(source[Symbol.asyncIterator]());
  for (let member = 0; ; member++) {
    if (member > 0 && !(await input.fill(1))) return { error: null };
    const header = await readHeader(input);
    if (header !== 'ok') {
      if (member === 0) return { error: `gzip: ${header}` };
      return { error: `gzip: the bytes after the compressed data are not gzip (${header}): ignored` };
    }
    const body = yield* inflateMember(input, outputChunkSize);
    if (body.error) return { error: `gzip: ${body.error}` };
    if (!(await input.fill(8))) return { error: 'gzip: unexpected end of file (in the CRC-32 and length after the data)' };
    const trailer = input.take(8);
    const view = new DataView(trailer.buffer, trailer.byteOffset, 8);
    if (view.getUint32(0, true) !== body.crc) return { error: 'gzip: incorrect data check (the CRC-32 does not match: some decompressed bytes may be wrong)' };
    if (view.getUint32(4, true) !== body.size % 2 ** 32) return { error: 'gzip: incorrect length check (the stored length does not match the data)' };
  }
}

/** Reads and skips one member's header; 'ok' or what is wrong with it. */
async function readHeader(input: InputQueue): Promise<string> {
  if (!(await input.fill(10))) return 'unexpected end of file';
  const head = input.peek();
  if (head[0] !== 0x1f || head[1] !== 0x8b) return 'incorrect header check';
  if (head[2] !== 8) return 'unknown compression method';
  const flags = head[3];
  let at = 10;
  if (flags & FEXTRA) {
    if (!(await input.fill(at + 2))) return 'unexpected end of file';
    at += 2 + (input.peek()[at] | (input.peek()[at + 1] << 8));
  }
  for (const field of [FNAME, FCOMMENT]) {
    if (!(flags & field)) continue;
    // A zero-terminated string.
    for (;;) {
      if (!(await input.fill(at + 1))) return 'unexpected end of file';
      if (input.peek()[at++] === 0) break;
    }
  }
  if (flags & FHCRC) at += 2;
  if (!(await input.fill(at))) return 'unexpected end of file';
  input.take(at);
  return 'ok';
}

interface MemberBody {
  error: string | null;
  crc: number;
  size: number;
}

/** Inflates one member's deflate data, handing out the output as it comes; leaves the rest of the input queued. */
async function* inflateMember(input: InputQueue, outputChunkSize: number): AsyncGenerator<Uint8Array, MemberBody> {
  const inflater = createInflateRaw({ chunkSize: outputChunkSize });
  const out: Uint8Array[] = [];
  const state = { failure: null as Error | null, crc: 0, size: 0 };
  inflater.on('data', (chunk: Buffer) => {
    state.crc = crc32(chunk, state.crc);
    state.size += chunk.length;
    out.push(chunk);
  });
  inflater.on('error', (err: Error) => {
    state.failure ??= err;
  });
  let fed = 0;
  try {
    for (;;) {
      if (!(await input.fill(1))) {
        // The input ended inside the deflate data: flushing says so.
        await settled(inflater, (done) => inflater.end(done));
        yield* out.splice(0);
        return { error: state.failure?.message ?? 'unexpected end of file', crc: state.crc, size: state.size };
      }
      const slice = input.take(Math.min(INPUT_SLICE, input.length));
      fed += slice.length;
      await settled(inflater, (done) => inflater.write(slice, () => done()));
      yield* out.splice(0);
      if (state.failure) return { error: state.failure.message, crc: state.crc, size: state.size };
      // zlib stops consuming at the end of the deflate data: what it left is the trailer and on.
      const unused = fed - inflater.bytesWritten;
      if (unused > 0) {
        input.unshift(slice.subarray(slice.length - unused));
        return { error: null, crc: state.crc, size: state.size };
      }
    }
  } finally {
    inflater.destroy();
  }
}

/** Runs `start` and waits for its callback, or for the inflater's failure or close. */
function settled(inflater: InflateRaw, start: (done: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      inflater.off('error', finish);
      inflater.off('close', finish);
      resolve();
    };
    inflater.once('error', finish);
    inflater.once('close', finish);
    start(finish);
  });
}
