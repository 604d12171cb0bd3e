// Command-line arguments and the summary line of the replayer (replay-cli.ts).

import type { ReplayOptions, ReplaySummary } from './replay-runner';

export const USAGE = 'usage: npm run replay -- <capture> [--port N] [--speed X | --fast] [--host 127.0.0.1]';

export interface ReplayArgs extends ReplayOptions {
  capture: string;
}

/** Parses the command line; returns an error message instead of exiting. */
export function parseReplayArgs(argv: string[]): ReplayArgs | string {
  const args: ReplayArgs = { capture: '', host: '127.0.0.1', basePort: null, speed: 1, fast: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? '';
    if (a === '--fast') args.fast = true;
    else if (a === '--port') args.basePort = Number(value());
    else if (a === '--speed') args.speed = Number(value());
    else if (a === '--host') args.host = value();
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else if (!args.capture) args.capture = a;
    else return `unexpected argument ${a}`;
  }
  if (!args.capture) return 'no capture file given';
  if (args.basePort !== null && !(Number.isInteger(args.basePort) && args.basePort > 0 && args.basePort < 65536)) return '--port needs a port number';
  if (!(args.speed > 0)) return '--speed needs a positive number';
  return args;
}

export function formatSummary(s: ReplaySummary): string {
  const ports = [...s.ports].map(([orig, used]) => `${orig}→${used}`).join(', ');
  const missing = (s.missingBytes ? `, ${s.missingBytes} bytes missing from the capture` : '')
    + (s.unsentBytes ? `, ${s.unsentBytes} bytes after a FIN not sent` : '');
  return `replayed ${s.connections} connections, ${s.bytesFromClients + s.bytesFromServers} bytes `
    + `(${s.bytesFromClients} from clients, ${s.bytesFromServers} from servers), `
    + `${s.captureSeconds.toFixed(3)} s of capture in ${s.wallSeconds.toFixed(3)} s; ports ${ports || 'none'}${missing}`;
}
