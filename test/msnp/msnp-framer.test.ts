// MsnpFramer in line and body mode: line endings, many commands per push, one command across
// many pushes (frames list, stream offsets), binary bodies.
import { describe, expect, it } from 'vitest';
import { bytes, frameChunks, harness, text } from './framer-harness';

describe('MsnpFramer: lines', () => {
  it('accepts CRLF and bare LF; the line excludes its terminator', () => {
    const { commands } = frameChunks(['VER 1 MSNP12 CVR0\r\nCVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS alice@example.com\nPNG\r\n']);
    expect(commands.map((c) => c.line)).toEqual(['VER 1 MSNP12 CVR0', 'CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS alice@example.com', 'PNG']);
    expect(commands.map((c) => c.verb)).toEqual(['VER', 'CVR', 'PNG']);
    expect(commands.map((c) => c.trid)).toEqual([1, 2, null]);
    expect(commands.every((c) => c.body === null && c.malformed === undefined)).toBe(true);
  });

  it('frames several commands of one push, with their offsets, all from that frame', () => {
    // 0: "QNG 50\r\n" (8 bytes)  8: "MSG Hotmail Hotmail 5\r\n" (23)  31: "hello"  36: "ACK 12\r\n"
    const { commands } = frameChunks(['QNG 50\r\nMSG Hotmail Hotmail 5\r\nhelloACK 12\r\n'], 's2c');
    expect(commands.map((c) => [c.index, c.verb, c.streamOffset, c.frames])).toEqual([
      [0, 'QNG', 0, [1]],
      [1, 'MSG', 8, [1]],
      [2, 'ACK', 36, [1]],
    ]);
    expect(text(commands[1].body)).toBe('hello');
  });

  it('assembles one command pushed byte by byte, listing every frame', () => {
    const line = 'MSG 4 U 3\r\nabc';
    const { commands } = frameChunks([...line].map((ch) => ch));
    expect(commands).toHaveLength(1);
    const c = commands[0];
    expect(c.params).toEqual(['4', 'U', '3']);
    expect(text(c.body)).toBe('abc');
    expect(c.frames).toEqual(Array.from({ length: line.length }, (_, i) => i + 1));
    expect(c.frame).toBe(line.length);
    expect(c.tsUs).toBe(line.length * 1000);
    expect(c.streamOffset).toBe(0);
  });

  it('lists frames ascending and completes at the highest one when reassembly delivers a buffered lower frame last', () => {
    // Frame 16 filled the hole before the segment of frame 15, which reassembly then released.
    const h = harness('c2s', 12);
    h.framer.push(bytes('MSG 4 U 3\r\na'), 16, 1600);
    h.framer.push(bytes('bc'), 15, 1500);
    expect(h.commands.map((c) => [c.frames, c.frame, c.tsUs])).toEqual([[[15, 16], 16, 1600]]);
  });

  it('splits CR and LF across pushes', () => {
    const { commands } = frameChunks(['OUT\r', '\nPNG\r\n']);
    expect(commands.map((c) => [c.line, c.frames])).toEqual([['OUT', [1, 2]], ['PNG', [2]]]);
  });
});

describe('MsnpFramer: bodies', () => {
  it('keeps NUL and any byte in a body, and the body is a copy', () => {
    const head = bytes('MSG 9 D 6\r\n');
    const body = Uint8Array.of(0x00, 0x0a, 0x0d, 0xff, 0x00, 0x4d);
    const push = new Uint8Array([...head, ...body, ...bytes('PNG\r\n')]);
    const h = harness('c2s', 9);
    h.framer.push(push, 1, 10);
    push.fill(0x41); // the framer must not keep views into pushed bytes
    expect(h.commands.map((c) => c.verb)).toEqual(['MSG', 'PNG']);
    expect([...h.commands[0].body!]).toEqual([0x00, 0x0a, 0x0d, 0xff, 0x00, 0x4d]);
  });

  it('collects a body split across pushes and lists all its frames', () => {
    const { commands } = frameChunks(['MSG alice@example.com Alice 10\r\n0123', '45', '6789UBX bob@example.com 0\r\n'], 's2c');
    expect(commands.map((c) => [c.verb, text(c.body), c.frames, c.streamOffset])).toEqual([
      ['MSG', '0123456789', [1, 2, 3], 0],
      ['UBX', '', [3], 42],
    ]);
  });

  it('gives a zero-length body to `UUX TrID 0`', () => {
    const { commands } = frameChunks(['UUX 10 0\r\nPNG\r\n'], 's2c');
    expect(commands[0].body).toEqual(new Uint8Array(0));
    expect(commands[1].verb).toBe('PNG');
  });

  it('follows the version for error bodies: `241 7 3` has a body from MSNP13 only', () => {
    const v15 = frameChunks(['241 7 3\r\nabcPNG\r\n'], 's2c', 15).commands;
    expect(v15.map((c) => [c.verb, text(c.body)])).toEqual([['241', 'abc'], ['PNG', null]]);
    const v9 = frameChunks(['911 7\r\nQNG 50\r\n'], 's2c', 9).commands;
    expect(v9.map((c) => [c.verb, c.body])).toEqual([['911', null], ['QNG', null]]);
  });

  it('asks for the version at each line (it changes after VER)', () => {
    let version: number | null = null;
    const h = harness('s2c', null, { version: () => version });
    h.framer.push(bytes('VER 1 MSNP8\r\n'), 1, 0);
    version = 8;
    h.framer.push(bytes('241 7 3\r\n'), 2, 0);
    expect(h.commands[1].body).toBeNull();
  });

  it('frames the body announced by a lower-case (malformed) line', () => {
    const { commands } = frameChunks(['msg 5 U 4\r\nbody', 'PNG\r\n'], 'c2s', 9);
    expect(commands.map((c) => [c.verb, c.malformed, text(c.body)])).toEqual([
      ['MSG', 'lower-case verb "msg"', 'body'],
      ['PNG', undefined, null],
    ]);
  });
});
