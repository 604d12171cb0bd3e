// Garbage in, no exception out: framer, detector and describer on seeded random input made of
// MSNP-like fragments, binary bytes, random splits and gaps.
import { describe, expect, it } from 'vitest';
import { MsnpFramer } from '../../src/main/engine/msnp/msnp-framer';
import { looksLikeMsnp } from '../../src/main/engine/msnp/msnp-detector';
import { describeCommand } from '../../src/main/engine/msnp/describe-command';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';
import { bytes } from './framer-harness';
import { prng } from '../helpers/prng';

const FRAGMENTS = ['MSG 1 U 5\r\n', 'MSG a b 99999999\r\n', 'UUX 3 0\r\n', '241 7 12\r\n', 'NLN NLN a %ZZ%E4 1\r\n', 'PNG\r\n', '\r\n', '\n', 'msg 2 N 3\r\n',
  'USR 4 SSO S t=x y\r\n', 'XFR 1 SB 1.2.3.4:1863 CKI c\r\n', 'LST N=a F=%41 C=c 11 1 g\r\n', 'GCF 0 -1\r\n', 'UBX 1:a 3\r\n', 'X', ' ', '%'];

function randomStream(rand: () => number, size: number): Uint8Array {
  const parts: number[] = [];
  while (parts.length < size) {
    if (rand() < 0.6) parts.push(...bytes(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]));
    else for (let i = Math.floor(rand() * 20); i > 0; i--) parts.push(Math.floor(rand() * 256));
  }
  return Uint8Array.from(parts);
}

describe('robustness on random input', () => {
  it('the framer never throws, accounts for every command, and descriptions never throw', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rand = prng(seed);
      const data = randomStream(rand, 4000);
      const commands: MsnpCommand[] = [];
      const framer = new MsnpFramer({
        direction: rand() < 0.5 ? 'c2s' : 's2c', version: () => (rand() < 0.3 ? null : 15), onCommand: (c) => commands.push(c),
        maxBodyBytes: 2048, maxLineBytes: 512,
      });
      let pos = 0;
      let frame = 1;
      while (pos < data.length) {
        const n = 1 + Math.floor(rand() * 300);
        if (rand() < 0.05) framer.gap(1 + Math.floor(rand() * 50), frame, frame);
        framer.push(data.subarray(pos, pos + n), frame, frame);
        pos += n;
        frame++;
      }
      framer.end(frame, frame);
      for (const c of commands) {
        expect(c.frames.length).toBeGreaterThan(0);
        expect(c.frame).toBe(c.frames.at(-1));
        expect(() => describeCommand(c, 15)).not.toThrow();
      }
      expect(commands.map((c) => c.index)).toEqual(commands.map((_, i) => i));
      expect(['yes', 'no', 'need-more']).toContain(looksLikeMsnp(data.subarray(0, 512), seed % 2 === 0));
    }
  });
});
