import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { FileStore, type FileMeta } from '../../src/main/engine/p2p/file-store';

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
