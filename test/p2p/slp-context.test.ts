import { describe, expect, it } from 'vitest';
import { decodeBase64Bounded, decodeFileTransferContext, parseFileTransferContext } from '../../src/main/engine/p2p/slp-context';
import { parseSlp } from '../../src/main/engine/p2p/msnslp';
import { parseP2pV1 } from '../../src/main/engine/p2p/p2p-header-v1';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';
import { CAPTURES } from '../helpers/captures';
import { readSwitchboardMsgs } from './capture-msg-bodies';

/** A context as WLM 8.5 writes it (version 3, header 637 bytes), with `preview` after it. */
function contextV3(name: string, size: number, type: number, preview: Uint8Array): Uint8Array {
  const out = new Uint8Array(637 + preview.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 637, true);
  v.setUint32(4, 3, true);
  v.setBigUint64(8, BigInt(size), true);
  v.setUint32(16, type, true);
  for (let i = 0; i < name.length; i++) v.setUint16(20 + 2 * i, name.charCodeAt(i), true);
  v.setUint32(570, 0xffffffff, true);
  out.set(preview, 637);
  return out;
}

describe('file-transfer context', () => {
  it('decodes the real context of hello.txt (pecan capture, frame 202)', () => {
    const msg = readSwitchboardMsgs(CAPTURES.pecanFileTransfer, 1864).find((m) => m.frame === 202)!;
    const context = parseSlp(parseP2pV1(parseMimeMessage(msg.body).body)!.data)!.field('Context')!;
    // Base64 "PgIAAAIAAACRAAAA…": 3e 02 00 00 (574), 02 00 00 00 (version 2), 91 00 … (145).
    expect(decodeFileTransferContext(context)).toEqual({
      headerLength: 574,
      version: 2,
      fileSize: 145,
      type: 0,
      typeName: 'preview allowed',
      fileName: 'hello.txt',
      trailer: 0xffffffff,
      previewLength: 0,
      problems: [],
    });
  });

  it('decodes a version 3 context with a non-ASCII name and a preview', () => {
    const bytes = contextV3('照片 2009.jpg', 123456, 0, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6]));
    const ctx = decodeFileTransferContext(Buffer.from(bytes).toString('base64'))!;
    expect(ctx).toMatchObject({ headerLength: 637, version: 3, fileSize: 123456, fileName: '照片 2009.jpg', previewLength: 10, problems: [] });
    expect(parseFileTransferContext(contextV3('a', 1, 1, new Uint8Array(8)))!.previewLength).toBe(0);
  });

  it('stops the file name at 260 code units even without a NUL', () => {
    const long = 'x'.repeat(300);
    const ctx = parseFileTransferContext(contextV3(long, 1, 1, new Uint8Array(0)))!;
    // 300 characters were written over the 30 unknown bytes and the trailer: only 260 are the name.
    expect(ctx.fileName).toBe('x'.repeat(260));
  });

  it('reports short, odd and undecodable contexts without throwing', () => {
    expect(decodeFileTransferContext('not base64!')).toBeNull();
    expect(decodeFileTransferContext(Buffer.from(new Uint8Array(19)).toString('base64'))).toBeNull();
    const short = new Uint8Array(100);
    new DataView(short.buffer).setUint32(4, 2, true);
    expect(parseFileTransferContext(short)!.problems).toEqual(['context is 100 bytes, shorter than its file name field', "header length 574 is beyond the context's 100 bytes"]);
    const odd = contextV3('a', 1, 1, new Uint8Array(0));
    new DataView(odd.buffer).setUint32(4, 7, true);
    expect(parseFileTransferContext(odd)!.problems).toEqual(['unknown context version 7']);
    expect(decodeBase64Bounded('QUJD', 2)).toBeNull();
    expect(Array.from(decodeBase64Bounded('QUJD')!)).toEqual([0x41, 0x42, 0x43]);
  });
});
