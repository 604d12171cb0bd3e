// A file written in pieces by an export that streams (packet dissections of millions of frames):
// text is gathered up to a megabyte and written synchronously (the worker owns its thread), so
// memory stays flat whatever the size of the export. A failed export removes its partial file.

import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';

const FLUSH_BYTES = 1 << 20;

export class TextFileSink {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  private closed = false;

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'w', 0o600);
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_BYTES) this.flush();
  }

  writeBytes(bytes: Uint8Array): void {
    this.flush();
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }

  /** Closes and deletes the file (after a failure: no half-written export is left behind). */
  discard(): void {
    if (!this.closed) {
      this.closed = true;
      closeSync(this.fd);
    }
    unlinkSync(this.path);
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }
}

/** Runs `body` on a sink for `path`: closed when it returns, deleted when it throws. */
export async function writeTextFile<T>(path: string, body: (sink: TextFileSink) => Promise<T> | T): Promise<T> {
  const sink = new TextFileSink(path);
  try {
    const result = await body(sink);
    sink.close();
    return result;
  } catch (e) {
    sink.discard();
    throw e;
  }
}
