// looksLikeMsnp: MSNP recognised by content on any port, fast 'no' for other protocols.
import { describe, expect, it } from 'vitest';
import { looksLikeMsnp, KNOWN_VERBS } from '../../src/main/engine/msnp/msnp-detector';
import { CAPTURES } from '../helpers/captures';
import { tcpHalfStreams } from './tcp-payloads';
import { bytes } from './framer-harness';

const detect = (s: string | Uint8Array, fromInitiator = true) => looksLikeMsnp(typeof s === 'string' ? bytes(s) : s, fromInitiator);

describe('looksLikeMsnp: positives', () => {
  it.each([
    ['VER 1 MSNP12 CVR0\r\n', true],
    ['VER 5 MSNP8 CVR0\r\nCVR 6 0x0409', true],
    ['USR 1 alice@example.com f6b5960cd1e6737461a6\r\n', true],
    ['ANS 89 jujurius@msn.com 1115371039.15845 17069658\r\n', true],
    ['MSG 77 U 89\r\nMIME-Version: 1.0\r\n', true],
    ['PNG\r\n', true],
    ['OUT\r\n', true],
    ['QNG 50\r\n', false],
    ['NLN NLN bob@example.com Bob 1342472228 %3Cmsnobj%2F%3E\r\n', false],
    ['ACK 12\r\n', false],
    ['MSG cecile260992@hotmail.com choupi 97\r\nMIME', false],
    ['JOI bob@example.com Bob 1342472228\n', false],
    ['217 2\r\n', false],
    ['241 7 90\r\n', false],
    ['CHL 0 29409134351025259292\r\n', false],
    ['PUT 8 350\r\n', true],
  ])('%j → yes', (s, initiator) => {
    expect(detect(s, initiator)).toBe('yes');
  });

  it('a capture that starts inside a message body, followed by a command', () => {
    const s = 'Content-Type: text/x-msmsgscontrol\r\nTypingUser: jujurius@msn.com\r\n\r\n\r\nMSG 78 U 89\r\nMIME-Version: 1.0\r\n';
    expect(detect(s)).toBe('yes');
  });

  it('asks for more while the first line is still consistent with a command', () => {
    expect(detect('V')).toBe('need-more');
    expect(detect('VER 1 MS')).toBe('need-more');
    expect(detect('21')).toBe('need-more');
    expect(detect('217 2')).toBe('need-more');
    expect(detect('TypingUser: a@b.c\r\n')).toBe('need-more');
  });

  it('says yes for every MSNP stream of the real captures (both directions, first 512 bytes)', () => {
    for (const path of [CAPTURES.wireshark2005, CAPTURES.ppa2006, CAPTURES.pecanChat, CAPTURES.msnp15Sso, CAPTURES.msnp18Pidgin]) {
      for (const hs of tcpHalfStreams(path)) {
        const msnp = [1863, 1864].includes(hs.dstPort) || [1863, 1864].includes(hs.srcPort);
        if (hs.segments.length === 0) continue;
        const verdict = looksLikeMsnp(hs.segments[0].bytes.subarray(0, 512), hs.dstPort < hs.srcPort);
        expect([hs.key, verdict]).toEqual([hs.key, msnp ? 'yes' : 'no']);
      }
    }
  });
});

describe('looksLikeMsnp: negatives', () => {
  it.each([
    ['GET / HTTP/1.1\r\nHost: example.com\r\n\r\n', true],
    ['POST /gateway/gateway.dll?Action=open&Server=NS&IP=1.2.3.4 HTTP/1.1\r\nContent-Length: 14\r\n\r\nVER 1 MSNP12\r\n', true],
    ['HTTP/1.1 200 OK\r\nX-MSN-Messenger: SessionID=1; GW-IP=1.2.3.4\r\n', false],
    ['PUT /upload HTTP/1.1\r\n', true],
    ['SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n', false],
    ['220 ftp.example.com FTP server ready\r\n', false],
    ['220 mail.example.com ESMTP Postfix\r\n', false],
    ['CWD /pub\r\n', true],
    ['USER anonymous\r\n', true],
    ['+OK POP3 ready\r\n', false],
    ['The quick brown fox jumps over the lazy dog\n', true],
    ['THE QUICK BROWN FOX\r\n', true],
    ['VER MSNFTP\r\n', true],
    ['217 2\r\n', true],
    ['MSG hello\r\n', true],
  ])('%j → no', (s, initiator) => {
    expect(detect(s, initiator)).toBe('no');
  });

  it('TLS, binary and control bytes', () => {
    expect(detect(Uint8Array.of(0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc))).toBe('no');
    expect(detect(Uint8Array.of(0x04, 0x00, 0x00, 0x00, 0x66, 0x6f, 0x6f, 0x00))).toBe('no');
    expect(detect(Uint8Array.of(0x4d, 0x53, 0x47, 0x20, 0x00, 0x01, 0x0d, 0x0a))).toBe('no');
  });

  it('a long first line without a line end is bulk data', () => {
    expect(detect(`MSG ${'x'.repeat(2000)}`)).toBe('no');
  });

  it('exports the known verbs', () => {
    expect(KNOWN_VERBS.has('MSG')).toBe(true);
    expect(KNOWN_VERBS.has('NFY')).toBe(true);
    expect(KNOWN_VERBS.has('GET')).toBe(false);
  });
});
