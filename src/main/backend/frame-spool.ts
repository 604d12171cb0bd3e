// The worker's store for live frames' bytes: a temporary file they are appended to (raw, no
// headers: the frame index keeps offsets and lengths), so detail and save work for live capture
// like for files without keeping packets in memory. Removed when the session ends.

import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class FrameSpool {
  readonly path: string;
  private readonly dir: string;
  private fd: number | null;
  private size = 0;

  constructor(parent = tmpdir()) {
    this.dir = mkdtempSync(join(parent, 'msnp-analyzer-live-'));
    this.path = join(this.dir, 'frames.bin');
    this.fd = openSync(this.path, 'w');
  }

  /** Appends the frames' bytes in one write; returns the offset of each. */
  append(frames: readonly { data: Uint8Array }[]): number[] {
    if (this.fd === null) throw new Error('frame spool closed');
    let total = 0;
    for (const f of frames) total += f.data.length;
    const buffer = new Uint8Array(total);
    const offsets: number[] = [];
    let pos = 0;
    for (const f of frames) {
      buffer.set(f.data, pos);
      offsets.push(this.size + pos);
      pos += f.data.length;
    }
    let written = 0;
    while (written < total) written += writeSync(this.fd, buffer, written, total - written);
    this.size += total;
    return offsets;
  }

  dispose(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
