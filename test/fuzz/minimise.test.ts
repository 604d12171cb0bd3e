// The minimiser: ddmin finds the 1-minimal sublist a predicate needs and respects its budget;
// on a capture it keeps only the records (then the bytes) the failure needs, and tries a gzipped
// case decompressed first.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ddmin, minimiseCapture } from '../../scripts/fuzz/minimise';
import { splitCapture } from '../../scripts/fuzz/capture-records';
import { buildPcap, tcpConversation } from '../helpers/capture-builder';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('ddmin', () => {
  it('keeps exactly the items the failure needs', async () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const needs = [3, 42, 77];
    const result = await ddmin(items, async (xs) => needs.every((n) => xs.includes(n)), { runs: 1000 });
    expect(result).toEqual(needs);
  });

  it('stops when its budget of runs is spent, keeping a failing input', async () => {
    let calls = 0;
    const budget = { runs: 5 };
    const result = await ddmin(Array.from({ length: 100 }, (_, i) => i), async (xs) => (calls++, xs.includes(50)), budget);
    expect(calls).toBe(5);
    expect(budget.runs).toBe(0);
    expect(result).toContain(50);
  });
});

const frames = tcpConversation({
  client: { ip: '10.0.0.1', port: 1025 },
  server: { ip: '10.0.0.2', port: 1863 },
  messages: Array.from({ length: 30 }, (_, i) => ({ from: i % 2 ? ('server' as const) : ('client' as const), payload: i === 7 ? 'NEEDLE-A' : i === 21 ? 'NEEDLE-B' : `PNG ${i}\r\n` })),
});
const capture = buildPcap(frames);
const hasBoth = (s: string) => s.includes('NEEDLE-A') && s.includes('NEEDLE-B');

describe('minimiseCapture', () => {
  it('cuts a capture down to the records, then the bytes, the failure needs', async () => {
    const seen: Uint8Array[] = [];
    const result = await minimiseCapture(capture, async (b) => (seen.push(b), hasBoth(text(b))), { runs: 5000 });
    expect(text(result)).toBe('NEEDLE-ANEEDLE-B');
    // The record pass ran first: some candidate was the file header and exactly the two records.
    expect(seen.some((b) => splitCapture(b).records.length === 2 && hasBoth(text(b)))).toBe(true);
  });

  it('tries a gzipped case decompressed', async () => {
    const packed = new Uint8Array(gzipSync(capture));
    const fails = async (b: Uint8Array) => {
      const plain = b[0] === 0x1f && b[1] === 0x8b ? safeGunzip(b) : b;
      return plain !== null && text(plain).includes('NEEDLE-A');
    };
    expect(text(await minimiseCapture(packed, fails, { runs: 5000 }))).toBe('NEEDLE-A');
  });
});

function safeGunzip(b: Uint8Array): Uint8Array | null {
  try {
    return new Uint8Array(gunzipSync(b));
  } catch {
    return null;
  }
}

describe('minimisation time budget', () => {
  it('starts no test after the deadline', async () => {
    let calls = 0;
    const result = await ddmin([1, 2, 3, 4], async () => (calls++, true), { runs: 100, until: Date.now() - 1 });
    expect(calls).toBe(0);
    expect(result).toEqual([1, 2, 3, 4]);
  });
});
