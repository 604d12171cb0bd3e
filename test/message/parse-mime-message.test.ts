import { describe, expect, it } from 'vitest';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseMimeMessage', () => {
  it('splits CRLF headers from the body and records where each header line is', () => {
    // Body of "MSG 3 A 179" in msnp12-pecan-escargot-file-transfer-p2p.pcap, frame 192, without
    // its 24-byte "User-Agent: msn-pecan/" line: 19 + 41 + 62 header bytes + CRLF = 124, + 31 = 155.
    const payload = bytes('MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nX-MMS-IM-Format: FN=MS%20Sans%20Serif; EF=; CO=0; PF=0; RL=0\r\n\r\nI am sending you two files now.');
    const m = parseMimeMessage(payload);
    expect(m.headers.map(([n]) => n)).toEqual(['MIME-Version', 'Content-Type', 'X-MMS-IM-Format']);
    expect(m.contentType).toBe('text/plain');
    expect(m.charset).toBe('utf-8');
    expect(m.bodyOffset).toBe(124);
    expect(payload.length).toBe(155);
    expect(new TextDecoder().decode(m.body)).toBe('I am sending you two files now.');
    // "Content-Type: text/plain; charset=UTF-8" starts after "MIME-Version: 1.0\r\n" (19 bytes), 39 long.
    expect(m.headerRanges[1]).toEqual([19, 39]);
    expect(m.malformed).toBeUndefined();
  });

  it('accepts bare LF line ends and case-insensitive names', () => {
    const m = parseMimeMessage(bytes('mime-version: 1.0\ncontent-type: text/x-msmsgscontrol\ntypinguser: bob@example.com\n\n\n'));
    expect(m.contentType).toBe('text/x-msmsgscontrol');
    expect(m.header('TypingUser')).toBe('bob@example.com');
    expect(m.header('TYPINGUSER')).toBe('bob@example.com');
    expect(Array.from(m.body)).toEqual([0x0a]);
  });

  it('returns the last value of a repeated header, keeps all in order', () => {
    const m = parseMimeMessage(bytes('A: 1\r\nB: 2\r\na: 3\r\n\r\n'));
    expect(m.header('a')).toBe('3');
    expect(m.headers).toEqual([['A', '1'], ['B', '2'], ['a', '3']]);
  });

  it('joins continuation lines onto the previous header', () => {
    const m = parseMimeMessage(bytes('Content-Type: text/plain\r\nX-MMS-IM-Format: FN=Arial; EF=;\r\n CO=ff; CS=0; PF=22\r\n\r\nhi'));
    expect(m.header('x-mms-im-format')).toBe('FN=Arial; EF=; CO=ff; CS=0; PF=22');
    // The range spans both physical lines: 31 + CRLF + 19 bytes from offset 26.
    expect(m.headerRanges[1]).toEqual([26, 52]);
  });

  it('keeps a binary body as is, NUL bytes included, without copying', () => {
    const head = bytes('Content-Type: application/x-msnmsgrp2p\r\n\r\n');
    const payload = new Uint8Array(head.length + 6);
    payload.set(head);
    payload.set([0, 1, 0x0d, 0x0a, 0x0d, 0x0a], head.length);
    const m = parseMimeMessage(payload);
    expect(Array.from(m.body)).toEqual([0, 1, 0x0d, 0x0a, 0x0d, 0x0a]);
    expect(m.body.buffer).toBe(payload.buffer);
  });

  it('reads a charset in quotes and a Content-Type without parameters', () => {
    expect(parseMimeMessage(bytes('Content-Type: text/plain; charset="GB2312"\r\n\r\n')).charset).toBe('gb2312');
    const m = parseMimeMessage(bytes('Content-Type: Text/X-Keepalive\r\n\r\n'));
    expect(m.contentType).toBe('text/x-keepalive');
    expect(m.charset).toBeNull();
  });

  it('marks malformed input and never throws', () => {
    expect(parseMimeMessage(new Uint8Array(0)).malformed).toBe('empty message');
    const noBlank = parseMimeMessage(bytes('MIME-Version: 1.0\r\nContent-Type: text/plain'));
    expect(noBlank.malformed).toMatch(/no blank line/);
    expect(noBlank.contentType).toBe('text/plain');
    expect(noBlank.body.length).toBe(0);
    const noColon = parseMimeMessage(bytes('Content-Type: text/plain\r\nthis is not a header\r\n\r\nbody'));
    expect(noColon.malformed).toMatch(/without a colon/);
    expect(noColon.headers).toHaveLength(1);
    for (let seed = 0; seed < 200; seed++) {
      const junk = new Uint8Array(64).map((_, i) => (seed * 131 + i * 7919) % 256);
      expect(() => parseMimeMessage(junk)).not.toThrow();
    }
  });

  it('treats a payload that starts with the blank line as having no headers', () => {
    const m = parseMimeMessage(bytes('\r\nhello\n\nworld'));
    expect(m.headers).toEqual([]);
    expect(new TextDecoder().decode(m.body)).toBe('hello\n\nworld');
  });
});
