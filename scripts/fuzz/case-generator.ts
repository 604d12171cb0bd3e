// Case number `index` of a run with seed `seed`: always the same bytes for the same pair, so a
// sidecar's (seed, case) rebuilds its input. One main mutation (file bytes, records, TCP
// segments, a crafted structure), sometimes a byte mutation on top, sometimes gzip around it.

import { buildPcap, buildPcapng, type FrameSpec } from '../../test/helpers/capture-builder';
import { BYTE_MUTATIONS } from './byte-mutations';
import { craftCase } from './crafted-cases';
import { FuzzRandom } from './fuzz-random';
import { gzipMutation } from './gzip-mutations';
import type { Mutated } from './mutation';
import { mutateRecords } from './record-mutations';
import type { SeedCapture } from './seed-corpus';
import { mutateTcpHeader, mutateTcpPayload } from './tcp-mutations';

export interface FuzzCase {
  seed: number;
  index: number;
  /** Seed capture the case started from (null for crafted cases). */
  source: string | null;
  bytes: Uint8Array;
  /** What was done, in order. */
  mutations: string[];
}

export interface GeneratorOptions {
  /** Upper bound of flood sizes (connections, segments, P2P chunks). */
  floodSize: number;
}

/** A per-case generator seed: cases of one run are independent, so any one can be rebuilt alone. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

export function writeFrames(frames: FrameSpec[], rnd: FuzzRandom): Mutated {
  const mixed = frames.some((f) => f.linkType !== frames[0]?.linkType);
  const pcapng = mixed || rnd.chance(0.3);
  return { bytes: pcapng ? buildPcapng(frames) : buildPcap(frames), mutation: pcapng ? 'as pcapng' : 'as pcap' };
}

export function generateCase(seeds: SeedCapture[], seed: number, index: number, opts: GeneratorOptions): FuzzCase {
  const rnd = new FuzzRandom(caseSeed(seed, index));
  const mutations: string[] = [];
  let source: string | null = null;
  let bytes: Uint8Array;
  const roll = rnd.int(100);
  if (roll < 15) {
    const crafted = craftCase(rnd, opts.floodSize);
    mutations.push(crafted.mutation);
    const written = writeFrames(crafted.frames, rnd);
    mutations.push(written.mutation);
    bytes = written.bytes;
  } else {
    const from = rnd.pick(seeds);
    source = from.name;
    mutations.push(`from ${from.name}`);
    let main: Mutated | null = null;
    if (roll < 45) {
      const frames = (rnd.chance(0.6) ? mutateTcpPayload : mutateTcpHeader)(from.frames, rnd);
      if (frames) {
        const written = writeFrames(frames.frames, rnd);
        main = { bytes: written.bytes, mutation: `${frames.mutation}, ${written.mutation}` };
      }
    } else if (roll < 70) {
      // Record mutations on the original file, or on its pcapng rewrite (for block lengths).
      const base = rnd.chance(0.3) ? buildPcapng(from.frames) : from.bytes;
      main = mutateRecords(base, rnd);
      if (main && base !== from.bytes) main.mutation = `as pcapng, ${main.mutation}`;
    }
    main ??= rnd.pick(BYTE_MUTATIONS)(from.bytes, rnd);
    mutations.push(main.mutation);
    bytes = main.bytes;
  }
  if (bytes.length && rnd.chance(0.2)) {
    const extra = rnd.pick(BYTE_MUTATIONS)(bytes, rnd);
    mutations.push(extra.mutation);
    bytes = extra.bytes;
  }
  if (rnd.chance(0.1)) {
    const packed = gzipMutation(bytes, rnd);
    mutations.push(packed.mutation);
    bytes = packed.bytes;
  }
  return { seed, index, source, bytes, mutations };
}
