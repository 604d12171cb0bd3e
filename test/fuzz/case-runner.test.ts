// The runner's classification, on a fake child that misbehaves on request (hang, heap limit,
// memory outside the heap, death), and on the real engine child: a real capture is ok with its
// 50 frames (README), text that is no capture is a clean error.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseRunner } from '../../scripts/fuzz/case-runner';
import { CAPTURES } from '../helpers/captures';

const bytes = (s: string) => new TextEncoder().encode(s);
const FAKE_CHILD = fileURLToPath(new URL('./fake-case-child.ts', import.meta.url));
// A short limit for the hang; a long one elsewhere, so a loaded machine cannot turn an OOM into a hang.
const spinning = new CaseRunner({ timeoutMs: 1500, memoryMb: 64, childSource: FAKE_CHILD });
const fake = new CaseRunner({ timeoutMs: 30_000, memoryMb: 64, childSource: FAKE_CHILD });
const real = new CaseRunner({ timeoutMs: 20_000, memoryMb: 256 });
afterAll(() => {
  spinning.close();
  fake.close();
  real.close();
});

describe('CaseRunner classification', () => {
  it('passes on what the child answers', async () => {
    expect((await fake.run(bytes('ok'))).kind).toBe('ok');
    expect(await fake.run(bytes('refuse'))).toMatchObject({ kind: 'clean-error', detail: 'not a pcap or pcapng file' });
    expect(await fake.run(bytes('throw'))).toMatchObject({ kind: 'crash', detail: 'TypeError: boom' });
  });

  it('calls no answer within the time limit a hang, and starts a new child after it', async () => {
    expect(await spinning.run(bytes('spin'))).toMatchObject({ kind: 'hang', detail: 'no result within 1500 ms' });
    expect((await spinning.run(bytes('ok'))).kind).toBe('ok');
  });

  it('calls the heap limit and resident memory over the cap OOM', async () => {
    expect((await fake.run(bytes('heap'))).kind).toBe('oom');
    expect(await fake.run(bytes('rss'))).toMatchObject({ kind: 'oom', detail: expect.stringMatching(/resident memory \d+ MB over the cap of 128 MB/) });
  });

  it('calls a child that dies a crash', async () => {
    expect(await fake.run(bytes('exit'))).toMatchObject({ kind: 'crash', detail: expect.stringMatching(/^child died \(code 3/) });
  });
});

describe('CaseRunner on the engine', () => {
  it('runs a real capture to a sane result', async () => {
    const outcome = await real.run(new Uint8Array(readFileSync(CAPTURES.ppa2006)));
    expect(outcome).toMatchObject({ kind: 'ok', summary: { frames: 50, damage: null } });
  });

  it('refuses text that is no capture with the reader\'s error', async () => {
    expect(await real.run(bytes('hello, not a capture'))).toMatchObject({ kind: 'clean-error', detail: expect.stringMatching(/not a pcap or pcapng file/) });
  });
});
