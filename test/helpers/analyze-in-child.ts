// Runs a TypeScript script in a child process with a time limit, and the whole engine over
// capture files that way. A test of hostile input uses it so that a hang fails the test quickly:
// a synchronous endless loop in the test's own thread would also block vitest's timeout, and the
// run would never end. A child can also measure its own memory (node --expose-gc).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AnalysisResult } from '../../src/shared/model';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ANALYZE_CHILD = fileURLToPath(new URL('./analyze-child.ts', import.meta.url));

export type ChildOutcome<T> = { status: 'done'; result: T } | { status: 'timed-out' } | { status: 'failed'; stderr: string };

export interface ChildOptions {
  timeoutMs?: number;
  /** Extra node options before the script (e.g. --expose-gc). */
  nodeArgs?: string[];
}

/** Runs `script` (a .ts file) with `args`; its stdout is parsed as JSON. Killed after the time limit. */
export function runInChild<T>(script: string, args: string[], opts: ChildOptions = {}): Promise<ChildOutcome<T>> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(opts.nodeArgs ?? []), '--import', 'tsx', script, ...args],
      { cwd: ROOT, timeout: opts.timeoutMs ?? 15_000, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) resolve({ status: 'done', result: JSON.parse(stdout) as T });
        else if (error.killed) resolve({ status: 'timed-out' });
        else resolve({ status: 'failed', stderr });
      },
    );
  });
}

/** The analysis of `paths`, or 'timed-out' when it took longer than `timeoutMs` (the child is killed). */
export function analyzeInChild(paths: string[], timeoutMs = 15_000): Promise<ChildOutcome<AnalysisResult>> {
  return runInChild<AnalysisResult>(ANALYZE_CHILD, paths, { timeoutMs });
}
