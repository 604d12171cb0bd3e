// HttpConversation: requests paired with responses per TCP connection, in order.
import { describe, expect, it } from 'vitest';
import { HttpConversation, type HttpExchange } from '../../src/main/engine/http/http-conversation';
import { bodyText, enc } from './http-harness';

function conversation() {
  const events: string[] = [];
  const conv = new HttpConversation({
    stream: 7, client: '10.0.0.1:5000', server: '10.0.0.2:80',
    listener: {
      request: (ex: HttpExchange) => events.push(`req ${ex.request.target} ${ex.client}>${ex.server}`),
      complete: (ex: HttpExchange) => events.push(`done ${ex.request.target} ${ex.response ? `${ex.response.status} ${bodyText(ex.response)}` : 'none'}`),
      notHttp: (stream, _f, reason) => events.push(`not-http ${stream} ${reason.slice(0, 22)}`),
    },
  });
  return { conv, events };
}

describe('HttpConversation', () => {
  it('pairs pipelined requests with responses in order, skipping interim responses', () => {
    const { conv, events } = conversation();
    conv.data('c2s', enc('POST /a HTTP/1.1\r\nContent-Length: 1\r\n\r\nxPOST /b HTTP/1.1\r\nContent-Length: 0\r\n\r\n'), 1, 0);
    conv.data('s2c', enc('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nA1'), 2, 0);
    conv.data('s2c', enc('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nB1'), 3, 0);
    expect(events).toEqual(['req /a 10.0.0.1:5000>10.0.0.2:80', 'req /b 10.0.0.1:5000>10.0.0.2:80', 'done /a 200 A1', 'done /b 200 B1']);
  });

  it('completes unanswered requests when the server side ends', () => {
    const { conv, events } = conversation();
    conv.data('c2s', enc('POST /out HTTP/1.1\r\nContent-Length: 5\r\n\r\nOUT\r\n'), 1, 0);
    conv.end('s2c', 2, 0);
    conv.data('c2s', enc('POST /late HTTP/1.1\r\n\r\n'), 3, 0);
    expect(events).toEqual(['req /out 10.0.0.1:5000>10.0.0.2:80', 'done /out none', 'req /late 10.0.0.1:5000>10.0.0.2:80', 'done /late none']);
  });

  it('swaps client and server when requests come from the side guessed as server', () => {
    const { conv, events } = conversation();
    conv.data('s2c', enc('GET /x HTTP/1.1\r\n\r\n'), 1, 0);
    conv.data('c2s', enc('HTTP/1.1 204 No Content\r\n\r\n'), 2, 0);
    expect(events).toEqual(['req /x 10.0.0.2:80>10.0.0.1:5000', 'done /x 204 ']);
  });

  it('reports a non-HTTP stream once', () => {
    const { conv, events } = conversation();
    conv.data('c2s', Uint8Array.of(0x16, 0x03, 0x01, 0, 5), 1, 0);
    conv.data('s2c', Uint8Array.of(0x16, 0x03, 0x03, 0, 5), 2, 0);
    expect(events).toEqual(['not-http 7 not an HTTP start line']);
  });
});
