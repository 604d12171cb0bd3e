// Recognises the same message seen on several connections of one switchboard session. When both
// parties are captured, every message travels twice: the sender's `MSG n A len` to the server,
// then the server's `MSG sender nick len` relay to each other participant. A sighting repeats an
// earlier one when sender and bytes match and the earlier one was not yet seen on this
// connection (a connection sees each message once), matched oldest first so that a message sent
// twice in a row pairs with its own relays. Memory is bounded: old sightings are forgotten.

/** Sightings kept per session; relays follow within a few messages, this is generous. */
const MAX_SIGHTINGS = 1024;

export interface Sighting<T> {
  key: string;
  connections: number[];
  /** What the first sighting produced (a transcript line…), for later sightings to update. */
  value: T | null;
}

/**
 * A short string that identifies a message: sender, content type, length and body fingerprint.
 * The fingerprint is two 32-bit FNV-1a hashes with different seeds (64 bits), in one pass.
 */
export function messageKey(sender: string | null, contentType: string, body: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x2f1b6c3d;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x01000193);
  }
  return `${sender ?? '?'}\u0000${contentType}\u0000${body.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

export class SightingIndex<T> {
  private readonly byKey = new Map<string, Sighting<T>[]>();
  private readonly order: Sighting<T>[] = [];

  /** Records a sighting on `connection`; returns the earlier sighting it repeats, or null when new. */
  sight(key: string, connection: number): { repeatOf: Sighting<T> | null; sighting: Sighting<T> } {
    const list = this.byKey.get(key);
    if (list) {
      for (const s of list) {
        if (!s.connections.includes(connection)) {
          s.connections.push(connection);
          return { repeatOf: s, sighting: s };
        }
      }
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
    const list = this.byKey.get(sighting.key);
    if (list) list.push(sighting);
    else this.byKey.set(sighting.key, [sighting]);
    this.order.push(sighting);
    if (this.order.length > MAX_SIGHTINGS) {
      // Drop the oldest half at once so that trimming costs O(1) per message on average.
      const dropped = this.order.splice(0, MAX_SIGHTINGS / 2);
      for (const s of dropped) {
        const l = this.byKey.get(s.key);
        if (!l) continue;
        const i = l.indexOf(s);
        if (i >= 0) l.splice(i, 1);
        if (l.length === 0) this.byKey.delete(s.key);
      }
    }
  }
}
