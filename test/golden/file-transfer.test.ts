// Golden test: two MSNSLP file transfers through the switchboard (P2P v1 chunks). The file names,
// sizes and SHA-1s are given by the capture's README.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { extractFiles } from '../../src/main/cli/extract-files';
import type { AnalysisResult } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';

let r: AnalysisResult;
let bytesOf: (i: number) => Uint8Array | null;
beforeAll(async () => {
  const { result, analyzer } = await analyzeCaptureFiles([CAPTURES.pecanFileTransfer]);
  r = result;
  bytesOf = (i) => analyzer.fileBytes(i);
});

it('rebuilds both files with the SHA-1s of the README, once each although both clients were captured', () => {
  expect(r.files.map((f) => [f.kind, f.name, f.size, f.sha1, f.from, f.to, f.complete])).toEqual([
    ['file-transfer', 'hello.txt', 145, '128a92f3b4c39a4f715d4e67cdea53043dda58ef', 'alice@example.com', 'bob@example.com', true],
    ['file-transfer', 'photo_blob.bin', 20000, 'e933a1e595562397e87fab7f9118e7eaf6674b53', 'alice@example.com', 'bob@example.com', true],
  ]);
});

it('keeps the chat around the transfers', () => {
  expect(r.sessions[0].messages.map((m) => m.text)).toEqual(['I am sending you two files now.', 'Got both files, thanks!']);
  expect(r.commandCounts.MSG).toBe(66);
});

it('writes the files out with --extract, bytes hashing to the README values', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'msnp-extract-'));
  expect(await extractFiles(r, dir, bytesOf)).toBe(2);
  const sha = (name: string) => createHash('sha1').update(readFileSync(join(dir, name))).digest('hex');
  const names = readdirSync(dir).sort();
  expect(names.map((n) => n.replace(/^\d+-/, ''))).toEqual(['hello.txt', 'photo_blob.bin']);
  expect(names.map(sha)).toEqual(['128a92f3b4c39a4f715d4e67cdea53043dda58ef', 'e933a1e595562397e87fab7f9118e7eaf6674b53']);
});
