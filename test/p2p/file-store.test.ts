import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { DEFAULT_BYTE_BUDGET, FileStore, type FileMeta } from '../../src/main/engine/p2p/file-store';
import { MemoryBudget } from '../../src/main/engine/memory-budget';
import { prng } from '../helpers/prng';

const meta = (name: string, size: number): FileMeta => ({ frame: 1, kind: 'file-transfer', name, size, from: 'a', to: 'b', via: 'switchboard', session: null });
const abc = new TextEncoder().encode('abcdefghij');

describe('FileStore', () => {
  it('counts overlapping and repeated ranges once', () => {
    const s = new FileStore(new ExpertLog());
    s.open('k', meta('f', 10));
    expect(s.addChunk('k', 2, abc.subarray(2, 6), 1)).toBe('added');
    expect(s.addChunk('k', 2, abc.subarray(2, 6), 2)).toBe('duplicate');
    expect(s.addChunk('k', 4, abc.subarray(4, 8), 3)).toBe('added'); // 2 new bytes
    expect(s.get('k')!.received).toBe(6);
    expect(s.addChunk('k', 0, abc.subarray(0, 3), 4)).toBe('added'); // 2 new bytes
    expect(s.addChunk('k', 8, abc.subarray(8, 10), 5)).toBe('completed');
    // SHA-1 of "abcdefghij": d68c19a0a345b7eab78d5e11e991c026ec60db63 (sha1sum).
    expect(s.get('k')).toMatchObject({ received: 10, complete: true, sha1: 'd68c19a0a345b7eab78d5e11e991c026ec60db63' });
    expect(new TextDecoder().decode(s.bytes(0)!)).toBe('abcdefghij');
    expect(s.addChunk('k', 0, abc, 6)).toBe('duplicate');
  });

  it('clips a chunk that runs past the size, and rejects nonsense', () => {
    const expert = new ExpertLog();
    const s = new FileStore(expert);
    s.open('k', meta('f', 4));
    expect(s.addChunk('k', 0, abc, 1)).toBe('completed');
    expect(new TextDecoder().decode(s.bytes(0)!)).toBe('abcd');
    expect(expert.all()[0].message).toBe('f: chunk at offset 0 runs 6 bytes past the file size 4');
    s.open('j', meta('g', 4));
    expect(s.addChunk('j', 4, abc, 2)).toBe('rejected');
    expect(s.addChunk('j', -1, abc, 2)).toBe('rejected');
    expect(s.addChunk('nope', 0, abc, 2)).toBe('rejected');
  });

  it('follows a file over the memory budget without keeping it', () => {
    const expert = new ExpertLog();
    const s = new FileStore(expert, 15);
    s.open('a', meta('small', 10));
    s.open('b', meta('big', 10));
    s.addChunk('a', 0, abc, 1);
    expect(s.addChunk('b', 0, abc, 2)).toBe('completed');
    expect(s.records().map((r) => [r.name, r.complete, r.sha1 !== null])).toEqual([['small', true, true], ['big', true, false]]);
    expect(s.bytes(1)).toBeNull();
    expect(expert.all()[0].message).toBe('big (10 bytes) is not kept: only 5 bytes are left of the memory budget for rebuilt files, so no SHA-1 either');
  });

  it('keeps an incomplete file with zero-filled holes', () => {
    const s = new FileStore(new ExpertLog());
    s.open('k', meta('f', 6));
    s.addChunk('k', 3, abc.subarray(0, 3), 1);
    expect(s.get('k')).toMatchObject({ complete: false, received: 3, sha1: null });
    expect(Array.from(s.bytes(0)!)).toEqual([0, 0, 0, 97, 98, 99]);
  });
});

describe('FileStore with many out-of-order chunks (issue 11, defect 5)', () => {
  const SIZE = 40_000;
  const original = new Uint8Array(SIZE);
  const random = prng(5);
  for (let i = 0; i < SIZE; i++) original[i] = Math.floor(random() * 256);
  const expectedSha1 = createHash('sha1').update(original).digest('hex');

  function rebuild(offsets: number[]): { store: FileStore; results: string[] } {
    const store = new FileStore(new ExpertLog());
    store.open('k', meta('f', SIZE));
    const results = offsets.map((offset) => store.addChunk('k', offset, original.subarray(offset, offset + 1), 1));
    return { store, results };
  }

  it('rebuilds 40,000 one-byte chunks in reverse order', () => {
    const { store, results } = rebuild(Array.from({ length: SIZE }, (_, i) => SIZE - 1 - i));
    expect(results.at(-1)).toBe('completed');
    expect(results.slice(0, -1).every((r) => r === 'added')).toBe(true);
    expect(store.get('k')).toMatchObject({ complete: true, received: SIZE, sha1: expectedSha1 });
    expect(Buffer.from(store.bytes(0)!).equals(Buffer.from(original))).toBe(true);
  });

  it('rebuilds 40,000 one-byte chunks in random order, each sent twice', () => {
    const offsets = Array.from({ length: SIZE }, (_, i) => i);
    for (let i = SIZE - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [offsets[i], offsets[j]] = [offsets[j], offsets[i]];
    }
    const { store, results } = rebuild([...offsets, ...offsets]);
    expect(results.filter((r) => r === 'completed')).toHaveLength(1);
    expect(results.slice(SIZE)).toEqual(new Array(SIZE).fill('duplicate'));
    expect(store.get('k')).toMatchObject({ complete: true, received: SIZE, sha1: expectedSha1 });
    expect(Buffer.from(store.bytes(0)!).equals(Buffer.from(original))).toBe(true);
  });
});

