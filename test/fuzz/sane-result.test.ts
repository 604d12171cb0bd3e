// The child's invariants: a real capture's result passes them, a result pointing outside the
// capture fails them, and an extraction must write exactly the files it reports, inside its
// directory (the file transfer capture rebuilds two files, by its README).
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { extractFiles } from '../../src/main/cli/extract-files';
import { extractionProblems, resultProblems } from '../../scripts/fuzz/sane-result';
import { CAPTURES } from '../helpers/captures';

const { result, analyzer } = await analyzeCaptureFiles([CAPTURES.pecanFileTransfer]);

describe('resultProblems', () => {
  it('finds none in a real capture', () => {
    expect(resultProblems(result)).toEqual([]);
  });

  it('reports a connection past the last frame', () => {
    const broken = { ...result, connections: [{ ...result.connections[0], lastFrame: result.frames + 1 }] };
    expect(resultProblems(broken)).toEqual([expect.stringMatching(/^connection \d+ spans frames \d+\.\.\d+ of \d+$/)]);
  });
});

describe('extractionProblems', () => {
  it('finds none after a real extraction of the two files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msnp-test-extract-'));
    const written = await extractFiles(result, dir, (i) => analyzer.fileBytes(i));
    expect(written).toBe(2);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(extractionProblems(result, dir, written)).toEqual([]);
  });

  it('reports a file recorded outside the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msnp-test-extract-'));
    const outside = { ...result, files: [{ ...result.files[0], extractedTo: join(dir, '..', 'evil.txt') }] };
    expect(extractionProblems(outside, dir, 1)).toEqual([expect.stringMatching(/evil\.txt.*outside/), 'extraction reported 1 files, recorded 1, wrote 0']);
  });
});
