// The WebSocket side of the browser mode, driven through the renderer's own client: requests
// and typed responses, argument validation, channel allowlist, and the token/Origin gate.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWsApi } from '../../src/renderer/api/ws-client';
import { LIVE_UNAVAILABLE } from '../../src/main/backend/analyzer-backend';
import { startFixture, type Fixture } from './server-fixture';
import { clientEnvironment } from './ws-client-env';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

function connect(url: string, origin?: string): Promise<{ ok: true; ws: WebSocket } | { ok: false; status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => resolve({ ok: true, ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ ok: false, status: res.statusCode ?? 0 }));
    ws.on('error', () => undefined);
  });
}

describe('browser-mode server: WebSocket', () => {
  it('answers contract requests through the renderer client', async () => {
    const api = createWsApi(clientEnvironment(f));
    expect(api.mode).toBe('browser');
    expect(await api.request('file:recent', undefined)).toEqual([]);
    expect(await api.request('file:sample', undefined)).toMatch(/assets\/sample\.pcap$/);
    expect(await api.request('capture:interfaces', undefined)).toEqual({ ok: false, error: LIVE_UNAVAILABLE });
    expect(await api.request('frames:view', { filter: 'msnp.cmd == MSG', sort: null })).toMatchObject({ ok: true, counts: { frames: 0, displayed: 0 } });
    expect(await api.request('frames:view', { filter: 'msnp.foo', sort: null })).toEqual({ ok: false, error: "unknown field 'msnp.foo'", position: 0 });
    expect(await api.request('frames:detail', { number: 1 })).toBeNull();
    expect(await api.request('file:open', { paths: ['/nonexistent/x.pcap'] })).toEqual({ ok: false, error: 'cannot open /nonexistent/x.pcap: no such file' });
    await expect(api.request('frames:detail', { number: 'one' } as never)).rejects.toThrow('frames:detail: expected { number: integer }');
  });

  it('answers malformed messages and unknown channels with errors, keeping the connection', async () => {
    const result = await connect(`ws://${f.host}/ws?token=${f.token}`, f.base);
    if (!result.ok) throw new Error(`refused: ${result.status}`);
    const { ws } = result;
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    ws.send('{not json');
    ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'shell:exec', arg: {} }));
    ws.send(JSON.stringify({ type: 'request', id: 2, channel: 'constructor', arg: {} }));
    ws.send(JSON.stringify({ type: 'hello', id: 3 }));
    ws.send(JSON.stringify({ type: 'request', id: 4, channel: 'file:recent' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(replies).toEqual([
      { type: 'response', id: 1, ok: false, error: "unknown channel 'shell:exec'" },
      { type: 'response', id: 2, ok: false, error: "unknown channel 'constructor'" },
      { type: 'response', id: 3, ok: false, error: 'expected {type: "request", id, channel, arg}' },
      { type: 'response', id: 4, ok: true, result: [] },
    ]);
    ws.close();
  });

  it.each([
    ['no token', (fx: Fixture) => `ws://${fx.host}/ws`, (fx: Fixture) => fx.base, 401],
    // The first character flipped to one it is not, so it can never equal the token.
    ['wrong token', (fx: Fixture) => `ws://${fx.host}/ws?token=${fx.token.startsWith('x') ? 'y' : 'x'}${fx.token.slice(1)}`, (fx: Fixture) => fx.base, 401],
    ['foreign Origin', (fx: Fixture) => `ws://${fx.host}/ws?token=${fx.token}`, () => 'http://evil.example', 403],
    ['no Origin', (fx: Fixture) => `ws://${fx.host}/ws?token=${fx.token}`, () => undefined, 403],
    ['other path', (fx: Fixture) => `ws://${fx.host}/socket?token=${fx.token}`, (fx: Fixture) => fx.base, 404],
  ])('refuses the upgrade with %s', async (_what, url, origin, status) => {
    expect(await connect(url(f), origin(f))).toEqual({ ok: false, status });
  });

  it('refuses clients past the limit with 503, and takes one again once another left', async () => {
    const g = await startFixture({ maxClients: 2 });
    const url = `ws://${g.host}/ws?token=${g.token}`;
    const first = await connect(url, g.base);
    const second = await connect(url, g.base);
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(await connect(url, g.base)).toEqual({ ok: false, status: 503 });
    if (first.ok) first.ws.close();
    await expect.poll(async () => {
      const again = await connect(url, g.base);
      if (again.ok) again.ws.close();
      return again.ok;
    }).toBe(true);
    await g.close();
  });

  it('a client with a wrong token fails its requests instead of hanging', async () => {
    const api = createWsApi(clientEnvironment(f, 'wrong'));
    await expect(api.request('file:recent', undefined)).rejects.toThrow('connection to the analyzer closed; reload the page');
  });

  it('openDropped uploads each file and asks to open them (reported error for a non-capture)', async () => {
    const api = createWsApi(clientEnvironment(f));
    const result = await api.openDropped([new File([new Uint8Array(0)], 'empty.pcap')]);
    expect(result).toEqual({ ok: false, error: 'empty.pcap: empty upload' });
    expect(await api.openDropped([])).toEqual({ ok: false, error: 'no files dropped' });
  });
});
