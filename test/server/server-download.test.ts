// GET /api/download: a save or export the back end wrote to its (private) output directory goes
// to the browser as an attachment with the token cookie; nothing else in or outside that
// directory can be fetched, and the file name in Content-Disposition cannot break the header.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../src/main/server/download';
import { createWsApi } from '../../src/renderer/api/ws-client';
import { raw, startFixture, type Fixture } from './server-fixture';
import { clientEnvironment } from './ws-client-env';

const SAMPLE = resolve('assets/sample.pcap');

let f: Fixture;
let exported: string;
beforeAll(async () => {
  f = await startFixture();
  const backend = f.server.backend;
  const finished = new Promise<void>((done) => backend.onEvent((channel, payload) => {
    if (channel === 'analysis:result' && (payload as { final: boolean }).final) done();
  }));
  expect(await backend.request('file:open', { paths: [SAMPLE] })).toEqual({ ok: true });
  await finished;
  const answer = await backend.request('file:export', { format: 'json' });
  if (!answer.ok) throw new Error(answer.error);
  exported = answer.path;
});
afterAll(() => f.close());

const cookie = () => ({ Cookie: `${f.cookieName}=${f.token}` });

describe('browser-mode server: downloads', () => {
  it('writes saves and exports into a private temporary directory, not ~/Downloads', () => {
    expect(exported).toBe(join(f.server.backend.outputDir, 'sample-analysis.json'));
    expect(f.server.backend.outputDir).toMatch(/msnp-analyzer-output-/);
  });

  it('sends an export the back end wrote, as an attachment, with the cookie or the header', async () => {
    const res = await raw(f, 'GET', '/api/download?name=sample-analysis.json', cookie());
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="sample-analysis.json"; filename*=UTF-8''sample-analysis.json`);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe(readFileSync(exported, 'utf8'));
    expect((await raw(f, 'GET', '/api/download?name=sample-analysis.json', { 'X-MSNP-Token': f.token })).status).toBe(200);
  });

  it('sends a pcapng save byte for byte', async () => {
    const saved = await f.server.backend.request('capture:save', { msnpOnly: true });
    if (!saved.ok) throw new Error(saved.error);
    const res = await fetch(`${f.base}/api/download?name=sample-msnp.pcapng`, { headers: cookie() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.tcpdump.pcap');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(saved.path))).toBe(true);
  });

  it('sends a transcript HTML as an octet stream (a download, never a page of this origin) and dissections as plain text', async () => {
    const sessions = await f.server.backend.request('export:transcript', { session: 1, format: 'html' });
    if (!sessions.ok) throw new Error(sessions.error);
    const html = await raw(f, 'GET', '/api/download?name=sample-session-1.html', cookie());
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('application/octet-stream');
    expect(html.headers['content-disposition']).toMatch(/^attachment; /);
    expect(html.body).toBe(readFileSync(sessions.path, 'utf8'));
    const text = await f.server.backend.request('export:dissections', { format: 'text', range: '1' });
    if (!text.ok) throw new Error(text.error);
    const res = await raw(f, 'GET', '/api/download?name=sample-dissections-selected.txt', cookie());
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.startsWith('No.     Time')).toBe(true);
  });

  it('refuses without the token, or with it only in the query', async () => {
    expect((await raw(f, 'GET', '/api/download?name=sample-analysis.json')).status).toBe(401);
    expect((await raw(f, 'GET', '/api/download?name=sample-analysis.json', { Cookie: `${f.cookieName}=wrong` })).status).toBe(401);
    expect((await raw(f, 'GET', `/api/download?name=sample-analysis.json&token=${f.token}`)).status).toBe(401);
    expect((await raw(f, 'POST', '/api/download?name=sample-analysis.json', cookie())).status).toBe(405);
  });

  it('serves only files the back end wrote there, never other paths', async () => {
    writeFileSync(join(f.server.backend.outputDir, 'planted.json'), '{}');
    for (const name of ['planted.json', 'recent-files.json', '../secret.txt', '..%2Fsecret.txt', '%2Fetc%2Fpasswd', '', 'sample-analysis.json%00']) {
      expect((await raw(f, 'GET', `/api/download?name=${name}`, cookie())).status, name).toBe(404);
    }
    expect((await raw(f, 'GET', '/api/download', cookie())).status).toBe(404);
  });

  it('refuses saves and exports that name a path, over the WebSocket, and writes nothing there', async () => {
    const api = createWsApi(clientEnvironment(f));
    const target = join(f.root, 'chosen-by-the-client');
    await expect(api.request('capture:save', { msnpOnly: false, path: `${target}.pcapng` } as never)).rejects.toThrow("capture:save: expected { msnpOnly: boolean, displayedOnly?: boolean, markedOnly?: boolean, range?: string, format?: 'pcapng' | 'pcap' } (no path: the back end chooses where to write)");
    await expect(api.request('file:export', { format: 'csv', path: `${target}.csv` } as never)).rejects.toThrow("file:export: expected { format: 'json' | 'csv' } (no path: the back end chooses where to write)");
    expect(existsSync(`${target}.pcapng`)).toBe(false);
    expect(existsSync(`${target}.csv`)).toBe(false);
  });

  it('keeps quotes, line breaks and non-ASCII out of the plain file name', () => {
    expect(attachmentDisposition('a"b\r\nX-Evil: 1;.json')).toBe(`attachment; filename="a_b__X-Evil__1_.json"; filename*=UTF-8''a%22b%0D%0AX-Evil%3A%201%3B.json`);
    expect(attachmentDisposition("chat (1) 'ü'*.pcapng")).toBe(`attachment; filename="chat_(1)_____.pcapng"; filename*=UTF-8''chat%20%281%29%20%27%C3%BC%27%2A.pcapng`);
    expect(attachmentDisposition('..')).toBe(`attachment; filename="download"; filename*=UTF-8''..`);
  });
});
