// The export channels through the whole back end (real worker): each writes a fresh file in the
// output directory that the download route may hand out (browser mode), or where AskWhere says
// (Electron), and none takes a path from the request.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskWhere } from '../../../src/main/backend/ask-where';
import { CAPTURES } from '../../helpers/captures';
import { backendHarness } from '../backend-harness';

const sha1 = (b: Uint8Array): string => createHash('sha1').update(b).digest('hex');
const NO_PATH = '(no path: the back end chooses where to write)';

describe('export channels in the browser mode (output directory, then a download)', () => {
  const h = backendHarness();
  beforeAll(async () => {
    expect(await h.backend.request('file:open', { paths: [CAPTURES.pecanFileTransfer] })).toEqual({ ok: true });
    await h.finalResult();
  });
  afterAll(() => h.close());

  const offered = (path: string): string => {
    expect(h.backend.outputFile(basename(path))).toBe(path);
    return readFileSync(path, 'utf8');
  };

  it('writes packet dissections, a recovered file, all of them and a transcript under names of their own', async () => {
    const csv = await h.backend.request('export:dissections', { format: 'csv' });
    if (!csv.ok) throw new Error(csv.error);
    expect(basename(csv.path)).toBe('msnp12-pecan-escargot-file-transfer-p2p-dissections.csv');
    expect(csv.frames).toBe(332);
    expect(offered(csv.path).split('\r\n').filter(Boolean)).toHaveLength(333);

    const text = await h.backend.request('export:dissections', { format: 'text', range: '1-3' });
    expect(text.ok && basename(text.path)).toBe('msnp12-pecan-escargot-file-transfer-p2p-dissections-selected.txt');

    const one = await h.backend.request('export:objects', { index: 0 });
    if (!one.ok) throw new Error(one.error);
    expect(basename(one.path)).toMatch(/^\d+-hello\.txt$/);
    expect(sha1(readFileSync(one.path))).toBe('128a92f3b4c39a4f715d4e67cdea53043dda58ef');
    offered(one.path);

    const all = await h.backend.request('export:objects', {});
    expect(all.ok && [basename(all.path), all.files]).toEqual(['msnp12-pecan-escargot-file-transfer-p2p-files.zip', 2]);

    const transcript = await h.backend.request('export:transcript', { session: 1, format: 'html' });
    if (!transcript.ok) throw new Error(transcript.error);
    expect(basename(transcript.path)).toBe('msnp12-pecan-escargot-file-transfer-p2p-session-1.html');
    expect(offered(transcript.path)).toContain('I am sending you two files now.');

    expect(await h.backend.request('export:transcript', { session: 99, format: 'json' })).toEqual({ ok: false, error: 'no session 99 in this capture' });
    expect(await h.backend.request('objects:preview', { index: 1 })).toMatchObject({ kind: 'none' });
  });

  it('refuses a request that names a path (or anything else the contract does not name)', async () => {
    await expect(h.backend.request('export:dissections', { format: 'csv', path: '/tmp/x.csv' } as never)).rejects.toThrow(NO_PATH);
    await expect(h.backend.request('export:objects', { index: 0, path: '/tmp/x' } as never)).rejects.toThrow(NO_PATH);
    await expect(h.backend.request('export:transcript', { session: 1, format: 'html', path: '/tmp/x.html' } as never)).rejects.toThrow(NO_PATH);
    await expect(h.backend.request('export:dissections', { format: 'pdml' } as never)).rejects.toThrow('expected');
    await expect(h.backend.request('objects:preview', { index: -1 })).rejects.toThrow('expected { index: integer ≥ 0 }');
  });
});

describe('export channels in Electron (AskWhere)', () => {
  const chosen = mkdtempSync(join(tmpdir(), 'msnp-chosen-'));
  const asked: string[][] = [];
  const answers: (string | null)[] = [];
  const askWhere: AskWhere = {
    saveFile: async (label, suffix) => {
      asked.push([label, suffix]);
      return answers.shift() ?? null;
    },
    ringDirectory: async () => null,
  };
  const h = backendHarness({ askWhere });
  afterAll(async () => {
    await h.close();
    rmSync(chosen, { recursive: true, force: true });
  });

  it('asks with the file\'s own name and extension, writes there, and a closed dialog is cancelled', async () => {
    expect(await h.backend.request('file:open', { paths: [CAPTURES.pecanFileTransfer] })).toEqual({ ok: true });
    await h.finalResult();
    answers.push(join(chosen, 'picked.bin'));
    const saved = await h.backend.request('export:objects', { index: 1 });
    expect(saved).toEqual({ ok: true, path: join(chosen, 'picked.bin'), files: 1 });
    expect(asked[0][0]).toMatch(/^\d+-photo_blob\.bin$/);
    expect(asked[0][1]).toBe('.bin');
    expect(sha1(readFileSync(join(chosen, 'picked.bin')))).toBe('e933a1e595562397e87fab7f9118e7eaf6674b53');
    expect(h.backend.outputFile('picked.bin')).toBeNull();
    expect(await h.backend.request('export:dissections', { format: 'json' })).toEqual({ ok: false, error: 'cancelled' });
    expect(asked[1]).toEqual(['msnp12-pecan-escargot-file-transfer-p2p.pcap', '-dissections.json']);
    expect(readdirSync(chosen)).toEqual(['picked.bin']);
  });
});
