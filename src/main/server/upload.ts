// POST /api/upload?name=…: streams a dropped capture file's bytes into a private temporary
// directory (never the whole file in memory) and answers its path; the client then opens the
// uploaded files with file:open. The budget (upload-budget.ts) bounds each file, all uploads
// together and how many run at once; a body over a limit is refused (413) and deleted.

import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UploadError, type UploadBudget } from './upload-budget';

/** A file name safe on every platform, keeping the extension (the reader ignores it, people do not). */
export function safeUploadName(name: string | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\w.@+()-]+/g, '_').replace(/^\.+/, '').slice(-100);
  return cleaned || 'capture.pcap';
}

let counter = 0;

export async function receiveUpload(req: IncomingMessage, dir: string, name: string | null, budget: UploadBudget): Promise<string> {
  const ticket = budget.begin(Number(req.headers['content-length'] ?? NaN));
  // One folder per upload keeps the file's own name (the capture's label) without collisions.
  const folder = join(dir, String(++counter));
  const target = join(folder, safeUploadName(name));
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        ticket.take(chunk.length);
        received += chunk.length;
        done(null, chunk);
      } catch (err) {
        done(err as Error);
      }
    },
  });
  try {
    await mkdir(folder);
    await pipeline(req, limit, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    if (received === 0) throw new UploadError(400, 'empty upload');
  } catch (err) {
    ticket.release();
    await rm(folder, { recursive: true, force: true });
    if (err instanceof UploadError) throw err;
    throw new UploadError(400, `upload failed: ${(err as Error).message}`);
  }
  ticket.stored(target);
  return target;
}
