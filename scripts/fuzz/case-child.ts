// The child process that runs cases: the real engine over a file (analyzeCaptureFiles, as the CLI
// does), then the sanity checks and the three reports. Cases arrive over IPC one at a time; the
// parent owns the time limit and the memory cap and kills this process when either is reached.

import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import { CaptureFormatError } from '../../src/main/engine/capture/capture-damage';
import type { CaseOutcome } from './case-outcome';
import { resultProblems } from './sane-result';

export interface CaseRequest {
  id: number;
  path: string;
}

export type CaseReply = { id: number } & Omit<CaseOutcome, 'ms'>;

const reply = (message: CaseReply): void => {
  process.send?.(message);
};

let current = -1;

async function run({ id, path }: CaseRequest): Promise<void> {
  current = id;
  try {
    const { result } = await analyzeCaptureFiles([path]);
    const problems = resultProblems(result);
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
