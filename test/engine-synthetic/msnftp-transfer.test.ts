// MSNFTP after a legacy file-transfer invitation (legacy-scenario.ts): bob connects to the
// offered address, sends VER MSNFTP / USR account authcookie / TFR, alice answers FIL size and
// sends the file in 3-byte-header blocks (straddling TCP segments), bob says BYE. The file is
// rebuilt and its SHA-1 is that of the bytes the scenario put in.
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { createHash } from 'node:crypto';
import { ALICE, AUTH_COOKIE, BOB, FILE_BYTES, FILE_NAME, FILE_SHA1, legacyFrames, msnftpBlocks } from './legacy-scenario';
import { frameContaining, writeFrames } from './synthetic';

const path = writeFrames(legacyFrames);
const { result, analyzer } = await analyzeCaptureFiles([path]);

describe('MSNFTP file transfer', () => {
  it('rebuilds the file with its name, size and SHA-1, sender and receiver', () => {
    const index = result.files.findIndex((f) => f.via === 'msnftp');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(result.files[index]).toMatchObject({ name: FILE_NAME, size: FILE_BYTES.length, sha1: FILE_SHA1, from: ALICE, to: BOB, complete: true });
    expect(result.files[index].received).toBe(FILE_BYTES.length);
    const bytes = analyzer.fileBytes(index);
    expect(bytes && createHash('sha1').update(bytes).digest('hex')).toBe(FILE_SHA1);
  });

  it('is the only file', () => {
    expect(result.files).toHaveLength(1);
  });

  it('does not count MSNFTP lines as MSNP commands of a switchboard', () => {
    expect(result.connections.filter((c) => c.role === 'switchboard')).toHaveLength(1);
    expect(result.commandCounts.FIL).toBeUndefined();
    expect(result.commandCounts.TFR).toBeUndefined();
  });

  it('never shows the AuthCookie', () => {
    expect(JSON.stringify(result)).not.toContain(AUTH_COOKIE);
  });

  it('the block framing in the scenario is what the spec says (sanity check of the builder)', () => {
    const blocks = msnftpBlocks(FILE_BYTES);
    expect([...blocks.subarray(0, 3)]).toEqual([0, 2045 & 0xff, 2045 >> 8]);
    expect(blocks.length).toBe(FILE_BYTES.length + 3 * Math.ceil(FILE_BYTES.length / 2045));
    expect(frameContaining(legacyFrames, 'VER MSNFTP')).toBeGreaterThan(frameContaining(legacyFrames, `AuthCookie: ${AUTH_COOKIE}`));
  });
});
