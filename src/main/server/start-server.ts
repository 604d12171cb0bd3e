// The browser mode: a local HTTP server for the built renderer plus a WebSocket carrying the IPC
// contract, so the app runs in any browser without Electron. Bound to 127.0.0.1 by default and
// locked with a random token that the printed URL carries (see access-policy.ts).
//   GET /?token=…           the renderer (sets the token cookie); other static files need the cookie
//   GET /ws?token=…         WebSocket (token in the query or the cookie)
//   POST /api/upload?name=  a dropped file's bytes → {ok, path} (token in the X-MSNP-Token header,
//                           or the cookie with this server's Origin)
//   GET /api/download?name= a save or export the back end wrote to its output directory (token
//                           in the cookie or the header; see download.ts)
// Saves and exports go to a private temporary output directory (unless one is given) and reach
// the user as browser downloads. Bounded against hostile or broken clients: uploads (per file, in
// total, at once), WebSocket clients, HTTP connections, message size, and what waits for a slow
// client (client-outbox.ts); a malformed frame closes only its own socket.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { DOWNLOAD_PATH, TOKEN_QUERY, UPLOAD_PATH, WS_PATH } from '../../shared/ws-protocol';
import { AnalyzerBackend, type BackendOptions } from '../backend/analyzer-backend';
import { AccessPolicy, allowedHosts } from './access-policy';
import { resolveDownload, sendDownload } from './download';
import { securityHeaders } from './security-headers';
import { resolveStaticFile, sendFile } from './static-files';
import { receiveUpload } from './upload';
import { DEFAULT_UPLOAD_LIMITS, UploadBudget, UploadError, type UploadLimits } from './upload-budget';
import type { OutboxLimits } from './client-outbox';
import { bridgeSocket } from './ws-bridge';

export interface ServerOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Access token; default 24 random bytes. */
  token?: string;
  /** Capture files to open once the first browser connects (so it sees the whole load). */
  open?: string[];
  /** Built renderer; default dist/renderer next to this bundle. */
  rendererDir?: string;
  /** Per file, all stored uploads together, and at once (defaults: 2 GiB, 8 GiB, 4). */
  uploadLimits?: Partial<UploadLimits>;
  /** WebSocket clients at once (default 16); more are refused with 503. */
  maxClients?: number;
  /** What may wait for one slow WebSocket client (see client-outbox.ts). */
  outboxLimits?: OutboxLimits;
  /** Options for the back end this server creates. */
  backend?: Omit<BackendOptions, 'transientDirs'>;
}

export interface RunningServer {
  url: string;
  backend: AnalyzerBackend;
  /** WebSocket clients currently open (not closing). */
  openClients(): number;
  close(): Promise<void>;
}

function defaultRendererDir(): string {
  // dist/main/<bundle>.js → dist/renderer; src/main/server/*.ts → dist/renderer.
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', '..', 'dist', 'renderer')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? candidates[0];
}

const DEFAULT_MAX_CLIENTS = 16;
/** HTTP connections at once (a page, its assets, uploads, downloads and sockets of a few tabs). */
const MAX_CONNECTIONS = 128;

