// A damaged .gz capture is read up to the damage (issue 11, defect 10): a bad CRC-32 or length,
// garbage after the compressed data, or a cut trailer used to refuse a small file whole, because
// zlib checks them in the same call that inflates the last bytes and that call's output was lost.
// Input: the real PPA 2006 capture (6,635 bytes, 50 frames: capinfos), gzipped by node:zlib and
// then damaged byte by byte; expected frames are the plain file's own.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readAllFrames, writeTempCapture } from '../helpers/capture-builder';
import { CAPTURES } from '../helpers/captures';
import { analyzePaths } from '../engine-synthetic/synthetic';

const PPA = new Uint8Array(readFileSync(CAPTURES.ppa2006));
const GZ = gzipSync(PPA);

function damaged(change: (bytes: Buffer) => Buffer): Buffer {
  return change(Buffer.from(GZ));
}

async function expectAllFramesThen(bytes: Uint8Array, message: RegExp): Promise<void> {
  const plain = await readAllFrames(PPA);
  const { frames, info } = await readAllFrames(bytes, { chunkSize: 4096 });
  expect(frames.map((f) => Array.from(f.data))).toEqual(plain.frames.map((f) => Array.from(f.data)));
  expect(info).toMatchObject({ format: 'pcap', frames: 50, gzip: true });
  // Every decompressed byte was a whole record: the damage lies at the end of the file.
  expect(info.damage?.offset).toBe(PPA.length);
  expect(info.damage?.message).toMatch(message);
}

describe('a damaged gzip capture', () => {
  it('a bad CRC-32: every frame, then the damage', async () => {
    // The trailer is the last 8 bytes: CRC-32, then the length (RFC 1952 §2.3).
    await expectAllFramesThen(damaged((b) => ((b[b.length - 8] ^= 0xff), b)), /^gzip: incorrect data check/);
  });

  it('a bad stored length: every frame, then the damage', async () => {
    await expectAllFramesThen(damaged((b) => ((b[b.length - 1] ^= 0x01), b)), /^gzip: incorrect length check/);
  });

  it('garbage after the compressed data: every frame, the garbage said and ignored', async () => {
    await expectAllFramesThen(damaged((b) => Buffer.concat([b, Buffer.from('not gzip at all\n'.repeat(20))])), /^gzip: the bytes after the compressed data are not gzip/);
  });

  it('cut inside the trailer: every frame, then the damage', async () => {
    await expectAllFramesThen(damaged((b) => b.subarray(0, b.length - 3)), /^gzip: unexpected end of file/);
  });

  it('two gzip members in a row are one capture, without damage', async () => {
    const cut = 3000;
    const { frames, info } = await readAllFrames(Buffer.concat([gzipSync(PPA.subarray(0, cut)), gzipSync(PPA.subarray(cut))]), { chunkSize: 512 });
    expect(frames).toHaveLength(50);
    expect(info.damage).toBeUndefined();
  });

  it('cut inside the compressed data: the frames before the cut, then the damage', async () => {
    const { frames, info } = await readAllFrames(GZ.subarray(0, Math.floor(GZ.length / 2)), { chunkSize: 4096 });
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(50);
    const last = frames[frames.length - 1];
    expect(info.damage?.offset).toBe(last.fileOffset + 16 + last.data.length);
    // The cut record is named, with zlib's reason.
    expect(info.damage?.message).toMatch(/gzip: unexpected end of file/);
  });

  it('the whole engine analyses a .gz with a bad CRC: the chat is there and the damage is reported', async () => {
    const path = writeTempCapture(damaged((b) => ((b[b.length - 8] ^= 0xff), b)), 'chat.pcap.gz');
    const result = await analyzePaths([path]);
    expect(result.frames).toBe(50);
    expect(result.captures[0].damage?.message).toMatch(/^gzip: incorrect data check/);
    // The same transcript as from the plain file.
    const plain = await analyzePaths([CAPTURES.ppa2006]);
    expect(result.sessions.flatMap((s) => s.messages)).toEqual(plain.sessions.flatMap((s) => s.messages));
    expect(result.sessions.flatMap((s) => s.messages).length).toBeGreaterThan(0);
  });
});
