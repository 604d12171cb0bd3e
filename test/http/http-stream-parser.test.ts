// HttpStreamParser: start lines, Content-Length and chunked bodies, pipelining, bodies delimited
// by the end of the stream, frames per message, bounds, gaps, and non-HTTP input.
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../src/main/engine/http/http-message';
import { asRequest, asResponse, bodyText, enc, parseChunks, parserRun } from './http-harness';

const GATEWAY_OPEN =
  'POST http://127.0.0.1/gateway/gateway.dll?Action=open&Server=NS&IP=127.0.0.1 HTTP/1.1\r\n' +
  'Accept: */*\r\nUser-Agent: MSMSGS\r\nHost: 127.0.0.1\r\nContent-Type: application/x-msn-messenger\r\nContent-Length: 14\r\n\r\nVER 1 MSNP12\r\n';

describe('HttpStreamParser: requests and responses', () => {
  it('parses a gateway open request (from the HTTP-gateway capture, frame 4)', () => {
    const { messages, notHttp } = parseChunks([GATEWAY_OPEN]);
    expect(notHttp).toEqual([]);
    const r = asRequest(messages[0]);
    expect([r.method, r.target, r.version]).toEqual(['POST', 'http://127.0.0.1/gateway/gateway.dll?Action=open&Server=NS&IP=127.0.0.1', 'HTTP/1.1']);
    expect(headerValue(r, 'content-type')).toBe('application/x-msn-messenger');
    expect(bodyText(r)).toBe('VER 1 MSNP12\r\n');
    expect([r.bodyLength, r.bodyTruncated, r.frames, r.streamOffset]).toEqual([14, false, [1], 0]);
  });

  it('parses a response with a folded header and a body split over frames', () => {
    const { messages } = parseChunks([
      'HTTP/1.1 200 OK\r\nX-MSN-Messenger: SessionID=954547325.13160;\r\n GW-IP=207.46.110.18\r\nContent-Length: 18\r\n\r\nVER 5 ',
      'MSNP8 CVR0\r\n',
    ]);
    const r = asResponse(messages[0]);
    expect([r.status, r.reason]).toEqual([200, 'OK']);
    expect(headerValue(r, 'X-MSN-MESSENGER')).toBe('SessionID=954547325.13160; GW-IP=207.46.110.18');
    expect(r.body.map((s) => [new TextDecoder().decode(s.bytes), s.frame, s.tsUs])).toEqual([['VER 5 ', 1, 10], ['MSNP8 CVR0\r\n', 2, 20]]);
    expect([r.frames, r.firstFrame, r.lastFrame, r.tsUs, r.endTsUs]).toEqual([[1, 2], 1, 2, 10, 20]);
  });

  it('handles pipelined requests in one push and one request byte by byte', () => {
    const two = 'POST /gateway/gateway.dll?SessionID=a HTTP/1.1\r\nContent-Length: 3\r\n\r\nPNGPOST /gateway/gateway.dll?Action=poll&SessionID=a HTTP/1.1\r\nContent-Length: 0\r\n\r\n';
    const { messages } = parseChunks([two]);
    expect(messages.map((m) => [asRequest(m).target, bodyText(m), m.streamOffset])).toEqual([
      ['/gateway/gateway.dll?SessionID=a', 'PNG', 0],
      // 48-byte request line + 19-byte Content-Length line + blank line + 3-byte body
      ['/gateway/gateway.dll?Action=poll&SessionID=a', '', 72],
    ]);
    const single = parseChunks([...GATEWAY_OPEN]).messages;
    expect(single).toHaveLength(1);
    expect(bodyText(single[0])).toBe('VER 1 MSNP12\r\n');
    expect(single[0].frames).toHaveLength(GATEWAY_OPEN.length);
  });

  it('skips blank lines between messages and accepts bare LF', () => {
    const { messages } = parseChunks(['\r\n\r\nGET /x HTTP/1.0\nHost: a\n\nHTTP/1.0 204 No Content\n\n']);
    expect(messages.map((m) => m.kind)).toEqual(['request', 'response']);
  });
});

