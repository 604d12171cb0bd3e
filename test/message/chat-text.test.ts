import { describe, expect, it } from 'vitest';
import { decodeChatText } from '../../src/main/engine/message/chat-text';

const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));

describe('decodeChatText', () => {
  it('decodes UTF-8 by default (Chinese text of the pecan chat capture)', () => {
    // 你好 = e4 bd a0 e5 a5 bd
    expect(decodeChatText(hex('e4bda0e5a5bd'), null).text).toBe('你好');
    expect(decodeChatText(hex('e4bda0e5a5bd'), 'utf-8').encoding).toBe('utf-8');
  });

  it('decodes GB2312 and Big5 bodies by their charset label', () => {
    // 你好 in GB2312: c4 e3 ba c3; in Big5: a7 41 a6 6e.
    expect(decodeChatText(hex('c4e3bac3'), 'gb2312')).toEqual({ text: '你好', encoding: 'gbk' });
    expect(decodeChatText(hex('a741a66e'), 'big5')).toEqual({ text: '你好', encoding: 'big5' });
  });

  it('uses the fallback label only when the message names no charset', () => {
    expect(decodeChatText(hex('c4e3bac3'), null, 'gbk').text).toBe('你好');
    expect(decodeChatText(hex('e4bda0e5a5bd'), 'utf-8', 'gbk').text).toBe('你好');
  });

  it('replaces invalid bytes instead of failing', () => {
    expect(decodeChatText(hex('61ff62'), 'utf-8').text).toBe('a\ufffdb');
  });

  it('falls back to UTF-8 for an unknown charset and says so', () => {
    const r = decodeChatText(hex('6869'), 'x-klingon');
    expect(r.text).toBe('hi');
    expect(r.fallback).toMatch(/unknown charset "x-klingon"/);
  });
});
