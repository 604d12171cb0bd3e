// msnp-analyzer: the command-line analyzer and the browser-mode launcher.
//   msnp-analyzer <capture>... [--format json|text|csv] [--show-secrets] [--extract DIR] [--port N]... [--no-heuristics]
//                 [--memory-budget MIB]
//   msnp-analyzer serve [--host H] [--port N] [--ring-dir DIR] [--output-dir DIR] [<capture>...]

import { parseArgs } from 'node:util';
import { analyzeCommand } from './analyze-command';
import { serveCommand } from './serve-command';

const USAGE = `usage: msnp-analyzer <capture>... [--format json|text|csv] [--show-secrets] [--extract DIR]
                     [--msnp-port N]... [--no-heuristics] [--memory-budget MIB] [--output FILE]
       msnp-analyzer serve [--host 127.0.0.1] [--port N] [--ring-dir DIR] [--output-dir DIR] [<capture>...]`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'serve') {
    const { values, positionals } = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '0' },
        'show-secrets': { type: 'boolean', default: false },
        'ring-dir': { type: 'string' },
        'output-dir': { type: 'string' },
      },
    });
    return serveCommand({
      host: values.host!, port: Number(values.port), open: positionals, showSecrets: values['show-secrets']!,
      ringDir: values['ring-dir'] ?? null, outputDir: values['output-dir'] ?? null,
    });
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      'show-secrets': { type: 'boolean', default: false },
      extract: { type: 'string' },
      'msnp-port': { type: 'string', multiple: true },
      'no-heuristics': { type: 'boolean', default: false },
      'memory-budget': { type: 'string' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const format = values.format!;
  if (format !== 'json' && format !== 'text' && format !== 'csv') throw new Error(`unknown format '${format}' (json, text or csv)`);
  if (!positionals.length) throw new Error('no capture file given\n' + USAGE);
  const ports = (values['msnp-port'] ?? []).map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`bad port '${p}'`);
    return n;
  });
  const budget = values['memory-budget'];
  const budgetMiB = budget === undefined ? undefined : Number(budget);
  if (budgetMiB !== undefined && !(Number.isFinite(budgetMiB) && budgetMiB > 0)) throw new Error(`bad memory budget '${budget}' (MiB, more than 0)`);
  return analyzeCommand({
    paths: positionals,
    format,
    showSecrets: values['show-secrets']!,
    extractDir: values.extract ?? null,
    msnpPorts: ports.length ? [1863, ...ports] : undefined,
    heuristics: !values['no-heuristics'],
    memoryBudgetBytes: budgetMiB === undefined ? undefined : Math.round(budgetMiB * 1024 * 1024),
    output: values.output ?? null,
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = describeError(err);
    process.stderr.write(`msnp-analyzer: ${message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);

/** One line a user can act on: file-system errors name the file and the reason in words. */
function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory', EPERM: 'operation not permitted' };
  if (e && typeof e === 'object' && e.code && reasons[e.code]) return e.path ? `cannot read ${e.path}: ${reasons[e.code]}` : `cannot read the capture: ${reasons[e.code]}`;
  return err instanceof Error ? err.message : String(err);
}
