// A handler that declines data (or a factory that declines the stream) stops all deliveries for
// that stream, while packets keep their stream id and the end is still noticed.

import { describe, expect, it } from 'vitest';
import { HANDSHAKE, recorder, type Segment } from './tcp-harness';

const STREAM: Segment[] = [
  ...HANDSHAKE,
  { from: 'c', seq: 1001, data: 'one' },
  { from: 'c', seq: 1010, data: 'three' }, // held behind a hole at 1004-1009
  { from: 'c', seq: 1004, data: 'two...' },
  { from: 's', seq: 5001, ack: 1015, data: 'reply' },
  { from: 'c', seq: 1015, ack: 5006, flags: 'F' },
  { from: 's', seq: 5006, ack: 1016, flags: 'F' },
];

describe('TcpReassembler when the handler stops', () => {
  it('returning false stops deliveries, held data is dropped, the id and the close still count', () => {
    const r = recorder({ stopAfterData: 2 }).feed(STREAM);
    // "two..." (frame 6) is the second data call: the held "three" is never delivered.
    expect(r.events).toEqual(['0:data:one@4', '0:note:out-of-order@6', '0:data:two...@6']);
    expect(r.ids).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.reassembler.activeStreams).toBe(0);
    r.reassembler.finish();
    expect(r.events).toHaveLength(3);
  });

  it('a factory returning null: no calls at all, ids assigned as usual', () => {
    const r = recorder({ noHandler: true }).feed([...STREAM, { from: 'c', seq: 1, flags: 'S' }]);
    expect(r.events).toEqual([]);
    expect(r.ids).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(r.reassembler.activeStreams).toBe(1);
  });

  it('a factory returning null: a SYN with a new ISN on the open 4-tuple still opens a new id', () => {
    const r = recorder({ noHandler: true }).feed([
      { from: 'c', seq: 1000, flags: 'S' },
      { from: 'c', seq: 1000, flags: 'S' },
      { from: 'c', seq: 42, flags: 'S' },
    ]);
    expect(r.ids).toEqual([0, 0, 1]);
  });
});
