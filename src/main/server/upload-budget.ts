// How much the browser mode lets clients upload: each file up to a size, all stored uploads
// together up to a total, and only so many at once. Uploads that the back end no longer has open
// are deleted when a new capture replaces them (prune), which gives their bytes back to the total.

import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface UploadLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxConcurrent: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 2 * 1024 ** 3, maxTotalBytes: 8 * 1024 ** 3, maxConcurrent: 4 };

export class UploadError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** One upload in progress: bytes are taken from the budget as they arrive. */
export interface UploadTicket {
  /** Counts `n` more bytes of this upload; throws UploadError (413) past the file or total limit. */
  take(n: number): void;
  /** The upload is stored as `path` (alone in its own folder). */
  stored(path: string): void;
  /** The upload failed: its bytes go back to the budget. */
  release(): void;
}

export class UploadBudget {
  private active = 0;
  private inFlightBytes = 0;
  /** Stored uploads: path → size. */
  private readonly stored = new Map<string, number>();

  constructor(readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {}

  get totalBytes(): number {
    let total = this.inFlightBytes;
    for (const bytes of this.stored.values()) total += bytes;
    return total;
  }

  /** Starts an upload of `declared` bytes (NaN: unknown); throws UploadError (429 or 413) when it cannot start. */
  begin(declared: number): UploadTicket {
    const { maxFileBytes, maxTotalBytes, maxConcurrent } = this.limits;
    if (this.active >= maxConcurrent) throw new UploadError(429, `too many uploads at once (limit ${maxConcurrent})`);
    if (declared > maxFileBytes) throw tooLarge(maxFileBytes);
    if (this.totalBytes + (declared || 0) > maxTotalBytes) throw overTotal(maxTotalBytes);
    this.active++;
    let received = 0;
    let open = true;
    const end = () => {
      if (!open) return false;
      open = false;
      this.active--;
      this.inFlightBytes -= received;
      return true;
    };
    return {
      take: (n) => {
        if (received + n > maxFileBytes) throw tooLarge(maxFileBytes);
        if (this.totalBytes + n > maxTotalBytes) throw overTotal(maxTotalBytes);
        received += n;
        this.inFlightBytes += n;
      },
      stored: (path) => {
        const bytes = received;
        if (end()) this.stored.set(path, bytes);
      },
      release: () => void end(),
    };
  }

  /** Deletes the stored uploads that are not in `keep` (the files the back end has open). */
  async prune(keep: readonly string[]): Promise<void> {
    const gone = [...this.stored.keys()].filter((path) => !keep.includes(path));
    for (const path of gone) {
      this.stored.delete(path);
      await rm(dirname(path), { recursive: true, force: true });
    }
  }
}

const tooLarge = (limit: number) => new UploadError(413, `file too large (limit ${limit} bytes)`);
const overTotal = (limit: number) => new UploadError(413, `uploads over the total limit (${limit} bytes); close the capture to free them`);
