// The child process that runs cases: the real engine over a file (analyzeCaptureFiles as the CLI
// and the window's worker do, with the per-frame state the window needs), then what the user can
// ask of the result: the three reports, the command tree of a sample of frames, and `--extract`
// into a scratch directory (every write must land inside it). Cases arrive over IPC one at a
// time; the parent owns the time limit and the memory cap and kills this process at either.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import type { Analyzer } from '../../src/main/engine/analyzer';
import { CaptureFormatError } from '../../src/main/engine/capture/capture-damage';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { extractFiles } from '../../src/main/cli/extract-files';
import type { AnalysisResult } from '../../src/shared/model';
import type { CaseOutcome } from './case-outcome';
import { extractionProblems, resultProblems } from './sane-result';

export interface CaseRequest {
  id: number;
  path: string;
}

export type CaseReply = { id: number } & Omit<CaseOutcome, 'ms'>;

/** Frames whose command tree is built per case, spread over the capture. */
const DESCRIBED_FRAMES = 40;
/** Rebuilt files are extracted only up to this total (zeros of a huge declared size are no test). */
const MAX_EXTRACTED_BYTES = 16 * 1024 * 1024;

const reply = (message: CaseReply): void => {
  process.send?.(message);
};

let current = -1;

async function run({ id, path }: CaseRequest): Promise<void> {
  current = id;
  try {
    const { result, analyzer } = await analyzeCaptureFiles([path], { collectFrames: true });
    const problems = resultProblems(result);
    await describeSample(path, result.frames, analyzer);
    problems.push(...(await extractAll(result, analyzer)));
    const summary = {
      frames: result.frames,
      damage: result.captures[0]?.damage?.message ?? null,
      commandCounts: result.commandCounts,
      connections: result.connections.length,
      messages: result.sessions.reduce((n, s) => n + s.messages.length, 0),
      files: result.files.length,
      expert: result.expert.length,
    };
    reply(problems.length ? { id, kind: 'crash', detail: `insane result: ${problems.join('; ')}`, summary } : { id, kind: 'ok', detail: '', summary });
  } catch (err) {
    if (err instanceof CaptureFormatError) reply({ id, kind: 'clean-error', detail: err.message });
    else reply({ id, kind: 'crash', detail: describe(err) });
  }
}

/** Builds the command tree of every k-th frame, as a click in the packet list does. */
async function describeSample(path: string, frames: number, analyzer: Analyzer): Promise<void> {
  const step = Math.max(1, Math.ceil(frames / DESCRIBED_FRAMES));
  let number = 0;
  const reader = readCaptureFile(path, 0);
  for (let next = await reader.next(); !next.done; next = await reader.next()) {
    number++;
    if (number % step === 0 || number === 1) analyzer.describeFrame({ ...next.value, number });
  }
}

async function extractAll(result: AnalysisResult, analyzer: Analyzer): Promise<string[]> {
  let kept = 0;
  for (let i = 0; i < result.files.length; i++) kept += analyzer.fileBytes(i)?.length ?? 0;
  if (!result.files.length || kept > MAX_EXTRACTED_BYTES) return [];
  const dir = mkdtempSync(join(tmpdir(), 'msnp-fuzz-extract-'));
  try {
    const written = await extractFiles(result, dir, (i) => analyzer.fileBytes(i));
    return extractionProblems(result, dir, written);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : `thrown: ${String(err)}`;
}

// An exception outside the awaited chain (a stream callback, a timer) is a crash of the case too.
process.on('uncaughtException', (err) => {
  reply({ id: current, kind: 'crash', detail: `uncaught: ${describe(err)}` });
  process.exit(70);
});
process.on('unhandledRejection', (err) => {
  reply({ id: current, kind: 'crash', detail: `unhandled rejection: ${describe(err)}` });
  process.exit(70);
});
process.on('message', (request: CaseRequest) => void run(request));
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