describe('HttpStreamParser: chunked bodies', () => {
  it('de-chunks, with extensions and trailers, across pushes', () => {
    const { messages } = parseChunks([
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhel',
      'lo\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n',
      'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
    ]);
    expect(messages.map((m) => [bodyText(m), m.bodyLength, m.frames])).toEqual([
      ['hello world', 11, [1, 2]],
      ['ok', 2, [3]],
    ]);
  });
  it('stops parsing on a bad chunk size line', () => {
    const run = parseChunks(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n']);
    expect(run.notes[0]).toMatch(/bad chunk size/);
  });
});

describe('HttpStreamParser: bodies without a length', () => {
  it('a response without Content-Length runs to the end of the stream', () => {
    const { messages } = parseChunks(['HTTP/1.0 200 OK\r\n\r\nall', ' of it']);
    expect([bodyText(messages[0]), messages[0].incomplete]).toEqual(['all of it', undefined]);
  });
  it('responses to HEAD, 1xx, 204 and 304 have no body', () => {
    const head = parseChunks(['HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\n'], { requestMethod: () => 'HEAD' });
    expect(head.messages.map((m) => [asResponse(m).status, m.bodyLength])).toEqual([[200, 0], [304, 0]]);
    const interim = parseChunks(['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx']);
    expect(interim.messages.map((m) => asResponse(m).status)).toEqual([100, 200]);
  });
  it('a request without Content-Length has no body', () => {
    const { messages } = parseChunks(['GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\n\r\n']);
    expect(messages.map((m) => asRequest(m).target)).toEqual(['/', '/b']);
  });
  it('marks a body cut by the end of the stream', () => {
    const { messages } = parseChunks(['POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc']);
    expect([bodyText(messages[0]), messages[0].incomplete]).toEqual(['abc', 'the stream ended before the end of the body']);
  });
});

describe('HttpStreamParser: bounds, gaps, non-HTTP', () => {
  it('keeps at most maxBodyBytes, counts the rest, and stays framed', () => {
    const { messages } = parseChunks(['POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789GET /next HTTP/1.1\r\n\r\n'], { maxBodyBytes: 4 });
    expect(messages.map((m) => [bodyText(m), m.bodyLength, m.bodyTruncated])).toEqual([['0123', 10, true], ['', 0, false]]);
  });
  it('a huge Content-Length allocates nothing up front', () => {
    const { messages } = parseChunks(['HTTP/1.1 200 OK\r\nContent-Length: 999999999999999\r\n\r\nabc']);
    expect([messages[0].bodyLength, messages[0].incomplete]).toEqual([3, 'the stream ended before the end of the body']);
  });
  it('overlong headers are not buffered without bound', () => {
    const run = parseChunks(['GET / HTTP/1.1\r\nX: ' + 'a'.repeat(5000), 'b'.repeat(5000) + '\r\n\r\nGET /ok HTTP/1.1\r\n\r\n'], { maxHeaderBytes: 4096 });
    expect(run.notes[0]).toMatch(/headers longer than 4096/);
    expect(run.messages.map((m) => asRequest(m).target)).toEqual(['/ok']);
  });
  it('a gap inside a counted body is filled with zeros and keeps framing', () => {
    const run = parserRun();
    run.parser.push(enc('POST / HTTP/1.1\r\nContent-Length: 6\r\n\r\nab'), 1, 0);
    run.parser.gap(2, 2, 0);
    run.parser.push(enc('efGET /n HTTP/1.1\r\n\r\n'), 2, 0);
    expect(run.messages.map((m) => [[...m.body.flatMap((s) => [...s.bytes])], m.incomplete ?? null])).toEqual([
      [[0x61, 0x62, 0, 0, 0x65, 0x66], '2 body bytes lost in a capture gap'],
      [[], null],
    ]);
  });
  it('a gap in the headers resynchronises at the next start line', () => {
    const run = parserRun();
    run.parser.push(enc('POST / HTTP/1.1\r\nConte'), 1, 0);
    run.parser.gap(100, 2, 0);
    run.parser.push(enc('xx\r\nmore junk\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi'), 2, 0);
    expect(run.messages.map((m) => [m.kind, bodyText(m)])).toEqual([['response', 'hi']]);
  });
  it('reports TLS, SSH and binary as not HTTP, once, and ignores the rest', () => {
    const tls = parseChunks([Uint8Array.of(0x16, 0x03, 0x01, 0x02, 0x00), Uint8Array.of(1, 2, 3)]);
    expect([tls.notHttp.length, tls.messages.length]).toEqual([1, 0]);
    expect(parseChunks(['SSH-2.0-OpenSSH_9.2\r\n']).notHttp).toHaveLength(1);
    expect(parseChunks(['VER 1 MSNP12 CVR0\r\n']).notHttp).toHaveLength(1);
    const run = parserRun();
    run.parser.push(enc('GET / HT'), 1, 0);
    expect([run.notHttp, run.parser.isHttp]).toEqual([[], null]);
    run.parser.push(enc('TP/1.1\r\n\r\n'), 2, 0);
    expect(run.parser.isHttp).toBe(true);
  });
});
