// Checks a result for what must hold whatever the input: counts are whole numbers, frame numbers
// point into the capture, and the CLI's three reports can be written (JSON that parses back).
// A broken invariant is reported like a crash: a wrong answer is as bad as none. File names come
// from the capture, so `--extract` must write exactly the files it reports, all inside its directory.

import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AnalysisResult } from '../../src/shared/model';
import { csvReport } from '../../src/main/report/csv-report';
import { jsonReport } from '../../src/main/report/json-report';
import { textReport } from '../../src/main/report/text-report';

export function resultProblems(result: AnalysisResult): string[] {
  const problems: string[] = [];
  const { frames } = result;
  const inCapture = (n: number) => Number.isInteger(n) && n >= 1 && n <= frames;
  if (!Number.isInteger(frames) || frames < 0) problems.push(`frames = ${frames}`);
  const perFile = result.captures.reduce((n, c) => n + c.frames, 0);
  if (perFile !== frames) problems.push(`captures hold ${perFile} frames, result says ${frames}`);
  for (const [verb, count] of Object.entries(result.commandCounts)) if (!Number.isInteger(count) || count < 1) problems.push(`commandCounts.${verb} = ${count}`);
  for (const c of result.connections) {
    if (!inCapture(c.firstFrame) || !inCapture(c.lastFrame) || c.firstFrame > c.lastFrame) problems.push(`connection ${c.id} spans frames ${c.firstFrame}..${c.lastFrame} of ${frames}`);
  }
  for (const s of result.sessions) for (const m of s.messages) if (!inCapture(m.frame)) problems.push(`session ${s.id} message at frame ${m.frame} of ${frames}`);
  for (const f of result.files) if (!inCapture(f.frame) || !(f.size >= 0)) problems.push(`file at frame ${f.frame}, size ${f.size}`);
  const json = JSON.parse(jsonReport(result)) as { frames: unknown };
  if (json.frames !== frames) problems.push(`JSON report says ${String(json.frames)} frames`);
  if (typeof textReport(result) !== 'string' || typeof csvReport(result) !== 'string') problems.push('a report is not text');
  return problems;
}

/** What is wrong with an extraction into `dir` that reported `written` files. */
export function extractionProblems(result: AnalysisResult, dir: string, written: number): string[] {
  const problems: string[] = [];
  const targets = result.files.flatMap((f) => (f.extractedTo ? [f.extractedTo] : []));
  for (const target of targets) if (dirname(resolve(target)) !== resolve(dir)) problems.push(`extracted to ${JSON.stringify(target)}, outside ${dir}`);
  const present = readdirSync(dir).length;
  if (targets.length !== written || present !== written) problems.push(`extraction reported ${written} files, recorded ${targets.length}, wrote ${present}`);
  return problems;
}
