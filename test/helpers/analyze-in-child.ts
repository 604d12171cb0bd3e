// Runs the whole engine over capture files in a child process with a time limit. A test of
// hostile input uses it so that a hang fails the test quickly: a synchronous endless loop in the
// test's own thread would also block vitest's timeout, and the run would never end.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AnalysisResult } from '../../src/shared/model';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./analyze-child.ts', import.meta.url));

export type ChildOutcome = { status: 'done'; result: AnalysisResult } | { status: 'timed-out' } | { status: 'failed'; stderr: string };

/** The analysis of `paths`, or 'timed-out' when it took longer than `timeoutMs` (the child is killed). */
export function analyzeInChild(paths: string[], timeoutMs = 15_000): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CHILD, ...paths],
      { cwd: ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) resolve({ status: 'done', result: JSON.parse(stdout) as AnalysisResult });
        else if (error.killed) resolve({ status: 'timed-out' });
        else resolve({ status: 'failed', stderr });
      },
    );
  });
}
