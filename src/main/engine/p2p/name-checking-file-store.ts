// The file store the P2P tracker uses: a FileStore that also flags a spoofed file name
// (file-name-warning.ts) in the file's record (`nameWarning`) and the expert info, once it is
// known to be one — from the name when the file is opened, from its first bytes when they arrive.

import type { FileRecord } from '../../../shared/model';
import type { ExpertLog } from '../analysis/expert-log';
import type { MemoryBudget } from '../memory-budget';
import { FileStore, type ChunkResult, type FileMeta } from './file-store';
import { fileNameWarning } from './file-name-warning';

export class NameCheckingFileStore extends FileStore {
  constructor(private readonly log: ExpertLog, budgetBytes?: number, shared?: MemoryBudget | null) {
    super(log, budgetBytes, shared);
  }

  override open(key: string, meta: FileMeta): FileRecord | null {
    const known = this.get(key);
    const record = super.open(key, meta);
    if (record && !known) this.check(record, null, meta.frame);
    return record;
  }

  override addChunk(key: string, offset: number, data: Uint8Array, frame: number): ChunkResult {
    const result = super.addChunk(key, offset, data, frame);
    const record = this.get(key);
    if (offset === 0 && record && (result === 'added' || result === 'completed')) this.check(record, data, frame);
    return result;
  }

  private check(record: FileRecord, head: Uint8Array | null, frame: number): void {
    const warning = fileNameWarning(record.name, head);
    if (!warning || warning === record.nameWarning) return;
    record.nameWarning = warning;
    this.log.add(frame, 'warning', warning);
  }
}
