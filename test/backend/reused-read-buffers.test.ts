// The worker reads captures into two reused 1 MiB buffers; the analysis must copy what it keeps.
// A capture of a few MiB with the real PPA chat at its start and the same chat (accounts renamed
// tesla_ → nikol_, see big-capture.ts) at its end: the first chat's bytes sit in a buffer that has
// been read into again several times before the load ends. Both transcripts must still read as the
// PPA chat does when analysed on its own with a fresh buffer per read.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/main/engine/analyzer';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { SECOND_CHAT_ACCOUNT_PREFIX, writeBigCapture } from '../helpers/big-capture';
import { CAPTURES } from '../helpers/captures';
import { backendHarness } from './backend-harness';

const h = backendHarness();
afterAll(() => h.close());

async function ppaAlone(): Promise<Array<{ from: string; text: string }>> {
  const analyzer = new Analyzer();
  for await (const f of readCaptureFile(CAPTURES.ppa2006, 0)) analyzer.addFrame(f);
  return analyzer.finish().sessions.flatMap((s) => s.messages.map((m) => ({ from: m.from, text: m.text })));
}

describe('loading through reused read buffers', () => {
  it('keeps the first chat intact after its buffer was read into again', async () => {
    const path = join(h.dir, 'reused.pcap');
    await writeBigCapture(path, 60_000);
    expect(statSync(path).size).toBeGreaterThan(3 << 20);
    expect(await h.backend.request('file:open', { paths: [path] })).toEqual({ ok: true });
    const final = await h.finalResult();
    expect(final.frames).toBe(60_000);
    const alone = await ppaAlone();
    expect(alone.length).toBeGreaterThan(3);
    const [first, second] = final.sessions.map((s) => s.messages.map((m) => ({ from: m.from, text: m.text })));
    expect(final.sessions).toHaveLength(2);
    expect(first).toEqual(alone);
    expect(second).toEqual(alone.map((m) => ({ ...m, from: m.from.replace('tesla_', SECOND_CHAT_ACCOUNT_PREFIX) })));
  }, 60_000);
});
