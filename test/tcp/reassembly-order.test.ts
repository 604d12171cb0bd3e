// Putting segments back in order: reordering, retransmissions, overlaps (first-received bytes
// win), sequence wraparound. Client data starts at 1001 (ISN 1000); frames 1-3 are the handshake,
// so the last frame of each case is the one `finish()` reports with its 'eof' ends.

import { describe, expect, it } from 'vitest';
import { HANDSHAKE, reassemble, type Segment } from './tcp-harness';

interface Case {
  name: string;
  segments: Segment[];
  expected: string[];
}

const eof = (frame: number) => [`0:end:eof@${frame}`, `1:end:eof@${frame}`];

const cases: Case[] = [
  {
    name: 'in order: each segment delivered with its own frame',
    segments: [...HANDSHAKE, { from: 'c', seq: 1001, data: 'hello' }, { from: 'c', seq: 1006, data: 'world' }],
    expected: ['0:data:hello@4', '0:data:world@5', ...eof(5)],
  },
  {
    name: 'both directions interleaved',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, ack: 5001, data: 'USR 1\r\n' },
      { from: 's', seq: 5001, ack: 1008, data: 'USR 1 OK\r\n' },
      { from: 'c', seq: 1008, ack: 5011, data: 'OUT\r\n' },
    ],
    expected: ['0:data:USR 1\r\n@4', '1:data:USR 1 OK\r\n@5', '0:data:OUT\r\n@6', ...eof(6)],
  },
  {
    name: 'reordered: the late segment is noted and delivered first',
    segments: [...HANDSHAKE, { from: 'c', seq: 1006, data: 'world' }, { from: 'c', seq: 1001, data: 'hello' }],
    expected: ['0:note:out-of-order@5', '0:data:hello@5', '0:data:world@4', ...eof(5)],
  },
  {
    name: 'duplicate: a retransmission of delivered bytes is dropped',
    segments: [...HANDSHAKE, { from: 'c', seq: 1001, data: 'hello' }, { from: 'c', seq: 1001, data: 'hello' }],
    expected: ['0:data:hello@4', '0:note:retransmission@5', ...eof(5)],
  },
  {
    name: 'duplicate of a held segment is dropped, the held copy delivered once',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1006, data: 'world' },
      { from: 'c', seq: 1006, data: 'world' },
      { from: 'c', seq: 1001, data: 'hello' },
    ],
    expected: ['0:note:retransmission@5', '0:note:out-of-order@6', '0:data:hello@6', '0:data:world@4', ...eof(6)],
  },
  {
    name: 'partial overlap at the front: bytes already delivered are trimmed',
    // "hello" is 1001-1005; "loWORLD" at 1004 repeats "lo" (1004-1005), "WORLD" is new.
    segments: [...HANDSHAKE, { from: 'c', seq: 1001, data: 'hello' }, { from: 'c', seq: 1004, data: 'loWORLD' }],
    expected: ['0:data:hello@4', '0:note:overlap@5', '0:data:WORLD@5', ...eof(5)],
  },
  {
    name: 'partial overlap at the back: the late segment runs into held bytes',
    // held "world" 1006-1010; "hellowo" 1001-1007 repeats "wo" at 1006-1007.
    segments: [...HANDSHAKE, { from: 'c', seq: 1006, data: 'world' }, { from: 'c', seq: 1001, data: 'hellowo' }],
    expected: ['0:note:overlap@5', '0:note:out-of-order@5', '0:data:hello@5', '0:data:world@4', ...eof(5)],
  },
  {
    name: 'overlap with different bytes: noted, the first-received bytes kept',
    segments: [...HANDSHAKE, { from: 'c', seq: 1006, data: 'world' }, { from: 'c', seq: 1001, data: 'helloWO' }],
    expected: [
      '0:note:inconsistent-overlap@5',
      '0:note:overlap@5',
      '0:note:out-of-order@5',
      '0:data:hello@5',
      '0:data:world@4',
      ...eof(5),
    ],
  },
  {
    name: 'a segment spanning several held ones: each piece keeps its own frame',
    // held "bb" 1003-1004 (frame 4) and "dd" 1007-1008 (frame 5); "aabbccddee" 1001-1010 (frame 6).
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1003, data: 'bb' },
      { from: 'c', seq: 1007, data: 'dd' },
      { from: 'c', seq: 1001, data: 'aabbccddee' },
    ],
    expected: [
      '0:note:overlap@6',
      '0:note:out-of-order@6',
      '0:data:aa@6',
      '0:data:bb@4',
      '0:data:cc@6',
      '0:data:dd@5',
      '0:data:ee@6',
      ...eof(6),
    ],
  },
  {
    name: 'hole filled later: delivery resumes through the held segment',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'aaa' },
      { from: 'c', seq: 1007, data: 'ccc' },
      { from: 'c', seq: 1004, data: 'bbb' },
      { from: 'c', seq: 1010, data: 'ddd' },
    ],
    expected: ['0:data:aaa@4', '0:note:out-of-order@6', '0:data:bbb@6', '0:data:ccc@5', '0:data:ddd@7', ...eof(7)],
  },
  {
    name: 'keep-alive (one byte just before the next expected) is not reported',
    segments: [...HANDSHAKE, { from: 'c', seq: 1001, data: 'hello' }, { from: 'c', seq: 1005, ack: 5001, data: '\0' }],
    expected: ['0:data:hello@4', ...eof(5)],
  },
  {
    name: 'wraparound: ISN 0xFFFFFFF0, segments crossing 2^32 arrive in reverse order',
    // data starts at 0xFFFFFFF1: "aaaaaaaaaa" ..0xFFFFFFFA, "bbbbbbbbbb" 0xFFFFFFFB..0x4, "cccc" 0x5..0x8, FIN at 0x9.
    segments: [
      { from: 'c', seq: 0xfffffff0, flags: 'S' },
      { from: 's', seq: 5000, ack: 0xfffffff1, flags: 'S' },
      { from: 'c', seq: 0xfffffff1, ack: 5001 },
      { from: 'c', seq: 0x5, data: 'cccc' },
      { from: 'c', seq: 0xfffffffb, data: 'bbbbbbbbbb' },
      { from: 'c', seq: 0xfffffff1, data: 'aaaaaaaaaa' },
      { from: 'c', seq: 0x9, flags: 'F' },
      { from: 'c', seq: 0x9, data: 'after FIN' },
    ],
    expected: [
      '0:note:out-of-order@5',
      '0:note:out-of-order@6',
      '0:data:aaaaaaaaaa@6',
      '0:data:bbbbbbbbbb@5',
      '0:data:cccc@4',
      '0:end:fin@7',
      '1:end:eof@8',
    ],
  },
];

describe('TcpReassembler ordering', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(reassemble(c.segments)).toEqual(c.expected);
    });
  }
});
