// Rebuilds transferred files from chunks placed by offset: P2P data chunks (switchboard or
// direct), and MSNFTP blocks. Each chunk is usually seen twice (both clients are captured), so
// coverage is tracked as merged byte ranges and a repeated range adds nothing. A file's buffer
// grows with the bytes actually received (a header may declare any size, up to 2^64), within a
// budget of its own; beyond it a file is still followed (received, complete) without its bytes or
// SHA-1, and an expert note says so. The bytes of files not yet complete are also charged to the
// analysis-wide memory budget, which may take them back (the file idle longest first): that file
// is then followed the same way, without its bytes.
// Spec: PROTOCOL.md "P2P / MSNSLP" (chunks joined by offset), "Legacy invitations" (MSNFTP).

import { createHash } from 'node:crypto';
import type { FileRecord } from '../../../shared/model';
import type { ExpertLog } from '../analysis/expert-log';
import type { BudgetHolder, EvictableState, MemoryBudget } from '../memory-budget';
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
  /** The frame of the last chunk: how long the file has been idle. */
  lastFrame: number;
}

export class FileStore implements BudgetHolder {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  private budget: number;

  /** `shared`: the analysis-wide memory budget, charged with the bytes of unfinished files. */
  constructor(private readonly expert: ExpertLog, budgetBytes = DEFAULT_BYTE_BUDGET, private readonly shared: MemoryBudget | null = null) {
    this.budget = budgetBytes;
    shared?.addHolder(this);
  }

  /** Returns the file for `key`, creating it from `meta` the first time (null beyond MAX_FILES). */
  open(key: string, meta: FileMeta): FileRecord | null {
    const existing = this.byKey.get(key);
    if (existing) return existing.record;
    if (this.entries.length >= MAX_FILES) return null;
    const entry: Entry = { record: { ...meta, sha1: null, complete: false, received: 0 }, ranges: new ByteRangeSet(), bytes: null, extent: 0, overBudget: false, lastFrame: meta.frame };
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
    entry.lastFrame = entry.record.lastFrame = frame;
    if (!entry.overBudget && this.makeRoom(entry, frame)) entry.bytes?.set(data.subarray(0, end - offset), offset);
    entry.record.received = (entry.record.received ?? 0) + added;
    if (entry.record.received < size) return 'added';
    entry.record.complete = true;
    // Complete, the bytes are a result: only the store's own budget holds them now.
    this.shared?.release(entry.bytes?.length ?? 0);
    if (entry.bytes) entry.record.sha1 = createHash('sha1').update(entry.bytes.subarray(0, size)).digest('hex');
    return 'completed';
  }

  /** Changes a file's expected size before its bytes are allocated (e.g. learned from a later header). */
  resize(key: string, size: number): void {
    const entry = this.byKey.get(key);
    if (entry && !entry.bytes && entry.ranges.count === 0) entry.record.size = size;
  }

  /** Unfinished files whose bytes are kept, each dropped when evicted (BudgetHolder). */
  evictable(): EvictableState[] {
    const out: EvictableState[] = [];
    for (const entry of this.entries) {
      if (entry.bytes && !entry.record.complete) out.push({ kind: 'file', lastFrame: entry.lastFrame, evict: () => this.evict(entry) });
    }
    return out;
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
      this.dropBytes(entry);
      this.expert.add(frame, 'note', `${entry.record.name} (${size} bytes) is not kept: only ${this.budget} bytes are left of the memory budget for rebuilt files, so no SHA-1 either`);
      return false;
    }
    const bytes = new Uint8Array(grown);
    if (entry.bytes) bytes.set(entry.bytes);
    this.budget -= grown - capacity;
    this.shared?.charge(grown - capacity);
    entry.bytes = bytes;
    return true;
  }

  private evict(entry: Entry): void {
    this.dropBytes(entry);
    const { name, size, received } = entry.record;
    this.expert.add(entry.lastFrame, 'note', `${name} (${size} bytes, ${received} received): its bytes are dropped to stay within the memory budget (no chunk since this frame); the transfer is still followed, without its bytes or SHA-1`);
  }

  /** Stops keeping an unfinished file's bytes: it is still followed, without bytes or SHA-1. */
  private dropBytes(entry: Entry): void {
    const capacity = entry.bytes?.length ?? 0;
    this.budget += capacity;
    this.shared?.release(capacity);
    entry.bytes = null;
    entry.overBudget = true;
  }
}
