// Lost segments: when a hole is declared lost (gap, then the held data), and how promptly.
// Client data starts at 1001 (ISN 1000); frames 1-3 are the handshake.

import { describe, expect, it } from 'vitest';
import { MAX_HELD_SEGMENTS } from '../../src/main/engine/tcp/half-stream';
import { HANDSHAKE, reassemble, recorder, type Segment } from './tcp-harness';

interface Case {
  name: string;
  segments: Segment[];
  options?: { maxBufferedBytes?: number };
  /** Handler calls while the segments are fed. */
  live: string[];
  /** Further calls made by finish(). */
  atFinish: string[];
}

const cases: Case[] = [
  {
    name: 'hole never filled: gap and the held data at finish',
    // "hello" 1001-1005; 1006-1010 never seen; "later" at 1011.
    segments: [...HANDSHAKE, { from: 'c', seq: 1001, data: 'hello' }, { from: 'c', seq: 1011, data: 'later' }],
    live: ['0:data:hello@4'],
    atFinish: ['0:gap:5@5', '0:data:later@5', '0:end:eof@5', '1:end:eof@5'],
  },
  {
    name: 'several holes at finish: one gap before each held run',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'a' },
      { from: 'c', seq: 1004, data: 'b' },
      { from: 'c', seq: 1010, data: 'c' },
    ],
    live: ['0:data:a@4'],
    atFinish: ['0:gap:2@5', '0:data:b@5', '0:gap:5@6', '0:data:c@6', '0:end:eof@6', '1:end:eof@6'],
  },
  {
    name: 'the peer ACKs past the hole: gap reported at once',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 'c', seq: 1011, data: 'later' },
      { from: 's', seq: 5001, ack: 1016 },
      { from: 'c', seq: 1016, data: 'more' },
    ],
    live: ['0:data:hello@4', '0:gap:5@5', '0:data:later@5', '0:data:more@7'],
    atFinish: ['0:end:eof@7', '1:end:eof@7'],
  },
  {
    name: 'an ACK exactly up to the held segment: the whole hole is lost',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 'c', seq: 1011, data: 'later' },
      { from: 's', seq: 5001, ack: 1011 },
    ],
    live: ['0:data:hello@4', '0:gap:5@5', '0:data:later@5'],
    atFinish: ['0:end:eof@6', '1:end:eof@6'],
  },
  {
    name: 'an ACK inside the hole proves nothing yet: the missing bytes still fill it',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 'c', seq: 1011, data: 'later' },
      { from: 's', seq: 5001, ack: 1008 },
      { from: 'c', seq: 1006, data: 'world' },
    ],
    live: ['0:data:hello@4', '0:note:out-of-order@7', '0:data:world@7', '0:data:later@5'],
    atFinish: ['0:end:eof@7', '1:end:eof@7'],
  },
  {
    name: 'ACK of unseen bytes before the next segment arrives: gap as soon as it does',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 's', seq: 5001, ack: 1011 },
      { from: 'c', seq: 1011, data: 'later' },
    ],
    live: ['0:data:hello@4', '0:gap:5@6', '0:data:later@6'],
    atFinish: ['0:end:eof@6', '1:end:eof@6'],
  },
  {
    name: 'acknowledged bytes never seen at the end: gap at the ACK frame on finish',
    segments: [...HANDSHAKE, { from: 'c', seq: 1001, data: 'hello' }, { from: 's', seq: 5001, ack: 1016 }],
    live: ['0:data:hello@4'],
    atFinish: ['0:gap:10@5', '0:end:eof@5', '1:end:eof@5'],
  },
  {
    name: 'a lost FIN acknowledged by the peer is not a lost byte',
    segments: [...HANDSHAKE, { from: 'c', seq: 1001, data: 'hello' }, { from: 's', seq: 5001, ack: 1007 }],
    live: ['0:data:hello@4'],
    atFinish: ['0:end:eof@5', '1:end:eof@5'],
  },
  {
    name: 'buffer limit: too much held behind a hole, skip to the held data',
    // limit 8: "cccc" (4) held, then "ddddd" makes 9 > 8. Lost: 1003-1009 (7 bytes).
    options: { maxBufferedBytes: 8 },
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'ab' },
      { from: 'c', seq: 1010, data: 'cccc' },
      { from: 'c', seq: 1014, data: 'ddddd' },
      { from: 'c', seq: 1019, data: 'e' },
    ],
    live: ['0:data:ab@4', '0:note:buffer-limit@6', '0:gap:7@5', '0:data:cccc@5', '0:data:ddddd@6', '0:data:e@7'],
    atFinish: ['0:end:eof@7', '1:end:eof@7'],
  },
  {
    name: 'a FIN behind a hole: gap when the peer ACKs the FIN, then the end',
    segments: [
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 'c', seq: 1011, flags: 'F' },
      { from: 's', seq: 5001, ack: 1012 },
    ],
    live: ['0:data:hello@4', '0:gap:5@5', '0:end:fin@5'],
    atFinish: ['1:end:eof@6'],
  },
  {
    name: 'ACK past a hole across the 2^32 wrap',
    // client ISN 0xFFFFFFFD: data from 0xFFFFFFFE; "ab" ends at 0xFFFFFFFF; "cd" lost at 0x0; "ef" at 0x2.
    segments: [
      { from: 'c', seq: 0xfffffffd, flags: 'S' },
      { from: 's', seq: 5000, ack: 0xfffffffe, flags: 'S' },
      { from: 'c', seq: 0xfffffffe, ack: 5001, data: 'ab' },
      { from: 'c', seq: 0x2, data: 'ef' },
      { from: 's', seq: 5001, ack: 0x4 },
    ],
    live: ['0:data:ab@3', '0:gap:2@4', '0:data:ef@4'],
    atFinish: ['0:end:eof@5', '1:end:eof@5'],
  },
];

describe('TcpReassembler gaps', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = recorder(c.options).feed(c.segments);
      expect(r.events).toEqual(c.live);
      r.reassembler.finish();
      expect(r.events.slice(c.live.length)).toEqual(c.atFinish);
    });
  }

  it('a segment lost long ago is a retransmission when it finally shows up', () => {
    const events = reassemble([
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 'c', seq: 1011, data: 'later' },
      { from: 's', seq: 5001, ack: 1016 },
      { from: 'c', seq: 1006, data: 'world' },
    ]);
    expect(events).toEqual(['0:data:hello@4', '0:gap:5@5', '0:data:later@5', '0:note:retransmission@7', '0:end:eof@7', '1:end:eof@7']);
  });

  it('too many tiny held segments count as over the limit too', () => {
    // One byte every other sequence number from 1002 on: each is held behind a one-byte hole.
    const tiny: Segment[] = [];
    for (let k = 0; k <= MAX_HELD_SEGMENTS; k++) tiny.push({ from: 'c', seq: 1002 + 2 * k, data: 'x' });
    const r = recorder().feed([...HANDSHAKE, ...tiny]);
    const last = 3 + tiny.length;
    // Only the first hole is skipped: that brings the count back to the cap.
    expect(r.events).toEqual([`0:note:buffer-limit@${last}`, '0:gap:1@4', '0:data:x@4']);
  });
});
