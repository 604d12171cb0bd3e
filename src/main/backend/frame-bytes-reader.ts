// Re-reads one frame's captured bytes from its capture file, given the record offset the reader
// reported (CapturedFrame.fileOffset) and the captured length: the worker keeps no packet bytes
// in memory. Knows just enough of each format to find where a record's data starts:
//   pcap: 16-byte record header (24 in the "modified" a1b2cd34 format);
//   pcapng: EPB and obsolete Packet Block data at +28, Simple Packet Block at +12.
// A gzip capture is decompressed once to a temporary file on the first request (offsets are
// offsets in the decompressed stream).

import { createReadStream, createWriteStream, readSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

const MODIFIED_PCAP_MAGICS = new Set([0xa1b2cd34, 0x34cdb2a1]);
const PCAPNG_SHB = 0x0a0d0d0a;
/** pcapng block type → where the packet data starts in the block. */
const PCAPNG_DATA_START = new Map([[6, 28], [2, 28], [3, 12]]);

interface OpenSource {
  handle: FileHandle;
  /** pcap: fixed data start; pcapng: null (depends on the block). */
  recordDataStart: number | null;
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Uint8Array | null> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : null;
}

/** Where a pcapng block's packet data starts, from its first 4 bytes (the block type, either byte order). */
function blockDataStart(type: Uint8Array | null): number | null {
  if (!type) return null;
  const view = new DataView(type.buffer, type.byteOffset, 4);
  return PCAPNG_DATA_START.get(view.getUint32(0, true)) ?? PCAPNG_DATA_START.get(view.getUint32(0, false)) ?? null;
}

export class FrameBytesReader {
  private readonly sources = new Map<number, Promise<OpenSource | null>>();
  /** Sources opened by openAll(), for readSync(). */
  private readonly opened = new Map<number, OpenSource>();
  private tempDir: Promise<string> | null = null;

  /** `paths[i]` is capture source i; `rawSources` are plain byte stores (the live spool) read as is. */
  constructor(private readonly paths: readonly string[], private readonly rawSources = new Map<number, string>()) {}

  /** The frame's captured bytes, or null when the file no longer holds them. */
  async read(source: number, recordOffset: number, capturedLength: number): Promise<Uint8Array | null> {
    const open = await this.open(source);
    if (!open) return null;
    // Once open, synchronously: a frame's bytes are one small read from the page cache, while an
    // asynchronous one waits for the thread pool and a wake-up of a worker that is busy loading.
    this.opened.set(source, open);
    return this.readSync(source, recordOffset, capturedLength);
  }

  /** Opens every source (decompressing gzip ones), so that readSync() can serve any frame. */
  async openAll(): Promise<void> {
    const ids = [...this.paths.keys(), ...this.rawSources.keys()];
    await Promise.all(ids.map(async (id) => {
      const source = await this.open(id);
      if (source) this.opened.set(id, source);
    }));
  }

  /**
   * read(), synchronously, for display filters that test bytes over many frames (one pass with no
   * await per frame). Null for a source openAll() has not opened, or bytes the file no longer holds.
   */
  readSync(source: number, recordOffset: number, capturedLength: number): Uint8Array | null {
    const open = this.opened.get(source);
    if (!open) return null;
    const exactly = (position: number, length: number): Uint8Array | null => {
      const buffer = new Uint8Array(length);
      return readSync(open.handle.fd, buffer, 0, length, position) === length ? buffer : null;
    };
    const dataStart = open.recordDataStart ?? blockDataStart(exactly(recordOffset, 4));
    return dataStart === null ? null : exactly(recordOffset + dataStart, capturedLength);
  }

  async close(): Promise<void> {
    this.opened.clear();
    const opened = await Promise.all(this.sources.values());
    this.sources.clear();
    await Promise.all(opened.map((s) => s?.handle.close().catch(() => undefined)));
    const tempDir = this.tempDir;
    this.tempDir = null;
    if (tempDir) await rm(await tempDir, { recursive: true, force: true });
  }

  private open(source: number): Promise<OpenSource | null> {
    let opening = this.sources.get(source);
    if (!opening) {
      opening = this.openSource(source).catch(() => null);
      this.sources.set(source, opening);
    }
    return opening;
  }

  private async openSource(source: number): Promise<OpenSource | null> {
    const raw = this.rawSources.get(source);
    if (raw !== undefined) return { handle: await open(raw, 'r'), recordDataStart: 0 };
    const path = this.paths[source];
    if (path === undefined) return null;
    let handle = await open(path, 'r');
    let head = await readExactly(handle, 0, 4);
    if (head && head[0] === 0x1f && head[1] === 0x8b) {
      await handle.close();
      handle = await open(await this.gunzipToTemp(path, source), 'r');
      head = await readExactly(handle, 0, 4);
    }
    if (!head) {
      await handle.close();
      return null;
    }
    const magic = new DataView(head.buffer).getUint32(0, true);
    if (magic === PCAPNG_SHB) return { handle, recordDataStart: null };
    return { handle, recordDataStart: MODIFIED_PCAP_MAGICS.has(magic) ? 24 : 16 };
  }

  private async gunzipToTemp(path: string, source: number): Promise<string> {
    this.tempDir ??= mkdtemp(join(tmpdir(), 'msnp-analyzer-gunzip-'));
    const target = join(await this.tempDir, `capture-${source}`);
    // A damaged gzip tail is fine: the frames the reader reported lie before it.
    await pipeline(createReadStream(path), createGunzip(), createWriteStream(target)).catch(() => undefined);
    return target;
  }
}
