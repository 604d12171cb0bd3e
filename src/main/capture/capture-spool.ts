// Spools a live capture to pcapng as it arrives, so that frame detail can re-read any frame by
// its offset and "save" can copy the capture (all frames, or a selection) during or after it.
// Without a ring: one temporary file, alone in a private directory (spool-directory.ts). With a
// ring: files of at most `fileSizeMb` in the chosen directory, at most `files` of them; the oldest
// is deleted when a new one starts. Every file is created 0600 and never over an existing one.
// Offsets handed out are "spool offsets": the offset in the file for a single file; with a ring,
// the offset in the concatenation of all files written so far (each file's base + its offset).

import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { PcapngWriter } from '../engine/capture/pcapng-writer';
import { createSpoolDirectory, removeSpoolDirectory } from './spool-directory';

export interface SpoolOptions {
  linkType: number;
  device: string;
  ring?: { directory: string; fileSizeMb: number; files: number } | null;
  /** Where the single temporary file's private directory goes (default: the OS temp directory). */
  tempDirectory?: string;
}

export interface SpoolFile {
  path: string;
  baseOffset: number;
  size: number;
  /** Bytes before the first packet (section header + interface description). */
  headerLength: number;
  firstFrame: number;
  frames: number;
  removed: boolean;
}

interface OpenFile extends SpoolFile {
  fd: number;
  pending: Uint8Array[];
}

const SAVE_WINDOW = 4 << 20;
/** Captured traffic is for the user who captured it alone. */
const FILE_MODE = 0o600;

export class CaptureSpool {
  private readonly files: OpenFile[] = [];
  private current!: OpenFile;
  private writer!: PcapngWriter;
  private iface = 0;
  private scratch: Uint8Array[] = [];
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private sequence = 0;
  private readonly stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  /** The private directory of the temporary file (none with a ring). */
  private readonly privateDir: string | null;
  frames = 0;

  constructor(private readonly opts: SpoolOptions) {
    this.privateDir = opts.ring ? null : createSpoolDirectory(opts.tempDirectory);
    try {
      this.startFile();
    } catch (err) {
      if (this.privateDir) removeSpoolDirectory(this.privateDir);
      throw err;
    }
  }

  /** Section header and interface description that start every spool file. */
  header: Uint8Array = new Uint8Array(0);

  /** True for the single temporary file (no ring). */
  get isTemporary(): boolean {
    return !this.opts.ring;
  }

  /** Spool offset of frame `n` (1-based), or -1. */
  offsetOf(n: number): number {
    return n >= 1 && n <= this.frames ? this.offsets[n - 1] : -1;
  }

  /** The files written so far, oldest first (removed ones included, marked). */
  get spoolFiles(): readonly SpoolFile[] {
    return this.files;
  }

  /** Adds one packet; returns its spool offset. Bytes reach the disk at the next flush(). */
  append(tsUs: number, data: Uint8Array, originalLength: number): number {
    this.writer.writePacket(this.iface, tsUs, data, originalLength);
    let length = 0;
    for (const part of this.scratch) length += part.length;
    const limit = this.opts.ring ? this.opts.ring.fileSizeMb * 1024 * 1024 : Infinity;
    if (this.current.frames > 0 && this.current.size + length > limit) {
      // The record is self-contained (interface 0 in every file), so it moves to the next file as is.
      const record = this.scratch;
      this.scratch = [];
      this.rotate();
      this.scratch = record;
    }
    const f = this.current;
    const offset = f.baseOffset + f.size;
    f.pending.push(...this.scratch);
    this.scratch = [];
    f.size += length;
    if (f.frames === 0) f.firstFrame = this.frames + 1;
    f.frames++;
    this.remember(offset, length);
    return offset;
  }

  flush(): void {
    for (const f of this.files) {
      if (f.pending.length === 0 || f.fd < 0) continue;
      const chunk = f.pending.length === 1 ? f.pending[0] : Buffer.concat(f.pending);
      f.pending = [];
      let done = 0;
      while (done < chunk.length) done += writeSync(f.fd, chunk, done, chunk.length - done);
    }
  }

  /** Flushes and closes the files; they stay on disk. */
  close(): void {
    this.flush();
    for (const f of this.files) {
      if (f.fd >= 0) closeSync(f.fd);
      f.fd = -1;
    }
  }

  /** Closes and deletes every file of this spool (and the temporary file's directory). */
  remove(): void {
    this.close();
    for (const f of this.files) removeQuietly(f);
    if (this.privateDir) removeSpoolDirectory(this.privateDir);
  }

  /** The bytes of the record (pcapng block) of frame `n`, or null if its file was rotated away. */
  async readRecord(n: number): Promise<Uint8Array | null> {
    if (n < 1 || n > this.frames) return null;
    this.flush();
    const offset = this.offsets[n - 1];
    const f = this.fileAt(offset);
    if (!f || f.removed) return null;
    const handle = await openQuietly(f.path);
    if (!handle) return null;
    try {
      const buf = Buffer.alloc(this.lengths[n - 1]);
      const { bytesRead } = await handle.read(buf, 0, buf.length, offset - f.baseOffset);
      return bytesRead === buf.length ? buf : null;
    } finally {
      await handle.close();
    }
  }

