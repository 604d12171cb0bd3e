// How streams end and are numbered: FIN, RST, data after FIN, port reuse, linger, idle flush.
// Client data starts at 1001 (ISN 1000), server data at 5001 (ISN 5000); frames 1-3 are the handshake.

import { describe, expect, it } from 'vitest';
import { CLOSED_LINGER_US } from '../../src/main/engine/tcp/tcp-reassembler';
import { HANDSHAKE, reassemble, recorder, type Segment } from './tcp-harness';

const CLOSE: Segment[] = [
  { from: 'c', seq: 1003, ack: 5001, flags: 'F' }, // after "hi" at 1001-1002
  { from: 's', seq: 5001, ack: 1004 },
  { from: 's', seq: 5001, ack: 1004, flags: 'F' },
  { from: 'c', seq: 1004, ack: 5002 },
];

describe('TcpReassembler stream ends', () => {
  it('FIN on both sides ends each direction after its data; the trailing ACK keeps the id', () => {
    const r = recorder().feed([...HANDSHAKE, { from: 'c', seq: 1001, data: 'hi' }, ...CLOSE]);
    expect(r.events).toEqual(['0:data:hi@4', '0:end:fin@5', '1:end:fin@7']);
    expect(r.ids).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.reassembler.activeStreams).toBe(0);
    r.reassembler.finish();
    expect(r.events).toHaveLength(3);
  });

  it('FIN carried with the last data', () => {
    const events = reassemble([...HANDSHAKE, { from: 'c', seq: 1001, flags: 'PF', data: 'bye' }]);
    expect(events).toEqual(['0:data:bye@4', '0:end:fin@4', '1:end:eof@4']);
  });

  it('FIN seen before the data it follows: the end waits for the data', () => {
    const events = reassemble([...HANDSHAKE, { from: 'c', seq: 1006, flags: 'F' }, { from: 'c', seq: 1001, data: 'hello' }]);
    expect(events).toEqual(['0:note:out-of-order@5', '0:data:hello@5', '0:end:fin@4', '1:end:eof@5']);
  });

  it('data after FIN is ignored, also when it shares the segment range', () => {
    const events = reassemble([
      ...HANDSHAKE,
      { from: 'c', seq: 1006, flags: 'F' },
      { from: 'c', seq: 1001, data: 'helloEXTRA' },
      { from: 'c', seq: 1007, data: 'late' },
    ]);
    expect(events).toEqual(['0:note:out-of-order@5', '0:data:hello@5', '0:end:fin@4', '1:end:eof@6']);
  });

  it('a second FIN at another place does not move the first', () => {
    // FIN at 1006 first; then "hel" (1001-1003) claims a FIN at 1004: 1004-1005 are still owed.
    const events = reassemble([...HANDSHAKE, { from: 'c', seq: 1006, flags: 'F' }, { from: 'c', seq: 1001, flags: 'F', data: 'hel' }]);
    expect(events).toEqual(['0:note:out-of-order@5', '0:data:hel@5', '0:gap:2@4', '0:end:fin@4', '1:end:eof@5']);
  });

  it('bytes carried by a RST are not stream data', () => {
    const events = reassemble([...HANDSHAKE, { from: 's', seq: 5001, ack: 1001, flags: 'R', data: 'reason' }]);
    expect(events).toEqual(['0:end:rst@4', '1:end:rst@4']);
  });

  it('RST delivers what is held (after a gap) and ends both directions', () => {
    const r = recorder().feed([
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 'c', seq: 1011, data: 'later' },
      { from: 's', seq: 5001, flags: 'R' },
    ]);
    expect(r.events).toEqual(['0:data:hello@4', '0:gap:5@5', '0:data:later@5', '0:end:rst@6', '1:end:rst@6']);
    expect(r.reassembler.activeStreams).toBe(0);
  });
});

