// Recognises the same message seen on several connections of one switchboard session. When both
// parties are captured, every message travels twice: the sender's `MSG n A len` to the server,
// then the server's `MSG sender nick len` relay to each other participant. A sighting repeats an
// earlier one when sender and bytes match and the earlier one was not yet seen on this
// connection (a connection sees each message once), matched oldest first so that a message sent
// twice in a row pairs with its own relays. Memory is bounded: old sightings are forgotten.
//
// The same bytes often recur on one connection (a typing notification is identical every time),
// so a key's list can grow long; each key remembers, per connection, how many of its leading
// sightings already include that connection, and the search for the oldest one that does not
// starts there instead of at the front (a connection joins the oldest free sighting, or a new
// one appended at the end, so those that include it stay leading until trimmed).
// Keys are fields (sender, content type, length, two hashes), found by one hash and compared,
// never joined into a string that would have to be built and hashed for every message.

/** Sightings kept per session; relays follow within a few messages, this is generous. */
const MAX_SIGHTINGS = 1024;

export interface Sighting<T> {
  key: MessageKey;
  connections: number[];
  /** What the first sighting produced (a transcript line…), for later sightings to update. */
  value: T | null;
}

/**
 * What identifies a message: sender, content type, length and body fingerprint (two 32-bit
 * FNV-1a hashes with different seeds, 64 bits). Kept as fields rather than joined into a string:
 * the index finds a key by `h1` and compares the rest, without building and hashing text.
 */
export interface MessageKey {
  /** '?' when the sender is unknown. */
  sender: string;
  contentType: string;
  length: number;
  h1: number;
  h2: number;
}

export function messageKey(sender: string | null, contentType: string, body: Uint8Array): MessageKey {
  let h1 = 0x811c9dc5;
  let h2 = 0x2f1b6c3d;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x01000193);
  }
  return { sender: sender ?? '?', contentType, length: body.length, h1: h1 >>> 0, h2: h2 >>> 0 };
}

function sameKey(a: MessageKey, b: MessageKey): boolean {
  return a.h1 === b.h1 && a.h2 === b.h2 && a.length === b.length && a.sender === b.sender && a.contentType === b.contentType;
}

/** The sightings of one key, oldest first, and per connection how many leading ones include it. */
interface KeyEntry<T> {
  key: MessageKey;
  list: Sighting<T>[];
  /** Parallel arrays: connection → count of leading sightings known to include it (a lower bound). */
  skipConnections: number[];
  skipCounts: number[];
}

export class SightingIndex<T> {
  /** Entries by the low 30 bits of h1 (a small-integer key); a bucket rarely holds two. */
  private readonly byKey = new Map<number, Array<KeyEntry<T>>>();
  private readonly order: Sighting<T>[] = [];

  private entryOf(key: MessageKey): KeyEntry<T> | undefined {
    const bucket = this.byKey.get(key.h1 & 0x3fffffff);
    if (bucket === undefined) return undefined;
    for (const entry of bucket) if (sameKey(entry.key, key)) return entry;
    return undefined;
  }

  /** Records a sighting on `connection`; returns the earlier sighting it repeats, or null when new. */
  sight(key: MessageKey, connection: number): { repeatOf: Sighting<T> | null; sighting: Sighting<T> } {
    const entry = this.entryOf(key);
    if (entry) {
      const list = entry.list;
      let slot = entry.skipConnections.indexOf(connection);
      if (slot < 0) {
        slot = entry.skipConnections.length;
        entry.skipConnections.push(connection);
        entry.skipCounts.push(0);
      }
      for (let i = entry.skipCounts[slot]; i < list.length; i++) {
        const s = list[i];
        if (!s.connections.includes(connection)) {
          s.connections.push(connection);
          entry.skipCounts[slot] = i + 1;
          return { repeatOf: s, sighting: s };
        }
      }
      entry.skipCounts[slot] = list.length + 1; // the new sighting below includes it too
    }
    const sighting: Sighting<T> = { key, connections: [connection], value: null };
    this.add(sighting);
    return { repeatOf: null, sighting };
  }

  /** Takes over another index's sightings (two sessions found to be one). */
  absorb(other: SightingIndex<T>): void {
    for (const s of other.order) this.add(s);
  }

  private add(sighting: Sighting<T>): void {
    const entry = this.entryOf(sighting.key);
    if (entry) entry.list.push(sighting);
    else {
      const fresh: KeyEntry<T> = { key: sighting.key, list: [sighting], skipConnections: [], skipCounts: [] };
      const bucket = this.byKey.get(sighting.key.h1 & 0x3fffffff);
      if (bucket) bucket.push(fresh);
      else this.byKey.set(sighting.key.h1 & 0x3fffffff, [fresh]);
    }
    this.order.push(sighting);
    if (this.order.length > MAX_SIGHTINGS) {
      // Drop the oldest half at once so that trimming costs O(1) per message on average.
      const dropped = this.order.splice(0, MAX_SIGHTINGS / 2);
      for (const s of dropped) {
        const e = this.entryOf(s.key);
        if (!e) continue;
        const i = e.list.indexOf(s);
        if (i >= 0) {
          e.list.splice(i, 1);
          // Leading sightings that included a connection: one fewer if the dropped one was among them.
          for (let k = 0; k < e.skipCounts.length; k++) if (i < e.skipCounts[k]) e.skipCounts[k]--;
        }
        if (e.list.length === 0) this.removeEntry(e);
      }
    }
  }

  private removeEntry(entry: KeyEntry<T>): void {
    const slot = entry.key.h1 & 0x3fffffff;
    const bucket = this.byKey.get(slot);
    if (!bucket) return;
    const i = bucket.indexOf(entry);
    if (i >= 0) bucket.splice(i, 1);
    if (bucket.length === 0) this.byKey.delete(slot);
  }
}
