// POST /api/upload?name=…: streams a dropped capture file's bytes into a private temporary
// directory (never the whole file in memory) and answers its path; the client then opens the
// uploaded files with file:open. Bodies over the size limit are refused (413) and deleted.

import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export class UploadError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** A file name safe on every platform, keeping the extension (the reader ignores it, people do not). */
export function safeUploadName(name: string | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\w.@+()-]+/g, '_').replace(/^\.+/, '').slice(-100);
  return cleaned || 'capture.pcap';
}

let counter = 0;

export async function receiveUpload(req: IncomingMessage, dir: string, name: string | null, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) throw new UploadError(413, `file too large (limit ${maxBytes} bytes)`);
  // One folder per upload keeps the file's own name (the capture's label) without collisions.
  const folder = join(dir, String(++counter));
  await mkdir(folder);
  const target = join(folder, safeUploadName(name));
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      done(received > maxBytes ? new UploadError(413, `file too large (limit ${maxBytes} bytes)`) : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(target, { flags: 'wx' }));
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    if (err instanceof UploadError) throw err;
    throw new UploadError(400, `upload failed: ${(err as Error).message}`);
  }
  if (received === 0) {
    await rm(folder, { recursive: true, force: true });
    throw new UploadError(400, 'empty upload');
  }
  return target;
}
