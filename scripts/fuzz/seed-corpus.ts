// The real captures the mutations start from (the tests' fixtures, copies of ../shared/captures),
// each as its file bytes and its frames; optionally cut to the first `maxFrames` frames so a CI
// run stays small.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPcap, readAllFrames, type FrameSpec } from '../../test/helpers/capture-builder';
import { CAPTURES_DIR } from '../../test/helpers/captures';
import { joinCapture, splitCapture } from './capture-records';

export interface SeedCapture {
  name: string;
  bytes: Uint8Array;
  frames: FrameSpec[];
}

export const DEFAULT_SEED_DIR = CAPTURES_DIR;

export async function loadSeeds(dir = DEFAULT_SEED_DIR, maxFrames = Infinity): Promise<SeedCapture[]> {
  const names = readdirSync(dir).filter((n) => /\.(pcap|pcapng|cap)(\.gz)?$/.test(n)).sort();
  const seeds: SeedCapture[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const { frames } = await readAllFrames(path);
    const kept = frames.slice(0, maxFrames).map((f) => ({ tsUs: f.tsUs, data: f.data, linkType: f.linkType, originalLength: f.originalLength }));
    let bytes: Uint8Array = new Uint8Array(readFileSync(path));
    if (kept.length < frames.length) {
      const split = splitCapture(bytes);
      bytes = split.format === 'pcap' ? joinCapture({ header: split.header, records: split.records.slice(0, maxFrames) }) : buildPcap(kept);
    }
    seeds.push({ name, bytes, frames: kept });
  }
  if (!seeds.length) throw new Error(`no capture files in ${dir}`);
  return seeds;
}