  /**
   * Writes a pcapng with the frames `select` accepts (among those still on disk), copying their
   * blocks byte for byte after the section and interface header. Returns the frames written.
   */
  async saveTo(path: string, select: (frame: number) => boolean): Promise<number> {
    this.flush();
    const files = this.files.map((f) => ({ ...f }));
    const frames = this.frames;
    const out = await open(path, 'w', FILE_MODE);
    const output = new OutputBuffer(out);
    let written = 0;
    try {
      const headerSource = files.find((f) => !f.removed && f.frames > 0) ?? files[files.length - 1];
      const header = await readRange(headerSource.path, 0, headerSource.headerLength);
      if (!header) throw new Error(`capture spool file ${headerSource.path} is gone`);
      await output.write(header);
      for (const f of files) {
        if (f.removed || f.frames === 0) continue;
        written += await this.copyFrames(f, Math.min(f.firstFrame + f.frames - 1, frames), select, output);
      }
      await output.flush();
    } finally {
      await out.close();
    }
    return written;
  }

  private async copyFrames(f: SpoolFile, lastFrame: number, select: (n: number) => boolean, output: OutputBuffer): Promise<number> {
    const handle = await openQuietly(f.path);
    if (!handle) return 0;
    let window = Buffer.alloc(0);
    let windowStart = 0;
    let written = 0;
    try {
      for (let n = f.firstFrame; n <= lastFrame; n++) {
        if (!select(n)) continue;
        const start = this.offsets[n - 1] - f.baseOffset;
        const length = this.lengths[n - 1];
        if (start < windowStart || start + length > windowStart + window.length) {
          window = Buffer.alloc(Math.max(SAVE_WINDOW, length));
          const { bytesRead } = await handle.read(window, 0, window.length, start);
          window = window.subarray(0, bytesRead);
          windowStart = start;
          if (bytesRead < length) break;
        }
        await output.write(window.subarray(start - windowStart, start - windowStart + length));
        written++;
      }
    } finally {
      await handle.close();
    }
    return written;
  }

  private startFile(): void {
    const { path, fd } = this.createFile();
    const prev = this.files[this.files.length - 1];
    const file: OpenFile = {
      path, fd, pending: [], baseOffset: prev ? prev.baseOffset + prev.size : 0, size: 0, headerLength: 0,
      firstFrame: this.frames + 1, frames: 0, removed: false,
    };
    this.files.push(file);
    this.current = file;
    this.scratch = [];
    this.writer = new PcapngWriter((bytes) => this.scratch.push(bytes));
    this.iface = this.writer.addInterface(this.opts.linkType, 65535, this.opts.device);
    for (const part of this.scratch) file.size += part.length;
    file.headerLength = file.size;
    if (this.header.length === 0) this.header = Buffer.concat(this.scratch);
    file.pending.push(...this.scratch);
    this.scratch = [];
  }

  /** The next file, created exclusively (a name already taken, by an earlier ring in the same second or a planted link, is skipped). */
  private createFile(): { path: string; fd: number } {
    for (let attempt = 0; ; attempt++) {
      const path = this.privateDir
        ? join(this.privateDir, `live-${this.stamp}.pcapng`)
        : join(this.opts.ring!.directory, `msnp-capture-${this.stamp}_${String(++this.sequence).padStart(5, '0')}.pcapng`);
      try {
        return { path, fd: openSync(path, 'wx', FILE_MODE) };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || this.privateDir || attempt >= 1000) throw err;
      }
    }
  }

  private rotate(): void {
    this.flush();
    closeSync(this.current.fd);
    this.current.fd = -1;
    this.startFile();
    const keep = this.opts.ring?.files ?? Infinity;
    const live = this.files.filter((f) => !f.removed);
    for (const f of live.slice(0, Math.max(0, live.length - keep))) removeQuietly(f);
  }

  private fileAt(offset: number): OpenFile | undefined {
    for (let i = this.files.length - 1; i >= 0; i--) if (this.files[i].baseOffset <= offset) return this.files[i];
    return undefined;
  }

  private remember(offset: number, length: number): void {
    if (this.frames === this.offsets.length) {
      const offsets = new Float64Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      const lengths = new Uint32Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.offsets = offsets;
      this.lengths = lengths;
    }
    this.offsets[this.frames] = offset;
    this.lengths[this.frames] = length;
    this.frames++;
  }
}

/** Batches many small writes into few large ones. */
class OutputBuffer {
  private parts: Uint8Array[] = [];
  private bytes = 0;
  constructor(private readonly handle: FileHandle) {}

  async write(bytes: Uint8Array): Promise<void> {
    this.parts.push(bytes);
    this.bytes += bytes.length;
    if (this.bytes >= SAVE_WINDOW) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = Buffer.concat(this.parts);
    this.parts = [];
    this.bytes = 0;
    let done = 0;
    while (done < chunk.length) done += (await this.handle.write(chunk, done, chunk.length - done)).bytesWritten;
  }
}

function removeQuietly(f: OpenFile): void {
  if (f.fd >= 0) closeSync(f.fd);
  f.fd = -1;
  f.pending = [];
  f.removed = true;
  try {
    unlinkSync(f.path);
  } catch {
    // already gone: nothing to clean
  }
}

async function openQuietly(path: string): Promise<FileHandle | null> {
  try {
    return await open(path, 'r');
  } catch {
    return null;
  }
}

async function readRange(path: string, start: number, length: number): Promise<Uint8Array | null> {
  const handle = await openQuietly(path);
  if (!handle) return null;
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, start);
    return bytesRead === length ? buf : null;
  } finally {
    await handle.close();
  }
}
