// Frames must be plain Uint8Arrays even when read from Node Buffers (files, gunzip): slice() on
// a Buffer is a view, so a consumer's copy would alias the read chunk.
import { expect, it } from 'vitest';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { CAPTURES } from '../helpers/captures';

it('yields frames whose slice() is a real copy', async () => {
  for await (const frame of readCaptureFile(CAPTURES.ppa2006, 0)) {
    expect(frame.data.constructor).toBe(Uint8Array);
    const copy = frame.data.slice();
    copy[0] ^= 0xff;
    expect(copy[0]).not.toBe(frame.data[0]);
  }
});