describe('TcpReassembler stream ids', () => {
  it('a new SYN after the connection closed reuses the 4-tuple under a new id', () => {
    const r = recorder().feed([
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hi' },
      ...CLOSE,
      { from: 'c', seq: 90000, flags: 'S' },
      { from: 's', seq: 70000, ack: 90001, flags: 'S' },
      { from: 'c', seq: 90001, ack: 70001, data: 'again' },
    ]);
    expect(r.ids).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(r.infos.map((i) => [i.id, i.firstFrame, i.sawSyn])).toEqual([
      [0, 1, true],
      [1, 9, true],
    ]);
    expect(r.byStream[1]).toEqual(['0:data:again@11']);
  });

  it('a retransmitted SYN belongs to the same stream', () => {
    const r = recorder().feed([{ from: 'c', seq: 1000, flags: 'S' }, { from: 'c', seq: 1000, flags: 'S' }, ...HANDSHAKE.slice(1)]);
    expect(r.ids).toEqual([0, 0, 0, 0]);
  });

  it('a SYN with another ISN on an open stream starts a new one; the old one ends idle', () => {
    const r = recorder().feed([...HANDSHAKE, { from: 'c', seq: 1001, data: 'hi' }, { from: 'c', seq: 42, flags: 'S' }]);
    expect(r.ids).toEqual([0, 0, 0, 0, 1]);
    expect(r.byStream[0]).toEqual(['0:data:hi@4', '0:end:idle@4', '1:end:idle@4']);
    expect(r.reassembler.activeStreams).toBe(1);
  });

  it('a closed stream is forgotten after the linger: a later stray packet opens a new id', () => {
    const r = recorder().feed([...HANDSHAKE, { from: 'c', seq: 1001, data: 'hi' }, ...CLOSE]);
    const closedAt = 7 * 1000;
    r.reassembler.flushIdle(closedAt + CLOSED_LINGER_US - 1);
    r.feed([{ from: 'c', seq: 1004, ack: 5002, tsUs: closedAt + CLOSED_LINGER_US - 1 }]);
    expect(r.ids[8]).toBe(0);
    r.reassembler.flushIdle(closedAt + CLOSED_LINGER_US + 1);
    r.feed([{ from: 'c', seq: 1004, ack: 5002, tsUs: closedAt + CLOSED_LINGER_US + 2 }]);
    expect(r.ids[9]).toBe(1);
  });

  it('idle flush delivers held data after a gap, ends idle, and removes the stream', () => {
    const idleTimeoutUs = 1_000_000;
    const r = recorder({ idleTimeoutUs }).feed([
      ...HANDSHAKE,
      { from: 'c', seq: 1001, data: 'hello' },
      { from: 'c', seq: 1011, data: 'later' },
    ]);
    r.reassembler.flushIdle(5000 + idleTimeoutUs); // last packet at 5000 µs: exactly the timeout, not past it
    expect(r.reassembler.activeStreams).toBe(1);
    r.reassembler.flushIdle(5001 + idleTimeoutUs);
    expect(r.events).toEqual(['0:data:hello@4', '0:gap:5@5', '0:data:later@5', '0:end:idle@5', '1:end:idle@5']);
    expect(r.reassembler.activeStreams).toBe(0);
    r.feed([{ from: 'c', seq: 1016, data: 'x', tsUs: 5002 + idleTimeoutUs }]);
    expect(r.ids[5]).toBe(1);
  });

  it('counts the streams of several 4-tuples; a non-TCP packet gets -1', () => {
    const r = recorder().feed([
      { from: 'c', seq: 1000, flags: 'S' },
      { from: 'c', seq: 1000, flags: 'S', clientPort: 50001 },
      { from: 's', seq: 5000, ack: 1001, flags: 'S', clientPort: 50001 },
    ]);
    expect(r.ids).toEqual([0, 1, 1]);
    expect(r.reassembler.activeStreams).toBe(2);
    const udp = { ipVersion: 4 as const, src: '1.1.1.1', dst: '2.2.2.2', protocol: 17, srcPort: 53, dstPort: 53, tcp: null, payload: new Uint8Array() };
    expect(r.reassembler.add(udp, 4, 4000)).toBe(-1);
    r.reassembler.finish();
    expect(r.reassembler.activeStreams).toBe(0);
  });
});
