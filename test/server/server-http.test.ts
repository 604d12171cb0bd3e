// The browser-mode server's HTTP side: the token gate, the cookie it sets, CSP and hardening
// headers, DNS-rebinding (Host/Origin) checks and path traversal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, startFixture, type Fixture } from './server-fixture';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.close());

const cookie = () => `${f.cookieName}=${f.token}`;

describe('browser-mode server: HTTP', () => {
  it('prints a URL on 127.0.0.1 with a long random token', () => {
    expect(f.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses the page without the token or with a wrong one', async () => {
    expect((await raw(f, 'GET', '/')).status).toBe(401);
    expect((await raw(f, 'GET', '/?token=nope')).status).toBe(401);
    // One character off (a random token may already end in 'x').
    const nearMiss = f.token.slice(0, -1) + (f.token.endsWith('x') ? 'y' : 'x');
    expect((await raw(f, 'GET', `/?token=${nearMiss}`)).status).toBe(401);
    expect((await raw(f, 'GET', '/assets/app.js')).status).toBe(401);
  });

  it('serves the page with the token, sets an HttpOnly SameSite cookie and a strict CSP', async () => {
    const res = await raw(f, 'GET', `/?token=${f.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('./assets/app.js');
    expect(res.headers['set-cookie']).toEqual([`${f.cookieName}=${f.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://${f.host}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves assets with the cookie', async () => {
    const res = await raw(f, 'GET', '/assets/app.js', { Cookie: `other=1; ${cookie()}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.body).toBe('console.log("app");');
  });

  it.each([
    ['evil.example', 403],
    [`evil.example:${'0'}`, 403],
    ['localhost', 403], // right name, wrong (missing) port
  ])('refuses Host %s (DNS rebinding)', async (host, status) => {
    expect((await raw(f, 'GET', `/?token=${f.token}`, { Host: host })).status).toBe(status);
  });

  it('accepts the loopback aliases of its own port', async () => {
    const port = f.host.split(':')[1];
    expect((await raw(f, 'GET', `/?token=${f.token}`, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin', async () => {
    const res = await raw(f, 'GET', `/?token=${f.token}`, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await raw(f, 'GET', `/?token=${f.token}`, { Origin: `http://${f.host}` })).status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/link.txt', // a symbolic link out of the renderer directory
    '/%00index.html',
    '/%E0%A4%A',
  ])('does not serve %s', async (path) => {
    const res = await raw(f, 'GET', path, { Cookie: cookie() });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the renderer');
  });

  it.each([
    ['401', 'GET', '/', {}],
    ['403', 'GET', '/', { Host: 'evil.example' }],
    ['404', 'GET', '/nope.js', 'cookie'],
    ['405', 'PUT', '/', 'cookie'],
  ] as const)('puts the hardening headers on a %s too', async (status, method, path, headers) => {
    const res = await raw(f, method, path, headers === 'cookie' ? { Cookie: cookie() } : headers);
    expect(String(res.status)).toBe(status);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('names the cookie after its port: two instances on one host keep their own', async () => {
    const g = await startFixture();
    const [fromF, fromG] = await Promise.all([raw(f, 'GET', `/?token=${f.token}`), raw(g, 'GET', `/?token=${g.token}`)]);
    expect(fromF.headers['set-cookie']).toEqual([`msnp_token_${f.host.split(':')[1]}=${f.token}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(fromG.headers['set-cookie']).toEqual([`msnp_token_${g.host.split(':')[1]}=${g.token}; HttpOnly; SameSite=Strict; Path=/`]);
    // A browser sends both cookies to both ports; each instance reads its own.
    const both = `${f.cookieName}=${f.token}; ${g.cookieName}=${g.token}`;
    expect((await raw(f, 'GET', '/assets/app.js', { Cookie: both })).status).toBe(200);
    expect((await raw(g, 'GET', '/assets/app.js', { Cookie: both })).status).toBe(200);
    await g.close();
  });

  it('answers 405 to other methods', async () => {
    expect((await raw(f, 'PUT', '/', { Cookie: cookie() })).status).toBe(405);
    expect((await raw(f, 'GET', '/api/upload', { Cookie: cookie() })).status).toBe(405);
  });
});
