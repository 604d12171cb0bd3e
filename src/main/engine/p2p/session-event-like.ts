// What the P2P layer asks the transcript to show inline (an invitation step, a file received);
// the switchboard analysis adds frame, time and account to make a SessionEvent of it.

import type { SessionEvent } from '../../../shared/model';

export interface SessionEventLike {
  kind: SessionEvent['kind'];
  detail: string;
}

/** "file-transfer" → "file transfer". */
export function kindLabel(kind: string | null): string {
  return kind ? kind.replace(/-/g, ' ') : 'unknown application';
}

/** A set that forgets everything when it grows past `limit` (memory stays bounded). */
export class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly limit = 50_000) {}

  /** Adds `key`; true when it was new. */
  add(key: string): boolean {
    if (this.items.has(key)) return false;
    if (this.items.size >= this.limit) this.items.clear();
    this.items.add(key);
    return true;
  }
}
