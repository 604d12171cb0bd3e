// SightingIndex against a plain model of its rule: a sighting repeats the OLDEST earlier sighting
// of the same key not yet seen on its connection; otherwise it is new. Old sightings are trimmed
// (the oldest 512 once more than 1024 are held) and a merged session's sightings are appended.
// Long runs of one key on one connection (typing notifications) are the case the index speeds up.

import { describe, expect, it } from 'vitest';
import { messageKey, SightingIndex, type MessageKey } from '../../src/main/engine/analysis/message-sightings';
import { prng as rng } from '../helpers/prng';

/** Keys by name: `k3` is a message "k3" from one sender. */
const keys = new Map<string, MessageKey>();
function key(name: string): MessageKey {
  let k = keys.get(name);
  if (!k) keys.set(name, (k = messageKey('alice@example.com', 'text/plain', new TextEncoder().encode(name))));
  return k;
}

interface ModelSighting { id: number; key: string; connections: number[] }

class Model {
  order: ModelSighting[] = [];
  sight(key: string, connection: number, id: number): number | null {
    const found = this.order.find((s) => s.key === key && !s.connections.includes(connection));
    if (found) {
      found.connections.push(connection);
      return found.id;
    }
    this.add({ id, key, connections: [connection] });
    return null;
  }
  add(s: ModelSighting): void {
    this.order.push(s);
    if (this.order.length > 1024) this.order.splice(0, 512);
  }
}

function run(seed: number, steps: number, names: number, connections: number): void {
  const random = rng(seed);
  const index = new SightingIndex<number>();
  const model = new Model();
  for (let i = 0; i < steps; i++) {
    // Skewed keys: key 0 ("typing") is most of the traffic.
    const name = random() < 0.5 ? 'k0' : `k${Math.floor(random() * names)}`;
    const connection = Math.floor(random() * connections);
    const got = index.sight(key(name), connection);
    if (got.repeatOf === null) got.sighting.value = i;
    const expected = model.sight(name, connection, i);
    expect(got.repeatOf === null ? null : got.repeatOf.value, `step ${i}`).toBe(expected);
  }
}

describe('SightingIndex', () => {
  it('one key repeated on one connection, then relayed on another: oldest first', () => {
    const index = new SightingIndex<string>();
    const typing = key('typing');
    for (let i = 0; i < 5; i++) {
      const s = index.sight(typing, 1);
      expect(s.repeatOf).toBeNull();
      s.sighting.value = `t${i}`;
    }
    expect(index.sight(key('typing'), 2).repeatOf?.value).toBe('t0');
    expect(index.sight(key('typing'), 2).repeatOf?.value).toBe('t1');
    expect(index.sight(key('typing'), 1).repeatOf).toBeNull();
    expect(index.sight(key('typing'), 3).repeatOf?.value).toBe('t0');
  });

  it('matches the model over random traffic, trimming included', () => {
    run(1, 5000, 40, 3);
    run(2, 5000, 3, 2);
    run(3, 3000, 400, 5);
  });

  it('matches the model after absorbing another index', () => {
    const random = rng(7);
    const a = new SightingIndex<number>();
    const b = new SightingIndex<number>();
    const model = new Model();
    const modelB = new Model();
    let id = 0;
    for (let i = 0; i < 300; i++) {
      const name = `k${Math.floor(random() * 4)}`;
      const connection = Math.floor(random() * 3);
      const [index, m] = random() < 0.5 ? [a, model] : [b, modelB];
      const got = index.sight(key(name), connection);
      if (got.repeatOf === null) got.sighting.value = id;
      expect(got.repeatOf === null ? null : got.repeatOf.value).toBe(m.sight(name, connection, id));
      id++;
    }
    a.absorb(b);
    for (const s of modelB.order) model.add(s);
    for (let i = 0; i < 600; i++) {
      const name = `k${Math.floor(random() * 4)}`;
      const connection = Math.floor(random() * 4);
      const got = a.sight(key(name), connection);
      if (got.repeatOf === null) got.sighting.value = id;
      expect(got.repeatOf === null ? null : got.repeatOf.value, `after absorb, step ${i}`).toBe(model.sight(name, connection, id));
      id++;
    }
  });
});
