// Serves the built renderer (dist/renderer) read-only: the decoded request path must stay inside
// the root after resolving `..` and symbolic links, and only regular files are sent. Downloads
// (download.ts) use the same containment check on the back end's output directory.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The file under `root` that `pathname` names, or null if it would leave the root or is not a file. */
export async function resolveStaticFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return resolveInside(root, decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, ''));
}

/** The regular file `relative` names under `root`, or null if it would leave the root (also through symbolic links). */
export async function resolveInside(root: string, relative: string): Promise<string | null> {
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const base = resolve(root);
  const candidate = resolve(join(base, relative));
  if (!candidate.startsWith(base + sep)) return null;
  try {
    const [realBase, real] = await Promise.all([realpath(base), realpath(candidate)]);
    if (!real.startsWith(realBase + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

export function sendFile(res: ServerResponse, file: string, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
