// Rebuilds transferred files from chunks placed by offset: P2P data chunks (switchboard or
// direct), and MSNFTP blocks. Each chunk is usually seen twice (both clients are captured), so
// coverage is tracked as merged byte ranges and a repeated range adds nothing. Bytes are kept
// within a global budget; beyond it a file is still followed (received, complete) without its
// bytes or SHA-1, and an expert note says so.
// Spec: PROTOCOL.md "P2P / MSNSLP" (chunks joined by offset), "Legacy invitations" (MSNFTP).

import { createHash } from 'node:crypto';
import type { FileRecord } from '../../../shared/model';
import type { ExpertLog } from '../analysis/expert-log';

export const DEFAULT_BYTE_BUDGET = 256 * 1024 * 1024;
const MAX_FILES = 10_000;

export type FileMeta = Omit<FileRecord, 'sha1' | 'complete' | 'received' | 'extractedTo'>;

export type ChunkResult = 'added' | 'duplicate' | 'completed' | 'rejected';

interface Entry {
  record: FileRecord;
  /** Merged [start, end) ranges received, ascending. */
  ranges: Array<[number, number]>;
  bytes: Uint8Array | null;
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
    const entry: Entry = { record: { ...meta, sha1: null, complete: false, received: 0 }, ranges: [], bytes: null, overBudget: false };
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
    const added = this.cover(entry, offset, end);
    if (added === 0) return 'duplicate';
    if (!entry.bytes && !entry.overBudget) this.allocate(entry, frame);
    entry.bytes?.set(data.subarray(0, end - offset), offset);
    entry.record.received = (entry.record.received ?? 0) + added;
    if (entry.record.received < size) return 'added';
    entry.record.complete = true;
    if (entry.bytes) entry.record.sha1 = createHash('sha1').update(entry.bytes).digest('hex');
    return 'completed';
  }

  /** Changes a file's expected size before its bytes are allocated (e.g. learned from a later header). */
  resize(key: string, size: number): void {
    const entry = this.byKey.get(key);
    if (entry && !entry.bytes && entry.ranges.length === 0) entry.record.size = size;
  }

  records(): FileRecord[] {
    return this.entries.map((e) => e.record);
  }

  /**
   * The bytes kept for file `index` (of records()) up to the last byte received, not the size
   * the sender declared (which may be anything); holes before it are zeros.
   */
  bytes(index: number): Uint8Array | null {
    const entry = this.entries[index];
    if (!entry?.bytes) return null;
    return entry.bytes.subarray(0, entry.ranges[entry.ranges.length - 1]?.[1] ?? 0);
  }

  private allocate(entry: Entry, frame: number): void {
    const size = entry.record.size;
    if (size > this.budget) {
      entry.overBudget = true;
      this.expert.add(frame, 'note', `${entry.record.name} (${size} bytes) is not kept: only ${this.budget} bytes are left of the memory budget for rebuilt files, so no SHA-1 either`);
      return;
    }
    this.budget -= size;
    entry.bytes = new Uint8Array(size);
  }

  /** Adds [start, end) to the merged ranges; returns how many bytes were new. */
  private cover(entry: Entry, start: number, end: number): number {
    const ranges = entry.ranges;
    const last = ranges[ranges.length - 1];
    // Fast path: chunks mostly arrive in order, right after what we have.
    if (!last || start >= last[1]) {
      if (last && start === last[1]) last[1] = end;
      else ranges.push([start, end]);
      return end - start;
    }
    let covered = 0;
    let newStart = start;
    let newEnd = end;
    const kept: Array<[number, number]> = [];
    for (const r of ranges) {
      if (r[1] < start || r[0] > end) {
        kept.push(r);
        continue;
      }
      covered += Math.max(0, Math.min(r[1], end) - Math.max(r[0], start));
      newStart = Math.min(newStart, r[0]);
      newEnd = Math.max(newEnd, r[1]);
    }
    kept.push([newStart, newEnd]);
    kept.sort((a, b) => a[0] - b[0]);
    entry.ranges = kept;
    return end - start - covered;
  }
}