describe('FileStore with a declared size of 2^40 (issue 11, defect 10: no preallocation)', () => {
  const declared = 2 ** 40;

  it('keeps only the bytes seen, and says so when one lands beyond what memory allows', () => {
    const expert = new ExpertLog();
    const store = new FileStore(expert, 1024 * 1024);
    store.open('k', meta('huge.bin', declared));
    expect(store.addChunk('k', 0, abc, 1)).toBe('added');
    expect(store.addChunk('k', 100, abc.subarray(0, 4), 2)).toBe('added');
    // What --extract would write: the 104 bytes up to the highest one seen, zeros in the hole.
    const kept = store.bytes(0)!;
    expect(kept.length).toBe(104);
    expect(new TextDecoder().decode(kept.subarray(0, 10))).toBe('abcdefghij');
    expect(Array.from(kept.subarray(10, 100))).toEqual(new Array(90).fill(0));
    expect(new TextDecoder().decode(kept.subarray(100))).toBe('abcd');
    expect(store.get('k')).toMatchObject({ size: declared, received: 14, complete: false, sha1: null });
    // A chunk 1 TiB in: the buffer would have to reach it, which the 1 MiB budget cannot pay.
    expect(store.addChunk('k', declared - 10, abc, 3)).toBe('added');
    expect(store.bytes(0)).toBeNull();
    expect(store.get('k')!.received).toBe(24);
    expect(expert.all().map((e) => e.message)).toEqual([`huge.bin (${declared} bytes) is not kept: only ${1024 * 1024} bytes are left of the memory budget for rebuilt files, so no SHA-1 either`]);
  });
});

describe('FileStore under the analysis-wide memory budget (issue 11, defect 6)', () => {
  it('charges unfinished files, gives a finished one back, and drops the one idle longest when asked', () => {
    const expert = new ExpertLog();
    const budget = new MemoryBudget(150 * 1024);
    const store = new FileStore(expert, DEFAULT_BYTE_BUDGET, budget);
    const size = 100 * 1024;
    store.open('old', meta('old.bin', size));
    store.open('new', meta('new.bin', size));
    store.open('done', meta('done.txt', 10));
    store.addChunk('old', 0, abc, 5); // a first buffer of 64 KiB
    expect(budget.used).toBe(64 * 1024);
    store.addChunk('done', 0, abc, 6);
    expect(budget.used).toBe(64 * 1024); // complete at once: a result, not pending data
    store.addChunk('new', 0, abc, 7);
    expect(budget.used).toBe(128 * 1024);
    expect(budget.exceeded).toBe(false);
    store.addChunk('new', 70 * 1024, abc, 8); // grows to the declared 100 KiB
    expect(budget.used).toBe(164 * 1024);
    expect(budget.exceeded).toBe(true);
    // Down to 75 % of 150 KiB: the file quiet since frame 5 goes, the busier one stays.
    expect(budget.evictIdle()).toEqual({ connections: 0, closedConnections: 0, files: 1, freedBytes: 64 * 1024, oldestFrame: 5 });
    expect(budget.used).toBe(100 * 1024);
    expect(store.bytes(0)).toBeNull();
    expect(store.bytes(1)?.length).toBe(70 * 1024 + 10);
    expect(expert.all().map((e) => [e.frame, e.message])).toEqual([[5, 'old.bin (102400 bytes, 10 received): its bytes are dropped to stay within the memory budget (no chunk since this frame); the transfer is still followed, without its bytes or SHA-1']]);
    // Still followed: the rest of the old file completes it, without a SHA-1.
    expect(store.addChunk('old', 10, new Uint8Array(size - 10), 9)).toBe('completed');
    expect(store.get('old')).toMatchObject({ complete: true, received: size, sha1: null });
    expect(budget.used).toBe(100 * 1024);
  });
});
