// `msnp-analyzer serve`: the browser mode. The same back end as the desktop app, behind a
// token-protected HTTP/WebSocket server on 127.0.0.1 (by default), with live capture available.
// The browser never names a path to write: saves and exports go to --output-dir (default a
// private temporary directory) and reach it as downloads; rings of capture files go to --ring-dir
// (without it, a ring is refused).

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LiveCapture } from '../capture/live-capture';
import { startServer } from '../server/start-server';

export interface ServeCommandOptions {
  host: string;
  port: number;
  open: string[];
  showSecrets: boolean;
  /** Where rings of capture files go (absent: rings are refused). */
  ringDir?: string | null;
  /** Where saves and exports go before they are downloaded (absent: a private temporary directory). */
  outputDir?: string | null;
}

function existingDirectory(path: string, flag: string): string {
  const absolute = resolve(path);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${flag} ${path}: not a directory`);
  return absolute;
}

export async function serveCommand(o: ServeCommandOptions): Promise<number> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error(`bad port '${o.port}'`);
  const server = await startServer({
    host: o.host,
    port: o.port,
    open: o.open,
    backend: {
      analysis: { showSecrets: o.showSecrets },
      liveCapture: new LiveCapture(),
      prestartWorker: true,
      ...(o.ringDir ? { ringDirectory: existingDirectory(o.ringDir, '--ring-dir') } : {}),
      ...(o.outputDir ? { outputDir: existingDirectory(o.outputDir, '--output-dir') } : {}),
    },
  });
  process.stdout.write(`MSNP Analyzer (browser mode): ${server.url}\n`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await server.close();
  return 0;
}
