// file:open on a regular file that is not a capture (a password file, a gzip of text, an empty
// file) says only that, by the file's base name: no first bytes, no directory; the current
// capture stays and the file is not remembered as recent. A gzip-compressed pcap still opens.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { backendHarness } from './backend-harness';

const SAMPLE = resolve('assets/sample.pcap');
const h = backendHarness();
afterAll(() => h.close());

describe('file:open on files that are not captures', () => {
  it.each([
    ['shadow', Buffer.from('root:$6$saltsalt$hash:19000:0:99999:7:::\n')],
    ['notes.txt.gz', gzipSync(Buffer.from('dear diary\n'))],
    ['empty.pcap', Buffer.alloc(0)],
    ['three.pcap', Buffer.from([0xd4, 0xc3, 0xb2])],
  ])('%s: refused with only its name, nothing recorded', async (name, bytes) => {
    const path = join(h.dir, name);
    writeFileSync(path, bytes);
    const answer = await h.backend.request('file:open', { paths: [path] });
    expect(answer).toEqual({ ok: false, error: `cannot open ${name}: not a pcap or pcapng capture` });
    expect(await h.backend.request('file:recent', undefined)).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it('a gzip-compressed pcap opens and is recorded; a refusal afterwards leaves it open', async () => {
    const gz = join(h.dir, 'sample.pcap.gz');
    writeFileSync(gz, gzipSync(readFileSync(SAMPLE)));
    expect(await h.backend.request('file:open', { paths: [gz] })).toEqual({ ok: true });
    expect((await h.finalResult()).frames).toBe(293);
    const events = h.events.length;
    expect(await h.backend.request('file:open', { paths: [join(h.dir, 'shadow')] })).toEqual({ ok: false, error: 'cannot open shadow: not a pcap or pcapng capture' });
    expect(await h.backend.request('file:recent', undefined)).toEqual([gz]);
    expect(h.events.slice(events).filter((e) => e.channel === 'analysis:reset')).toEqual([]);
    expect(h.backend.currentFiles()).toEqual([gz]);
  });
});
