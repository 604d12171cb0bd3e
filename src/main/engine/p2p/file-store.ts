// Rebuilds transferred files from chunks placed by offset: P2P data chunks (switchboard or
// direct), and MSNFTP blocks. Each chunk is usually seen twice (both clients are captured), so
// coverage is tracked as merged byte ranges and a repeated range adds nothing. A file's buffer
// grows with the bytes actually received (a header may declare any size, up to 2^64), within a
// global budget; beyond it a file is still followed (received, complete) without its bytes or
// SHA-1, and an expert note says so.
// Spec: PROTOCOL.md "P2P / MSNSLP" (chunks joined by offset), "Legacy invitations" (MSNFTP).

import { createHash } from 'node:crypto';
import type { FileRecord } from '../../../shared/model';
import type { ExpertLog } from '../analysis/expert-log';
import { ByteRangeSet } from './byte-range-set';

export const DEFAULT_BYTE_BUDGET = 256 * 1024 * 1024;
const MAX_FILES = 10_000;
/** The first buffer of a file holds at least this much (then it doubles). */
const MIN_BUFFER = 64 * 1024;

export type FileMeta = Omit<FileRecord, 'sha1' | 'complete' | 'received' | 'extractedTo'>;

export type ChunkResult = 'added' | 'duplicate' | 'completed' | 'rejected';

interface Entry {
  record: FileRecord;
  /** The byte ranges received. */
  ranges: ByteRangeSet;
  /** The bytes received, at their offsets; as long as the highest byte received needs, or longer. */
  bytes: Uint8Array | null;
  /** One past the highest byte received. */
  extent: number;
  /** Whether the bytes could not be kept (budget), so `bytes` stays null. */
  overBudget: boolean;
}

export class FileStore {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  private budget: number;

  constructor(private readonly expert: ExpertLog, budgetBytes = DEFAULT_BYTE_BUDGET) {
    this.budget = budgetBytes;
  }

  /** Returns the file for `key`, creating it from `meta` the first time (null beyond MAX_FILES). */
  open(key: string, meta: FileMeta): FileRecord | null {
    const existing = this.byKey.get(key);
    if (existing) return existing.record;
    if (this.entries.length >= MAX_FILES) return null;
    const entry: Entry = { record: { ...meta, sha1: null, complete: false, received: 0 }, ranges: new ByteRangeSet(), bytes: null, extent: 0, overBudget: false };
    this.entries.push(entry);
    this.byKey.set(key, entry);
    return entry.record;
  }

  get(key: string): FileRecord | null {
    return this.byKey.get(key)?.record ?? null;
  }

  /**
   * Places `data` at `offset`. The file's size must be known (set in open or before the first
   * chunk). Returns 'completed' for the chunk that makes the file whole.
   */
  addChunk(key: string, offset: number, data: Uint8Array, frame: number): ChunkResult {
    const entry = this.byKey.get(key);
    if (!entry || entry.record.complete) return entry ? 'duplicate' : 'rejected';
    const size = entry.record.size;
    if (offset < 0 || offset >= size || data.length === 0) return 'rejected';
    const end = Math.min(offset + data.length, size);
    if (end < offset + data.length) {
      this.expert.add(frame, 'warning', `${entry.record.name}: chunk at offset ${offset} runs ${offset + data.length - size} bytes past the file size ${size}`);
    }
    const added = entry.ranges.add(offset, end);
    if (added === 0) return 'duplicate';
    entry.extent = Math.max(entry.extent, end);
    if (!entry.overBudget && this.makeRoom(entry, frame)) entry.bytes?.set(data.subarray(0, end - offset), offset);
    entry.record.received = (entry.record.received ?? 0) + added;
    if (entry.record.received < size) return 'added';
    entry.record.complete = true;
    if (entry.bytes) entry.record.sha1 = createHash('sha1').update(entry.bytes.subarray(0, size)).digest('hex');
    return 'completed';
  }

  /** Changes a file's expected size before its bytes are allocated (e.g. learned from a later header). */
  resize(key: string, size: number): void {
    const entry = this.byKey.get(key);
    if (entry && !entry.bytes && entry.ranges.count === 0) entry.record.size = size;
  }

  records(): FileRecord[] {
    return this.entries.map((e) => e.record);
  }

  /**
   * The bytes kept for file `index` (of records()), up to the highest byte received: holes of an
   * incomplete file are zeros, and nothing past what was seen is made up.
   */
  bytes(index: number): Uint8Array | null {
    const entry = this.entries[index];
    return entry?.bytes ? entry.bytes.subarray(0, entry.extent) : null;
  }

  /**
   * Grows the file's buffer to hold its bytes up to `extent` (doubling, never past the declared
   * size), charging the budget; false, with a note, when the budget cannot pay for it.
   */
  private makeRoom(entry: Entry, frame: number): boolean {
    const capacity = entry.bytes?.length ?? 0;
    if (entry.extent <= capacity) return true;
    const size = entry.record.size;
    const wanted = Math.min(size, Math.max(entry.extent, capacity * 2, MIN_BUFFER));
    const grown = wanted - capacity <= this.budget ? wanted : entry.extent;
    if (grown - capacity > this.budget) {
      this.budget += capacity;
      entry.bytes = null;
      entry.overBudget = true;
      this.expert.add(frame, 'note', `${entry.record.name} (${size} bytes) is not kept: only ${this.budget} bytes are left of the memory budget for rebuilt files, so no SHA-1 either`);
      return false;
    }
    const bytes = new Uint8Array(grown);
    if (entry.bytes) bytes.set(entry.bytes);
    this.budget -= grown - capacity;
    entry.bytes = bytes;
    return true;
  }
}
