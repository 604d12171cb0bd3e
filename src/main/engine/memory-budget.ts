// One memory budget for the state hostile input can make grow without bound (issue 11, defect 6):
// bytes held out of order by TCP reassembly, open connections, and the bytes of files still being
// rebuilt. Holders charge and release what they keep; when the total passes the limit, the
// analyzer asks, between two frames (never in the middle of one), for the state idle longest to
// be released — a connection is ended as if idle (what it holds is delivered, holes as gaps), an
// unfinished file keeps being followed without its bytes — and says so in the expert info.

export const DEFAULT_MEMORY_BUDGET_BYTES = 512 * 1024 * 1024;
/** An eviction releases state down to this share of the limit, so evictions come in batches. */
const EVICT_DOWN_TO = 0.75;

/** Something a holder can release. */
export interface EvictableState {
  kind: 'connection' | 'closed-connection' | 'file';
  /** Number of the last frame that touched it: the lowest is idle longest. */
  lastFrame: number;
  /** Releases it; what it frees is released from the budget by its holder. */
  evict(): void;
}

export interface BudgetHolder {
  evictable(): EvictableState[];
}

/** What one eviction released. */
export interface EvictionSummary {
  connections: number;
  closedConnections: number;
  files: number;
  freedBytes: number;
  /** The last frame of the state idle longest that was released. */
  oldestFrame: number;
}

export class MemoryBudget {
  private usedBytes = 0;
  private readonly holders: BudgetHolder[] = [];
  /**
   * The use that calls for an eviction: the limit, or more after an eviction that could not get
   * back under it (so a budget too small for what cannot be released is not rescanned per frame).
   */
  private threshold: number;

  constructor(readonly limitBytes: number = DEFAULT_MEMORY_BUDGET_BYTES) {
    this.threshold = limitBytes;
  }

  get used(): number {
    return this.usedBytes;
  }

  get exceeded(): boolean {
    return this.usedBytes > this.threshold;
  }

  charge(bytes: number): void {
    this.usedBytes += bytes;
  }

  release(bytes: number): void {
    this.usedBytes -= bytes;
    if (this.usedBytes <= this.limitBytes) this.threshold = this.limitBytes;
  }

  addHolder(holder: BudgetHolder): void {
    this.holders.push(holder);
  }

  /**
   * Releases the state idle longest, across all holders, until the use is back under
   * EVICT_DOWN_TO of the limit (or nothing is left to release). Each candidate is asked once, so
   * this ends even if releasing frees less than expected.
   */
  evictIdle(): EvictionSummary {
    const target = this.limitBytes * EVICT_DOWN_TO;
    const before = this.usedBytes;
    const candidates = this.holders.flatMap((h) => h.evictable()).sort((a, b) => a.lastFrame - b.lastFrame);
    const summary: EvictionSummary = { connections: 0, closedConnections: 0, files: 0, freedBytes: 0, oldestFrame: candidates[0]?.lastFrame ?? 0 };
    for (const candidate of candidates) {
      if (this.usedBytes <= target) break;
      candidate.evict();
      if (candidate.kind === 'connection') summary.connections++;
      else if (candidate.kind === 'closed-connection') summary.closedConnections++;
      else summary.files++;
    }
    summary.freedBytes = Math.max(0, before - this.usedBytes);
    if (this.usedBytes > this.limitBytes) this.threshold = this.usedBytes / EVICT_DOWN_TO;
    return summary;
  }
}

/** `bytes` in MiB with one decimal, for messages. */
export function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
