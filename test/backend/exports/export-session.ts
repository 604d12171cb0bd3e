// An in-process AnalysisSession with the real engine over a capture file, for the export tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisSession } from '../../../src/main/backend/analysis-session';
import { Analyzer } from '../../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../../src/main/engine/capture/merge-captures';

export async function loadedSession(path: string): Promise<AnalysisSession> {
  const session = new AnalysisSession({ createAnalyzer: (o, l) => new Analyzer(o, l), readCaptures: mergeCaptureBatches, emit: () => {} });
  await session.load([path], path, {});
  return session;
}

export const scratchDir = (): string => mkdtempSync(join(tmpdir(), 'msnp-export-test-'));
