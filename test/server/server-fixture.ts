// Starts the browser-mode server on 127.0.0.1:0 with a throw-away renderer directory and config
// directory, and offers raw HTTP requests (fetch cannot set Host or send un-normalised paths).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../src/main/server/start-server';

export interface Fixture {
  server: RunningServer;
  base: string;
  host: string;
  token: string;
  /** The token cookie's name: msnp_token_<port>. */
  cookieName: string;
  root: string;
  close(): Promise<void>;
}

export async function startFixture(opts: Omit<ServerOptions, 'rendererDir' | 'host' | 'port'> = {}): Promise<Fixture> {
  const root = mkdtempSync(join(tmpdir(), 'server-test-'));
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'link.txt'));
  const server = await startServer({ ...opts, host: '127.0.0.1', port: 0, rendererDir: renderer, backend: { configDir: join(root, 'config'), ...opts.backend } });
  const url = new URL(server.url);
  return {
    server,
    base: `http://${url.host}`,
    host: url.host,
    token: url.searchParams.get('token')!,
    cookieName: `msnp_token_${url.port}`,
    root,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with exactly the path and headers given. */
export function raw(fixture: Fixture, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<RawResponse> {
  const [hostname, port] = fixture.host.split(':');
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port: Number(port), method, path, headers: { Host: fixture.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
