import { describe, expect, it } from 'vitest';
import { ChunkedMessageJoiner } from '../../src/main/engine/message/chunked-message-joiner';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';

const msg = (text: string) => parseMimeMessage(new TextEncoder().encode(text));
const first = (id: string, n: number, body: string) => msg(`MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nMessage-ID: ${id}\r\nChunks: ${n}\r\n\r\n${body}`);
const part = (id: string, i: number, body: string) => msg(`Message-ID: ${id}\r\nChunk: ${i}\r\n\r\n${body}`);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('ChunkedMessageJoiner', () => {
  it('passes an ordinary message through', () => {
    const j = new ChunkedMessageJoiner();
    const m = msg('Content-Type: text/plain\r\n\r\nhello');
    expect(j.add('s', m, 1)).toEqual({ status: 'whole', message: m });
  });

  it('joins three parts by Message-ID, keeping the first part\'s headers', () => {
    const j = new ChunkedMessageJoiner();
    expect(j.add('s', first('{A}', 3, 'Hel'), 10)).toMatchObject({ status: 'pending', received: 1, expected: 3 });
    expect(j.add('s', part('{A}', 1, 'lo, '), 11).status).toBe('pending');
    const done = j.add('s', part('{A}', 2, 'world'), 12);
    expect(done.status).toBe('complete');
    if (done.status !== 'complete') return;
    expect(text(done.message.body)).toBe('Hello, world');
    expect(done.message.contentType).toBe('text/plain');
    expect(done.message.header('chunks')).toBeUndefined();
    expect(done.frames).toEqual([10, 11, 12]);
    expect(j.finish()).toEqual([]);
  });

  it('joins parts that arrive before the first one, and ignores a repeated part', () => {
    const j = new ChunkedMessageJoiner();
    j.add('s', part('{B}', 1, 'b'), 1);
    j.add('s', part('{B}', 1, 'b'), 2);
    const done = j.add('s', first('{B}', 2, 'a'), 3);
    expect(done.status).toBe('complete');
    if (done.status === 'complete') expect(text(done.message.body)).toBe('ab');
  });

  it('keeps scopes apart (the two copies of a relayed message)', () => {
    const j = new ChunkedMessageJoiner();
    j.add('conn1', first('{C}', 2, 'x'), 1);
    expect(j.add('conn2', part('{C}', 1, 'y'), 2).status).toBe('pending');
  });

  it('rejects bad and oversized numbers', () => {
    const j = new ChunkedMessageJoiner({ maxChunks: 10, maxTotalBytes: 4 });
    expect(j.add('s', first('{D}', 0, 'x'), 1).status).toBe('rejected');
    expect(j.add('s', first('{D}', 11, 'x'), 1).status).toBe('rejected');
    expect(j.add('s', msg('Message-ID: {D}\r\nChunk: -1\r\n\r\nx'), 1).status).toBe('rejected');
    expect(j.add('s', first('{E}', 2, 'abc'), 1).status).toBe('pending');
    const over = j.add('s', part('{E}', 1, 'de'), 2);
    expect(over.status).toBe('rejected');
    expect(j.finish()[0]).toMatchObject({ messageId: '{E}', received: 1, expected: 2 });
  });

  it('gives up a message after maxAge further messages of its scope and reports it', () => {
    const j = new ChunkedMessageJoiner({ maxAge: 2 });
    j.add('s', first('{F}', 2, 'a'), 5);
    j.add('s', msg('Content-Type: text/plain\r\n\r\n1'), 6);
    j.add('s', msg('Content-Type: text/plain\r\n\r\n2'), 7);
    j.add('s', msg('Content-Type: text/plain\r\n\r\n3'), 8);
    expect(j.add('s', part('{F}', 1, 'b'), 9).status).toBe('pending');
    const left = j.finish();
    expect(left[0]).toMatchObject({ messageId: '{F}', firstFrame: 5, reason: 'not complete after 2 further messages' });
  });

  it('bounds the number of open messages', () => {
    const j = new ChunkedMessageJoiner({ maxPending: 2 });
    for (let i = 0; i < 5; i++) j.add('s', first(`{G${i}}`, 2, 'x'), i);
    const left = j.finish();
    expect(left).toHaveLength(5);
    expect(left.filter((l) => l.reason.startsWith('more than 2'))).toHaveLength(3);
  });
});
