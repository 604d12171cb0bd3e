import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/main/engine/message/message-kind';
import { parseMimeMessage } from '../../src/main/engine/message/parse-mime-message';
import { parseSdgMessage, sdgAccount } from '../../src/main/engine/message/sdg-message';

// An MSNP21 SDG body as MSNPSharp's MultiMimeMessage writes it: Routing, Reliability, Messaging.
const SDG_TEXT =
  'Routing: 1.0\r\nTo: 1:bob@example.com;epid={960748A6-B9D0-312A-4569-B15F5BE85736}\r\nFrom: 1:alice@example.com;epid={42B97F22-15C1-2133-28B8-864229612F7E}\r\n\r\n' +
  'Reliability: 1.0\r\nStream: 0\r\nSegment: 1\r\n\r\n' +
  'Messaging: 2.0\r\nMessage-Type: Text\r\nContent-Length: 5\r\nContent-Type: Text/plain; charset=UTF-8\r\nIM-Display-Name: Alice\r\n\r\nHello';

const bytes = (t: string) => new TextEncoder().encode(t);

describe('SDG messages (MSNP21)', () => {
  it('splits the three header blocks and finds From, To, Content-Type and the body', () => {
    const payload = bytes(SDG_TEXT);
    const sdg = parseSdgMessage(parseMimeMessage(payload));
    expect(sdg).not.toBeNull();
    if (!sdg) return;
    expect(sdg.from).toBe('1:alice@example.com;epid={42B97F22-15C1-2133-28B8-864229612F7E}');
    expect(sdgAccount(sdg.to)).toBe('bob@example.com');
    expect(sdg.reliability.headers).toEqual([['Reliability', '1.0'], ['Stream', '0'], ['Segment', '1']]);
    expect(sdg.contentKey).toBe('Messaging');
    expect(sdg.messageType).toBe('Text');
    expect(sdg.content.contentType).toBe('text/plain');
    expect(new TextDecoder().decode(sdg.content.body)).toBe('Hello');
    // Ranges index the whole payload: the Reliability line and the body.
    const [relAt, relLength] = sdg.reliability.ranges[0];
    expect(new TextDecoder().decode(payload.subarray(relAt, relAt + relLength))).toBe('Reliability: 1.0');
    expect(sdg.content.bodyOffset).toBe(payload.length - 5);
    expect(sdg.malformed).toBeUndefined();
  });

  it('classifies the inner message and names the sender', () => {
    const k = classifyMessage(parseMimeMessage(bytes(SDG_TEXT)));
    expect(k).toMatchObject({ kind: 'sdg', from: 'alice@example.com', to: 'bob@example.com', inner: { kind: 'text', text: 'Hello' } });
  });

  it('a typing signal without TypingUser is the sender typing', () => {
    const typing = SDG_TEXT.replace('Message-Type: Text\r\nContent-Length: 5\r\nContent-Type: Text/plain; charset=UTF-8', 'Message-Type: Control/Typing\r\nContent-Type: Application/x-ms-ink').replace(/Hello$/, '');
    expect(classifyMessage(parseMimeMessage(bytes(typing)))).toMatchObject({ kind: 'sdg', inner: { kind: 'typing', user: 'alice@example.com' } });
  });

  it('Content-Length bounds the body and a short body is reported', () => {
    const longer = parseSdgMessage(parseMimeMessage(bytes(`${SDG_TEXT} trailing`)));
    expect(new TextDecoder().decode(longer!.content.body)).toBe('Hello');
    const shorter = parseSdgMessage(parseMimeMessage(bytes(SDG_TEXT.replace('Content-Length: 5', 'Content-Length: 50'))));
    expect(shorter!.malformed).toMatch(/Content-Length 50 but only 5 bytes follow/);
  });

  it('is not an SDG message without a leading Routing block; truncated ones are marked', () => {
    expect(parseSdgMessage(parseMimeMessage(bytes('Content-Type: text/plain\r\n\r\nRouting: 1.0')))).toBeNull();
    const cut = parseSdgMessage(parseMimeMessage(bytes('Routing: 1.0\r\nTo: 1:b@x\r\n\r\nReliability: 1.0\r\n')));
    expect(cut!.malformed).toMatch(/no blank line after the Reliability block/);
  });
});
