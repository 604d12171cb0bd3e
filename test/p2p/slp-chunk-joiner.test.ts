import { describe, expect, it } from 'vitest';
import { MAX_SLP_BYTES, SlpChunkJoiner } from '../../src/main/engine/p2p/slp-chunk-joiner';

const text = new TextEncoder().encode('INVITE MSNMSGR:b MSNSLP/1.0\r\n');
const str = (o: unknown) => ('data' in (o as object) ? new TextDecoder().decode((o as { data: Uint8Array }).data) : o);

describe('SlpChunkJoiner', () => {
  it('v1: joins chunks by identifier and offset, ignores a repeat, keeps scopes apart', () => {
    const j = new SlpChunkJoiner();
    expect(j.addV1('s', 1, 0, text.length, text.subarray(0, 10))).toEqual({ pending: true });
    expect(j.addV1('other', 1, 10, text.length, text.subarray(10))).toEqual({ error: 'SLP chunk at offset 10 without its first chunk' });
    expect(j.addV1('s', 1, 0, text.length, text.subarray(0, 10))).toEqual({ pending: true });
    expect(str(j.addV1('s', 1, 10, text.length, text.subarray(10)))).toBe('INVITE MSNMSGR:b MSNSLP/1.0\r\n');
    expect(str(j.addV1('s', 2, 0, text.length, text))).toBe('INVITE MSNMSGR:b MSNSLP/1.0\r\n');
  });

  it('v1: a gap drops the message; an oversized one is refused', () => {
    const j = new SlpChunkJoiner();
    j.addV1('s', 1, 0, 100, new Uint8Array(10));
    expect(j.addV1('s', 1, 20, 100, new Uint8Array(10))).toEqual({ error: 'SLP chunk at offset 20 does not follow the 10 bytes received' });
    expect(j.addV1('s', 3, 0, MAX_SLP_BYTES + 1, new Uint8Array(10))).toEqual({ error: `SLP message of ${MAX_SLP_BYTES + 1} bytes is over the ${MAX_SLP_BYTES}-byte limit` });
  });

  it('v2: TF first starts a message, data remaining counts down to the end', () => {
    const j = new SlpChunkJoiner();
    expect(j.addV2('s', true, text.length - 7, text.subarray(0, 7))).toEqual({ pending: true });
    expect(j.addV2('s', false, text.length - 20, text.subarray(7, 20))).toEqual({ pending: true });
    expect(str(j.addV2('s', false, 0, text.subarray(20)))).toBe('INVITE MSNMSGR:b MSNSLP/1.0\r\n');
    expect(j.addV2('s', false, 0, text)).toEqual({ error: 'SLP continuation chunk without its first chunk' });
    expect(str(j.addV2('s', true, null, text))).toBe('INVITE MSNMSGR:b MSNSLP/1.0\r\n');
  });
});
