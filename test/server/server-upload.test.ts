// POST /api/upload: token header required (the cookie alone is not enough), streamed to a private
// temporary directory under a sanitised name, size limit enforced and the partial file removed;
// a total over all stored uploads (given back when a new capture replaces them) and a cap on
// uploads at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startFixture, type Fixture } from './server-fixture';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ uploadLimits: { maxFileBytes: 1000, maxTotalBytes: 1500, maxConcurrent: 2 } });
});
afterAll(() => f.close());

describe('browser-mode server: upload', () => {
  it('needs the token header, or the cookie with its own Origin', async () => {
    const res = await raw(f, 'POST', '/api/upload?name=a.pcap', { Cookie: `${f.cookieName}=${f.token}` }, Buffer.from('abc'));
    expect(res.status).toBe(401);
    const foreign = await raw(f, 'POST', '/api/upload?name=a.pcap', { Cookie: `${f.cookieName}=${f.token}`, Origin: 'http://evil.example' }, Buffer.from('abc'));
    expect(foreign.status).toBe(403);
    const own = await raw(f, 'POST', '/api/upload?name=a.pcap', { Cookie: `${f.cookieName}=${f.token}`, Origin: f.base }, Buffer.from('abc'));
    expect(own.status).toBe(200);
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

  it('refuses uploads past the total, until a new capture (here: close) frees those it no longer reads', async () => {
    // 3 + 600 + 10 stored by the tests above; 900 more would pass 1500.
    const over = await raw(f, 'POST', '/api/upload?name=c.pcap', { 'X-MSNP-Token': f.token }, Buffer.alloc(900));
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ ok: false, error: 'uploads over the total limit (1500 bytes); close the capture to free them' });
    // Streamed without a length, it is cut off at the total and leaves nothing behind.
    const first = await raw(f, 'POST', '/api/upload?name=a.pcap', { 'X-MSNP-Token': f.token }, Buffer.alloc(1));
    const dir = dirname(dirname((JSON.parse(first.body) as { path: string }).path));
    const before = readdirSync(dir).length;
    const chunked = await raw(f, 'POST', '/api/upload?name=c.pcap', { 'X-MSNP-Token': f.token, 'Transfer-Encoding': 'chunked' }, Buffer.alloc(900));
    expect(chunked.status).toBe(413);
    expect(readdirSync(dir)).toHaveLength(before);
    await f.server.backend.request('file:close', undefined);
    await expect.poll(() => readdirSync(dir).length).toBe(0);
    expect((await raw(f, 'POST', '/api/upload?name=c.pcap', { 'X-MSNP-Token': f.token }, Buffer.alloc(800))).status).toBe(200);
  });

  it('refuses a third upload while two are in progress', async () => {
    const [hostname, port] = f.host.split(':');
    const started = [0, 1].map(() => {
      const req = request({ hostname, port: Number(port), method: 'POST', path: '/api/upload?name=slow.pcap', headers: { Host: f.host, 'X-MSNP-Token': f.token, 'Content-Length': '4' } });
      const answered = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
      });
      req.write('ab');
      return { req, answered };
    });
    // Once both have reached the server, a third is refused.
    await expect.poll(async () => (await raw(f, 'POST', '/api/upload?name=third.pcap', { 'X-MSNP-Token': f.token }, Buffer.from('x'))).status).toBe(429);
    for (const s of started) s.req.end('cd');
    expect(await Promise.all(started.map((s) => s.answered))).toEqual([200, 200]);
    expect((await raw(f, 'POST', '/api/upload?name=third.pcap', { 'X-MSNP-Token': f.token }, Buffer.from('x'))).status).toBe(200);
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
