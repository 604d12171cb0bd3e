// npm run replay -- <capture> [--port N] [--speed X | --fast] [--host 127.0.0.1]
// Replays the TCP conversations (MSNP and any other) of a capture file over loopback sockets,
// client and server side, for testing live capture and MSNP tools against real traffic.
// Prints one summary line: connections, bytes, capture and wall duration, ports used.

import { formatSummary, parseReplayArgs, USAGE } from './replay-args';
import { buildReplayPlan } from './replay-plan';
import { runReplay } from './replay-runner';

async function main(): Promise<number> {
  const args = parseReplayArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const plan = await buildReplayPlan(args.capture);
  if (plan.damage) process.stderr.write(`warning: ${plan.damage}; replaying what precedes it\n`);
  const summary = await runReplay(plan, args);
  process.stdout.write(`${formatSummary(summary)}\n`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`replay failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
