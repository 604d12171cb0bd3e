// parseMimeMessage keeps parsed header blocks (a client repeats its block on every message);
// a message parsed through that cache must equal a fresh parse and own its arrays.

import { describe, expect, it } from 'vitest';
import { findHeaderEnd, makeMimeMessage, parseHeaderBlock, parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';

const enc = (s: string) => new TextEncoder().encode(s);

function fresh(payload: Uint8Array) {
  const end = findHeaderEnd(payload);
  const block = parseHeaderBlock(payload, 0, end);
  return makeMimeMessage(block.headers, payload.subarray(end), end, block.problem, block.ranges);
}

function plain(m: ReturnType<typeof parseMimeMessage>) {
  return { headers: m.headers, contentType: m.contentType, charset: m.charset, body: [...m.body], bodyOffset: m.bodyOffset, headerRanges: m.headerRanges, malformed: m.malformed, typing: m.header('TypingUser') };
}

describe('header block cache', () => {
  const head = 'MIME-Version: 1.0\r\nContent-Type: text/x-msmsgscontrol\r\nTypingUser: alice@example.com\r\n\r\n';

  it('the same block again: equal to a fresh parse each time, with arrays of its own', () => {
    parseMimeMessage(enc(`${head}zero`));
    const a = parseMimeMessage(enc(`${head}one`));
    a.headers[0][1] = 'changed';
    a.headers.push(['X', 'y']);
    (a as { headerRanges: Array<[number, number]> }).headerRanges[0][0] = 99;
    const b = parseMimeMessage(enc(`${head}two`));
    expect(plain(b)).toEqual(plain(fresh(enc(`${head}two`))));
    expect(b.headers[0]).toEqual(['MIME-Version', '1.0']);
    expect(b.header('typinguser')).toBe('alice@example.com');
    expect([...b.body]).toEqual([...enc('two')]);
  });

  it('a block differing in one byte is parsed as itself', () => {
    parseMimeMessage(enc(`${head}x`));
    const other = head.replace('alice', 'alicf');
    expect(parseMimeMessage(enc(`${other}x`)).header('typinguser')).toBe('alicf@example.com');
  });

  it('folded and malformed blocks, cached or not, read as a fresh parse', () => {
    const odd = 'Content-Type: text/plain;\r\n charset=UTF-8\r\nno colon here\r\n\r\nhi';
    for (let i = 0; i < 2; i++) expect(plain(parseMimeMessage(enc(odd)))).toEqual(plain(fresh(enc(odd))));
    expect(parseMimeMessage(enc(odd)).malformed).toBe('header line without a colon: "no colon here"');
    expect(parseMimeMessage(enc(odd)).charset).toBe('utf-8');
  });
});
