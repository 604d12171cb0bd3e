// Kept body bytes are copies (carved from shared slabs since the per-segment slice was the main
// cost of an HTTP download): the input may be a view into a read buffer that is reused, so a
// message must read the same after its input bytes were overwritten.

import { describe, expect, it } from 'vitest';
import type { HttpMessage } from '../../src/main/engine/http/http-message';
import { bodyBytes } from '../../src/main/engine/http/http-message';
import { HttpStreamParser } from '../../src/main/engine/http/http-stream-parser';

const enc = (s: string) => new TextEncoder().encode(s);

describe('kept HTTP body bytes', () => {
  it('survive the reuse of the buffer they were read from, segment by segment', () => {
    const messages: HttpMessage[] = [];
    const parser = new HttpStreamParser({ onMessage: (m) => messages.push(m) });
    const reused = new Uint8Array(64);
    const feed = (text: string, frame: number) => {
      const bytes = enc(text);
      reused.set(bytes);
      parser.push(reused.subarray(0, bytes.length), frame, frame * 1000);
      reused.fill(0x58); // the reader overwrites its buffer with the next chunk
    };
    feed('POST /gateway/gateway.dll HTTP/1.1\r\nContent-Length: 12\r\n\r\n', 1);
    feed('hello ', 2);
    feed('world!', 3);
    expect(messages).toHaveLength(1);
    expect(new TextDecoder().decode(bodyBytes(messages[0]))).toBe('hello world!');
    expect(messages[0].body.map((s) => [new TextDecoder().decode(s.bytes), s.frame])).toEqual([['hello ', 2], ['world!', 3]]);
  });
});