/** Larger client messages close that client's socket with 1009 (requests are small JSON). */
export const MAX_WS_MESSAGE_BYTES = 1024 * 1024;

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>MSNP Analyzer</title><p>The renderer is not built: run <code>npm run build</code>.</p>';

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const rendererDir = opts.rendererDir ?? defaultRendererDir();
  const uploads = new UploadBudget({ ...DEFAULT_UPLOAD_LIMITS, ...opts.uploadLimits });
  const maxClients = opts.maxClients ?? DEFAULT_MAX_CLIENTS;
  const uploadDir = await mkdtemp(join(tmpdir(), 'msnp-analyzer-uploads-'));
  // The browser downloads what is saved; a copy in the server's ~/Downloads as well would be a surprise.
  const ownOutputDir = opts.backend?.outputDir ? null : await mkdtemp(join(tmpdir(), 'msnp-analyzer-output-'));
  const backend = new AnalyzerBackend({ ...opts.backend, outputDir: opts.backend?.outputDir ?? ownOutputDir!, transientDirs: [uploadDir] });
  // A new capture (or none) replaced the previous one: uploads it no longer reads give their bytes back.
  backend.onEvent((channel) => {
    if (channel === 'analysis:reset') void uploads.prune(backend.currentFiles() ?? []).catch(() => undefined);
  });
  let pendingOpen = opts.open?.length ? opts.open : null;
  let policy: AccessPolicy | null = null;
  /** host:port as printed, for the headers of answers to requests whose Host may be anything. */
  let ownHost = '';

  /** Refusals carry the same hardening headers as pages (a 401 page must not be framed or sniffed either). */
  const fail = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { ...securityHeaders(ownHost), 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text + '\n');
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const access = policy!;
    const bad = access.checkOrigin(req);
    if (bad) return fail(res, 403, bad);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = securityHeaders(req.headers.host!);
    if (url.pathname === UPLOAD_PATH) {
      if (req.method !== 'POST') return fail(res, 405, 'POST only');
      // A custom header a cross-site form cannot set, or the SameSite cookie with our own Origin
      // (a page whose tab lost the token, as after a reload with storage off).
      if (!access.fromHeader(req) && !(access.fromCookie(req) && access.checkOrigin(req, true) === null)) return fail(res, 401, 'missing or wrong access token');
      try {
        const path = await receiveUpload(req, uploadDir, url.searchParams.get('name'), uploads);
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: true, path }));
      } catch (err) {
        const status = err instanceof UploadError ? err.status : 500;
        res.writeHead(status, { ...headers, 'Content-Type': 'application/json', Connection: 'close' });
        res.end(JSON.stringify({ ok: false, error: (err as Error).message }));
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'GET only');
    if (url.pathname === DOWNLOAD_PATH) {
      // The cookie is SameSite=Strict, so another site cannot make the browser fetch this with it.
      if (!access.fromCookie(req) && !access.fromHeader(req)) return fail(res, 401, 'missing or wrong access token');
      const file = await resolveDownload(backend, url.searchParams.get('name'));
      return file ? sendDownload(res, file, headers) : fail(res, 404, 'no such saved file');
    }
    const viaQuery = access.fromQuery(url);
    if (!viaQuery && !access.fromCookie(req)) {
      return fail(res, 401, 'Open the URL printed by "msnp-analyzer serve": it carries the access token.');
    }
    if (viaQuery) headers['Set-Cookie'] = access.cookie();
    const file = await resolveStaticFile(rendererDir, url.pathname);
    if (file) return sendFile(res, file, headers);
    if (url.pathname === '/') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(NOT_BUILT);
      return;
    }
    fail(res, 404, 'not found');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => (res.headersSent ? res.destroy() : fail(res, 500, 'internal error')));
  });
  server.maxConnections = MAX_CONNECTIONS;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });
  wss.on('error', () => undefined);

  server.on('upgrade', (req, socket, head) => {
    // Node drops its own error listener from upgraded sockets: a reset peer must not throw.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const access = policy!;
    const refusal = url.pathname !== WS_PATH ? '404 Not Found'
      : access.checkOrigin(req, true) ? '403 Forbidden'
      : !access.fromQuery(url) && !access.fromCookie(req) ? '401 Unauthorized'
      : wss.clients.size >= maxClients ? '503 Service Unavailable' : null;
    if (refusal) {
      const headers = Object.entries(securityHeaders(ownHost)).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      socket.end(`HTTP/1.1 ${refusal}\r\n${headers}Connection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      bridgeSocket(ws, backend, opts.outboxLimits);
      // The first browser gets the files from the command line; a reloaded page gets its capture again.
      if (wss.clients.size === 1) {
        const paths = pendingOpen ?? backend.currentFiles();
        pendingOpen = null;
        if (paths) {
          backend.request('file:open', { paths }).then((r) => {
            if (!r.ok) backend.emit('analysis:error', { message: r.error });
          }, (err: Error) => backend.emit('analysis:error', { message: err.message }));
        }
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  policy = new AccessPolicy(token, allowedHosts(host, port), port);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  ownHost = `${shownHost}:${port}`;
  const url = `http://${shownHost}:${port}/?${TOKEN_QUERY}=${token}`;

  return {
    url,
    backend,
    openClients: () => [...wss.clients].filter((ws) => ws.readyState === WebSocket.OPEN).length,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.dispose();
      await rm(uploadDir, { recursive: true, force: true });
      if (ownOutputDir) await rm(ownOutputDir, { recursive: true, force: true });
    },
  };
}
