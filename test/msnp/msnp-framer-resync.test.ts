// MsnpFramer when the stream is not clean: absurd lengths, lost bytes (gaps), unframeable and
// overlong lines, and what is left at the end of the stream. Nothing is dropped silently.
import { describe, expect, it } from 'vitest';
import { bytes, frameChunks, harness, text } from './framer-harness';

describe('MsnpFramer: absurd body length', () => {
  it('flags it, keeps the line as malformed, allocates nothing and resynchronises', () => {
    const h = frameChunks(['MSG 3 N 99999999999\r\nsome body text\r\nmore\r\nPNG\r\n'], 'c2s', 12, { maxBodyBytes: 1024 });
    expect(h.commands.map((c) => [c.verb, c.body, c.malformed])).toEqual([
      ['MSG', null, 'body length 99999999999 exceeds the 1024-byte limit'],
      ['PNG', null, undefined],
    ]);
    expect(h.notes.map((n) => n.severity)).toEqual(['error', 'warning']);
    // "some body text\r\n" (16) + "more\r\n" (6)
    expect(h.notes[1].message).toMatch(/^22 bytes skipped/);
  });
});

describe('MsnpFramer: gaps', () => {
  it('drops a partial line, keeps it as malformed, and resumes at the next command', () => {
    const h = harness('s2c', 12);
    h.framer.push(bytes('NLN NLN bob@exa'), 1, 0);
    h.framer.gap(40, 2, 0);
    h.framer.push(bytes('mple.com Bob 0\r\nQNG 45\r\n'), 2, 0);
    h.framer.end(2, 0);
    expect(h.commands.map((c) => [c.verb, c.line, c.malformed])).toEqual([
      ['NLN', 'NLN NLN bob@exa', 'line cut by a capture gap'],
      ['QNG', 'QNG 45', undefined],
    ]);
    expect(h.commands[1].streamOffset).toBe(15 + 40 + 16);
    expect(h.notes.map((n) => n.message)).toEqual(['16 bytes skipped to resynchronise on an MSNP command (capture gap)']);
  });

  it('resumes at once when data after the gap starts with a command', () => {
    const h = harness('c2s', 12);
    h.framer.push(bytes('PNG\r\n'), 1, 0);
    h.framer.gap(100, 3, 0);
    h.framer.push(bytes('MSG 7 U 2\r\nhi'), 3, 0);
    expect(h.commands.map((c) => [c.verb, text(c.body), c.streamOffset])).toEqual([['PNG', null, 0], ['MSG', 'hi', 105]]);
    expect(h.notes).toEqual([]);
  });

  it('stays in sync when the gap falls inside a body of known length', () => {
    const h = harness('s2c', 12);
    h.framer.push(bytes('MSG a@b.c A 10\r\n012'), 1, 0);
    h.framer.gap(4, 3, 0);
    h.framer.push(bytes('789JOI x@y.z X\r\n'), 3, 0);
    expect(h.commands.map((c) => [c.verb, c.malformed])).toEqual([
      ['MSG', '4 body bytes lost in a capture gap'],
      ['JOI', undefined],
    ]);
    expect([...h.commands[0].body!]).toEqual([...bytes('012'), 0, 0, 0, 0, ...bytes('789')]);
  });

  it('a gap that ends exactly with the body keeps the next command', () => {
    const h = harness('s2c', 12);
    h.framer.push(bytes('MSG a@b.c A 5\r\n01'), 1, 0);
    h.framer.gap(3, 2, 0);
    h.framer.push(bytes('BYE a@b.c\r\n'), 2, 0);
    expect(h.commands.map((c) => [c.verb, c.body?.length])).toEqual([['MSG', 5], ['BYE', undefined]]);
  });

  it('a gap longer than the rest of the body resynchronises after it', () => {
    const h = harness('s2c', 12);
    h.framer.push(bytes('MSG a@b.c A 5\r\n01'), 1, 0);
    h.framer.gap(20, 2, 0);
    h.framer.push(bytes('tail of something\r\nACK 3\r\n'), 2, 0);
    expect(h.commands.map((c) => c.verb)).toEqual(['MSG', 'ACK']);
    expect(h.notes.at(-1)?.message).toMatch(/^19 bytes skipped .*capture gap/);
  });

  it('carries a candidate command cut by the end of a push', () => {
    const h = harness('s2c', 12);
    h.framer.gap(10, 1, 0);
    h.framer.push(bytes('garbage\r\nQN'), 1, 0);
    h.framer.push(bytes('G 41\r\n'), 2, 0);
    expect(h.commands.map((c) => [c.line, c.frames, c.streamOffset])).toEqual([['QNG 41', [1, 2], 19]]);
  });

  it('a carried candidate that turns out not to be a command is skipped', () => {
    const h = harness('s2c', 12);
    h.framer.gap(10, 1, 0);
    h.framer.push(bytes('x\nMS'), 1, 0);
    h.framer.push(bytes('Xyz\nNLN NLN a@b.c A 0\r\n'), 2, 0);
    expect(h.commands.map((c) => c.verb)).toEqual(['NLN']);
    expect(h.notes[0].message).toMatch(/^8 bytes skipped/);
  });

  it('an error line `NNN TrID` is a resynchronisation point', () => {
    const h = harness('s2c', 12);
    h.framer.gap(10, 1, 0);
    h.framer.push(bytes('zzz\r\n217 2\r\n'), 1, 0);
    expect(h.commands.map((c) => [c.verb, c.trid])).toEqual([['217', 2]]);
  });
});

