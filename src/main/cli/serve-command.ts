// `msnp-analyzer serve`: the browser mode. The same back end as the desktop app, behind a
// token-protected HTTP/WebSocket server on 127.0.0.1 (by default), with live capture available.

import { LiveCapture } from '../capture/live-capture';
import { startServer } from '../server/start-server';

export interface ServeCommandOptions {
  host: string;
  port: number;
  open: string[];
  showSecrets: boolean;
}

export async function serveCommand(o: ServeCommandOptions): Promise<number> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new Error(`bad port '${o.port}'`);
  const server = await startServer({
    host: o.host,
    port: o.port,
    open: o.open,
    backend: { analysis: { showSecrets: o.showSecrets }, liveCapture: new LiveCapture() },
  });
  process.stdout.write(`MSNP Analyzer (browser mode): ${server.url}\n`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await server.close();
  return 0;
}
