// POST /api/upload: token header required (the cookie alone is not enough), streamed to a private
// temporary directory under a sanitised name, size limit enforced and the partial file removed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startFixture, type Fixture } from './server-fixture';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ maxUploadBytes: 1000 });
});
afterAll(() => f.close());

describe('browser-mode server: upload', () => {
  it('needs the token header', async () => {
    const res = await raw(f, 'POST', '/api/upload?name=a.pcap', { Cookie: `msnp_token=${f.token}` }, Buffer.from('abc'));
    expect(res.status).toBe(401);
  });

  it('stores the bytes under a safe name and answers the path', async () => {
    const bytes = Buffer.from(Array.from({ length: 600 }, (_, i) => i & 0xff));
    const res = await raw(f, 'POST', '/api/upload?name=../../evil%20name.pcap', { 'X-MSNP-Token': f.token }, bytes);
    expect(res.status).toBe(200);
    const reply = JSON.parse(res.body) as { ok: boolean; path: string };
    expect(reply.ok).toBe(true);
    expect(reply.path).toMatch(/msnp-analyzer-uploads-[^/]+\/\d+\/evil_name\.pcap$/);
    expect(readFileSync(reply.path)).toEqual(bytes);
  });

  it('refuses bodies over the limit, declared or streamed, and keeps nothing', async () => {
    const first = await raw(f, 'POST', '/api/upload?name=a.pcap', { 'X-MSNP-Token': f.token }, Buffer.alloc(10));
    const dir = dirname(dirname((JSON.parse(first.body) as { path: string }).path));
    const before = readdirSync(dir).length;
    const declared = await raw(f, 'POST', '/api/upload?name=big.pcap', { 'X-MSNP-Token': f.token }, Buffer.alloc(1001));
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ ok: false, error: 'file too large (limit 1000 bytes)' });
    const chunked = await raw(f, 'POST', '/api/upload?name=big.pcap', { 'X-MSNP-Token': f.token, 'Transfer-Encoding': 'chunked' }, Buffer.alloc(5000));
    expect(chunked.status).toBe(413);
    expect(readdirSync(dir)).toHaveLength(before);
  });

  it('refuses an empty upload', async () => {
    const res = await raw(f, 'POST', '/api/upload', { 'X-MSNP-Token': f.token }, Buffer.alloc(0));
    expect(res.status).toBe(400);
  });

  it('removes the upload directory on close', async () => {
    const g = await startFixture();
    const res = await raw(g, 'POST', '/api/upload?name=x.pcap', { 'X-MSNP-Token': g.token }, Buffer.from('x'));
    const path = (JSON.parse(res.body) as { path: string }).path;
    expect(existsSync(path)).toBe(true);
    await g.close();
    expect(existsSync(dirname(dirname(path)))).toBe(false);
  });
});
