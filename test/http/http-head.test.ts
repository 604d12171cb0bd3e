// parseHead / bodyFraming: start lines, folded headers, RFC 9112 §6.3 body delimitation.
import { describe, expect, it } from 'vitest';
import { bodyFraming, parseHead } from '../../src/main/engine/http/http-head';

const framing = (head: string, method?: string) => bodyFraming(parseHead(head)!, method);

describe('parseHead', () => {
  it('request and response start lines', () => {
    expect(parseHead('POST http://127.0.0.1/gateway/gateway.dll?SessionID=x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toEqual({
      start: { kind: 'request', method: 'POST', target: 'http://127.0.0.1/gateway/gateway.dll?SessionID=x', version: 'HTTP/1.1' },
      headers: [{ name: 'Host', value: '127.0.0.1' }],
    });
    expect(parseHead('HTTP/1.0 200 OK\r\nServer: Microsoft-IIS/5.0\r\n\r\n')?.start).toEqual({ kind: 'response', version: 'HTTP/1.0', status: 200, reason: 'OK' });
    expect(parseHead('HTTP/1.1 204\r\n\r\n')?.start).toEqual({ kind: 'response', version: 'HTTP/1.1', status: 204, reason: '' });
  });
  it('rejects what is not HTTP/1.x', () => {
    expect(parseHead('VER 1 MSNP12\r\n\r\n')).toBeNull();
    expect(parseHead('GET / HTTP/2\r\n\r\n')).toBeNull();
    expect(parseHead('get / HTTP/1.1\r\n\r\n')).toBeNull();
  });
});

describe('bodyFraming', () => {
  it.each([
    ['HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n', undefined, { kind: 'length', length: 14 }],
    ['HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', undefined, { kind: 'none' }],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 5\r\n\r\n', undefined, { kind: 'chunked' }],
    ['HTTP/1.1 200 OK\r\n\r\n', undefined, { kind: 'until-close' }],
    ['HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n', 'HEAD', { kind: 'none' }],
    ['HTTP/1.1 101 Switching Protocols\r\n\r\n', undefined, { kind: 'none' }],
    ['HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n', undefined, { kind: 'none' }],
    ['POST / HTTP/1.1\r\n\r\n', undefined, { kind: 'none' }],
    ['POST / HTTP/1.1\r\nContent-Length: -3\r\n\r\n', undefined, { kind: 'none' }],
  ] as const)('%j (%s)', (head, method, expected) => {
    expect(framing(head, method)).toEqual(expected);
  });
});
