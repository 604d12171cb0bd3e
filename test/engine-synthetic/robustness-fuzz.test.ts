// Robustness: seeded random garbage and random mutations of real captures never make the engine
// throw; it always returns a result. A file that is not a capture at all may be refused, but only
// with the reader's CaptureFormatError (the CLI's exit code 2), never with a crash.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { Analyzer } from '../../src/main/engine/analyzer';
import { CaptureFormatError } from '../../src/main/engine/capture/capture-damage';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { buildPcap, readAllFrames, writeTempCapture, type FrameSpec } from '../helpers/capture-builder';
import { CAPTURES } from '../helpers/captures';
import { analyzePaths, chatMime, conversationAt, payloadCommand, T0_US } from './synthetic';
import { legacyFrames } from './legacy-scenario';
import { prng as random } from '../helpers/prng';

const int = (rnd: () => number, n: number) => Math.floor(rnd() * n);

function isResult(r: AnalysisResult): boolean {
  return Array.isArray(r.captures) && typeof r.frames === 'number' && Array.isArray(r.connections) && Array.isArray(r.sessions) && Array.isArray(r.expert);
}

/** Runs the analyzer straight on frames (no file): it must finish and give a result. */
function analyzeInMemory(frames: FrameSpec[], heuristics = true): AnalysisResult {
  const analyzer = new Analyzer({ heuristics, collectFrames: true });
  const captured = (f: FrameSpec, i: number): CapturedFrame => ({ number: i + 1, captureIndex: 0, fileOffset: -1, tsUs: f.tsUs, linkType: f.linkType, originalLength: f.data.length, data: f.data });
  frames.forEach((f, i) => analyzer.addFrame(captured(f, i)));
  const result = analyzer.finish();
  // Describing every frame exercises the command trees too.
  frames.forEach((f, i) => analyzer.describeFrame(captured(f, i)));
  return result;
}

/** One random change to one frame: flip bytes, overwrite a run, cut it short, or splice in junk. */
function mutateFrame(rnd: () => number, data: Uint8Array): Uint8Array {
  const out = data.slice();
  switch (int(rnd, 4)) {
    case 0:
      for (let k = 0; k < 1 + int(rnd, 8); k++) out[int(rnd, out.length)] ^= 1 << int(rnd, 8);
      return out;
    case 1: {
      const at = int(rnd, out.length);
      for (let i = at; i < Math.min(out.length, at + 1 + int(rnd, 40)); i++) out[i] = int(rnd, 256);
      return out;
    }
    case 2:
      return out.subarray(0, int(rnd, out.length));
    default: {
      const at = int(rnd, out.length);
      const junk = Uint8Array.from({ length: 1 + int(rnd, 64) }, () => (rnd() < 0.5 ? int(rnd, 256) : ' 0123456789MSGUSRJOI\r\n'.charCodeAt(int(rnd, 21))));
      const spliced = new Uint8Array(out.length + junk.length);
      spliced.set(out.subarray(0, at));
      spliced.set(junk, at);
      spliced.set(out.subarray(at), at + junk.length);
      return spliced;
    }
  }
}

const chat = conversationAt(T0_US, {
  client: { ip: '10.9.0.1', port: 2500 },
  server: { ip: '207.46.108.150', port: 1863 },
  messages: [
    { from: 'client', payload: 'USR 1 alice@hotmail.com 1.2\r\n' },
    { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
    { from: 'server', payload: 'JOI bob@hotmail.com Bob\r\n' },
    { from: 'client', payload: payloadCommand('MSG 2 A', chatMime('fuzz me')) },
    { from: 'server', payload: 'ACK 2\r\n' },
  ],
});

describe('random mutations never crash the engine', () => {
  it('of real and synthetic captures, frame by frame (120 seeded cases)', async () => {
    const sources: FrameSpec[][] = [chat, legacyFrames];
    for (const path of [CAPTURES.ppa2006, CAPTURES.pecanFileTransfer]) {
      sources.push((await readAllFrames(path)).frames.map((f) => ({ tsUs: f.tsUs, data: f.data, linkType: f.linkType })));
    }
    for (let seed = 1; seed <= 120; seed++) {
      const rnd = random(seed);
      const source = sources[seed % sources.length];
      const frames = source.map((f) => (rnd() < 0.15 ? { ...f, data: mutateFrame(rnd, f.data) } : f));
      // Sometimes also drop, repeat or swap frames.
      if (rnd() < 0.3) frames.splice(int(rnd, frames.length), 1);
      if (rnd() < 0.3) frames.splice(int(rnd, frames.length), 0, frames[int(rnd, frames.length)]);
      if (rnd() < 0.3) {
        const i = int(rnd, frames.length - 1);
        [frames[i], frames[i + 1]] = [frames[i + 1], frames[i]];
      }
      let result: AnalysisResult;
      try {
        result = analyzeInMemory(frames, seed % 3 !== 0);
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`, { cause: error });
      }
      expect(isResult(result), `seed ${seed}`).toBe(true);
    }
  });

  it('of capture files, bytes anywhere after the file header (60 seeded cases)', async () => {
    const original = new Uint8Array(readFileSync(CAPTURES.ppa2006));
    const synthetic = buildPcap(chat);
    for (let seed = 1000; seed < 1060; seed++) {
      const rnd = random(seed);
      const bytes = (seed % 2 ? original : synthetic).slice();
      for (let k = 0; k < 1 + int(rnd, 20); k++) bytes[24 + int(rnd, bytes.length - 24)] = int(rnd, 256);
      const cut = rnd() < 0.3 ? bytes.subarray(0, 24 + int(rnd, bytes.length - 24)) : bytes;
      const result = await analyzePaths([writeTempCapture(cut)]);
      expect(isResult(result), `seed ${seed}`).toBe(true);
    }
  });
});

describe('random garbage never crashes the engine', () => {
  it('as frames of every link type (20 seeded cases)', () => {
    for (let seed = 2000; seed < 2020; seed++) {
      const rnd = random(seed);
      const linkTypes = [1, 0, 101, 108, 113, 228, 229, 276, 147];
      const frames = Array.from({ length: 50 }, (_, i) => ({ tsUs: T0_US + i, linkType: linkTypes[int(rnd, linkTypes.length)], data: Uint8Array.from({ length: int(rnd, 300) }, () => int(rnd, 256)) }));
      expect(isResult(analyzeInMemory(frames))).toBe(true);
    }
  });

  it('as a whole file: a result, or a CaptureFormatError and nothing else (20 seeded cases)', async () => {
    for (let seed = 3000; seed < 3020; seed++) {
      const rnd = random(seed);
      const garbage = Uint8Array.from({ length: int(rnd, 4000) }, () => int(rnd, 256));
      // Half of them start with a valid pcap or pcapng magic so the reader goes past the header.
      if (seed % 2 && garbage.length >= 4) garbage.set(seed % 4 === 1 ? [0xd4, 0xc3, 0xb2, 0xa1] : [0x0a, 0x0d, 0x0d, 0x0a], 0);
      try {
        expect(isResult(await analyzePaths([writeTempCapture(garbage)]))).toBe(true);
      } catch (error) {
        expect(error, `seed ${seed}`).toBeInstanceOf(CaptureFormatError);
      }
    }
  });
});
