// Format-blind mutations of a whole file: bit and byte flips, inserts, deletes, duplicated runs
// and truncation. They find what no structure-aware mutation thinks of (and break headers too).

import { FuzzRandom } from './fuzz-random';
import { splice, type Mutated } from './mutation';

const TOKENS = ['\r\n', '\n', ' ', '\0', 'MSG 1 N 2147483648\r\n', 'Content-Length: 4294967296\r\n', '\u202e'].map((t) => new TextEncoder().encode(t));

export function flipBits(bytes: Uint8Array, rnd: FuzzRandom): Mutated {
  const out = bytes.slice();
  const count = 1 + rnd.int(8);
  for (let i = 0; i < count && out.length; i++) out[rnd.int(out.length)] ^= 1 << rnd.int(8);
  return { bytes: out, mutation: `flip ${count} bit(s)` };
}

export function setBytes(bytes: Uint8Array, rnd: FuzzRandom): Mutated {
  const out = bytes.slice();
  const at = rnd.int(out.length);
  const count = Math.min(out.length - at, 1 + rnd.int(4));
  for (let i = 0; i < count; i++) out[at + i] = rnd.pick([0x00, 0xff, 0x7f, 0x80, rnd.int(256)]);
  return { bytes: out, mutation: `set ${count} byte(s) at ${at}` };
}

export function insertBytes(bytes: Uint8Array, rnd: FuzzRandom): Mutated {
  const at = rnd.int(bytes.length + 1);
  const insert = rnd.chance(0.5) ? rnd.pick(TOKENS) : rnd.bytes(1 + rnd.int(32));
  return { bytes: splice(bytes, at, at, insert), mutation: `insert ${insert.length} byte(s) at ${at}` };
}

export function deleteBytes(bytes: Uint8Array, rnd: FuzzRandom): Mutated {
  const at = rnd.int(bytes.length);
  const count = Math.min(bytes.length - at, 1 + rnd.int(64));
  return { bytes: splice(bytes, at, at + count), mutation: `delete ${count} byte(s) at ${at}` };
}

export function duplicateRun(bytes: Uint8Array, rnd: FuzzRandom): Mutated {
  const from = rnd.int(bytes.length);
  const run = bytes.slice(from, from + 1 + rnd.int(256));
  const at = rnd.int(bytes.length + 1);
  return { bytes: splice(bytes, at, at, run), mutation: `copy ${run.length} byte(s) from ${from} to ${at}` };
}

export function truncate(bytes: Uint8Array, rnd: FuzzRandom): Mutated {
  const at = rnd.int(bytes.length);
  return { bytes: bytes.slice(0, at), mutation: `truncate at ${at}` };
}

export const BYTE_MUTATIONS = [flipBits, setBytes, insertBytes, deleteBytes, duplicateRun, truncate] as const;
