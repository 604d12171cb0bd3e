// Export Objects → MSN files, from the worker's session: each saved file's SHA-1 is the one the
// capture's README documents (tshark's --export-objects knows no MSNP), the zip of all of them is
// read back by Info-ZIP's unzip, and the inline viewer gets images only by their magic bytes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSession } from '../../../src/main/backend/analysis-session';
import { CAPTURES } from '../../helpers/captures';
import { writeFrames } from '../../engine-synthetic/synthetic';
import { EXE_BYTES, exportFrames, PNG_BYTES, sha1, SPOOFED_NAME, SVG_BYTES, TEXT_FILE } from '../../engine-synthetic/export-scenario';
import { loadedSession, scratchDir } from './export-session';

/** test/fixtures/captures/README.md: the two files of the MSNP12 file-transfer capture. */
const README_FILES = [
  { name: 'hello.txt', size: 145, sha1: '128a92f3b4c39a4f715d4e67cdea53043dda58ef' },
  { name: 'photo_blob.bin', size: 20000, sha1: 'e933a1e595562397e87fab7f9118e7eaf6674b53' },
];

describe('Export Objects on the MSNP12 file-transfer capture', () => {
  let session: AnalysisSession;
  const dir = scratchDir();
  beforeAll(async () => {
    session = await loadedSession(CAPTURES.pecanFileTransfer);
  });
  afterAll(() => session?.dispose());

  it('saves each file with the bytes whose SHA-1 the README gives, under its --extract name', async () => {
    const files = session.result()!.files;
    expect(files.map((f) => f.name)).toEqual(README_FILES.map((f) => f.name));
    for (let i = 0; i < files.length; i++) {
      expect(session.objectName(i)).toBe(`${files[i].frame}-${README_FILES[i].name}`);
      const path = join(dir, `one-${i}`);
      expect(await session.saveObjects(path, i)).toBe(1);
      const bytes = readFileSync(path);
      expect(bytes.length).toBe(README_FILES[i].size);
      expect(sha1(bytes)).toBe(README_FILES[i].sha1);
    }
    expect(session.objectName(2)).toBeNull();
    await expect(session.saveObjects(join(dir, 'none'), 2)).rejects.toThrow('no recovered file #2');
  });

  it('saves all of them as one zip that unzip reads back, every entry intact', async () => {
    const path = join(dir, 'all.zip');
    expect(await session.saveObjects(path)).toBe(2);
    const files = session.result()!.files;
    const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
    expect(names).toEqual(files.map((f, i) => `${f.frame}-${README_FILES[i].name}`));
    execFileSync('unzip', ['-tq', path]); // CRCs check out (throws otherwise)
    names.forEach((name, i) => expect(sha1(execFileSync('unzip', ['-p', path, name]))).toBe(README_FILES[i].sha1));
  });

  it('previews hello.txt as its text and photo_blob.bin as neither text nor image', () => {
    const text = session.objectPreview(0);
    expect(text.kind).toBe('text');
    if (text.kind === 'text') {
      expect(text.text.startsWith('Hello Bob!\nThis is hello.txt')).toBe(true);
      expect(new TextEncoder().encode(text.text).length).toBe(145);
      expect(text.truncated).toBe(false);
    }
    expect(session.objectPreview(1)).toEqual({ kind: 'none', reason: expect.stringContaining('neither text nor a PNG, JPEG, GIF or BMP image') });
    expect(session.objectPreview(7)).toEqual({ kind: 'none', reason: 'no recovered file #7' });
  });
});

describe('Export Objects on a synthetic capture (a PNG, a text file, an SVG with a script, an executable with a spoofed name)', () => {
  let session: AnalysisSession;
  beforeAll(async () => {
    session = await loadedSession(writeFrames(exportFrames));
  });
  afterAll(() => session?.dispose());

  it('gives the PNG as an image/png of exactly its bytes, the text as text and the SVG only as text', () => {
    const files = session.result()!.files;
    expect(files.map((f) => [f.name, f.sha1, f.complete])).toEqual([
      ['sunset.png', sha1(PNG_BYTES), true], ['notes.txt', sha1(new TextEncoder().encode(TEXT_FILE)), true], ['badge.svg', sha1(SVG_BYTES), true],
      [SPOOFED_NAME, sha1(EXE_BYTES), true],
    ]);
    const png = session.objectPreview(0);
    expect(png.kind === 'image' && png.mime).toBe('image/png');
    expect(png.kind === 'image' && sha1(png.bytes)).toBe(sha1(PNG_BYTES));
    expect(session.objectPreview(1)).toEqual({ kind: 'text', text: TEXT_FILE, size: TEXT_FILE.length + 2, truncated: false });
    const svg = session.objectPreview(2);
    expect(svg.kind).toBe('text');
    expect(session.objectPreview(3).kind).toBe('none');
  });

  it('flags the spoofed name and saves it under a name without the override', async () => {
    const files = session.result()!.files;
    expect(files[3].nameWarning).toContain('bidi control (⟨U+202E⟩)');
    expect(session.objectName(3)).toBe(`${files[3].frame}-holiday_gnp.exe`);
    const path = join(scratchDir(), 'spoofed');
    await session.saveObjects(path, 3);
    expect(sha1(readFileSync(path))).toBe(sha1(EXE_BYTES));
  });
});
