// HttpStreamParser stays linear on hostile shapes: headers byte by byte, tiny chunks.
import { describe, expect, it } from 'vitest';
import { bodyText, enc, parserRun } from './http-harness';

describe('HttpStreamParser cost', () => {
  it('64 KiB of headers pushed byte by byte', () => {
    const run = parserRun({ maxHeaderBytes: 128 * 1024 });
    const head = enc(`POST / HTTP/1.1\r\nX-Pad: ${'p'.repeat(64 * 1024)}\r\nContent-Length: 2\r\n\r\nok`);
    const t = performance.now();
    for (let i = 0; i < head.length; i++) run.parser.push(head.subarray(i, i + 1), i, 0);
    expect(run.messages.map((m) => bodyText(m))).toEqual(['ok']);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('20 000 one-byte chunks in one frame', () => {
    const run = parserRun();
    const body = '1\r\nx\r\n'.repeat(20000);
    const t = performance.now();
    run.parser.push(enc(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${body}0\r\n\r\n`), 1, 0);
    expect(run.messages[0].bodyLength).toBe(20000);
    expect(run.messages[0].body).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('5000 pipelined requests in one push', () => {
    const run = parserRun();
    const one = 'POST /gateway/gateway.dll?SessionID=a HTTP/1.1\r\nContent-Length: 6\r\n\r\nPNG\r\n\n';
    const t = performance.now();
    run.parser.push(enc(one.repeat(5000)), 1, 0);
    expect(run.messages).toHaveLength(5000);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});