describe('MsnpFramer: malformed and overlong lines', () => {
  it('keeps an unrecognised line, then skips to the next command', () => {
    const { commands, notes } = frameChunks(['PNG\r\nHello there\r\nsecond junk line\r\nOUT\r\n']);
    expect(commands.map((c) => [c.verb, c.line, c.malformed])).toEqual([
      ['PNG', 'PNG', undefined],
      ['', 'Hello there', 'not an MSNP command line'],
      ['OUT', 'OUT', undefined],
    ]);
    expect(notes.map((n) => n.message)).toEqual(['18 bytes skipped to resynchronise on an MSNP command (unrecognised line)']);
  });

  it('flags a line longer than maxLineBytes without a terminator and resynchronises', () => {
    // The first push alone (304 bytes) is over the limit: its first 256 bytes are shown.
    const long = 'X'.repeat(300);
    const h = frameChunks([`NLN ${long}`, `${long}\r\nPNG\r\n`], 's2c', 12, { maxLineBytes: 100 });
    expect(h.commands.map((c) => [c.verb, c.line.length, c.malformed])).toEqual([
      ['NLN', 256, 'line longer than 100 bytes (first 256 shown)'],
      ['PNG', 3, undefined],
    ]);
    expect(h.notes.map((n) => n.severity)).toEqual(['warning', 'warning']);
  });
});

describe('MsnpFramer: end of stream', () => {
  it('turns a partial body into an incomplete command', () => {
    const { commands } = frameChunks(['MSG 3 N 10\r\nabc']);
    expect(commands.map((c) => [c.verb, text(c.body), c.malformed])).toEqual([['MSG', 'abc', 'incomplete body: 3 of 10 bytes before the end of the stream']]);
  });
  it('turns a line without its end into a malformed command', () => {
    const { commands } = frameChunks(['PNG\r\nOUT']);
    expect(commands.map((c) => [c.verb, c.malformed])).toEqual([['PNG', undefined], ['OUT', 'no line end before the end of the stream']]);
  });
  it('reports bytes skipped while still resynchronising', () => {
    const h = harness('c2s', 12);
    h.framer.gap(5, 1, 0);
    h.framer.push(bytes('junk without end'), 1, 0);
    h.framer.end(1, 0);
    expect(h.commands).toEqual([]);
    expect(h.notes.map((n) => n.message)).toEqual(['16 bytes skipped to resynchronise on an MSNP command (capture gap)']);
  });
});
