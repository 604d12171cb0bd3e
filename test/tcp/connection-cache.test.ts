// Connections whose ports fall in the same slot of the reassembler's connection cache
// (recent-connections.ts: ports XOR-ed, low 10 bits) still keep their own streams.
// Client ports 50000 and 51024 differ only above bit 10, so with server port 1863 both map to
// one slot; alternating packets make the cache miss and refill on every packet.

import { describe, expect, it } from 'vitest';
import { recorder, type Segment } from './tcp-harness';

const A = 50000;
const B = A + 1024;

describe('connection cache slots', () => {
  it('two connections sharing a slot, interleaved, each keep their id and their bytes', () => {
    const segments: Segment[] = [
      { from: 'c', seq: 1000, flags: 'S', clientPort: A },
      { from: 'c', seq: 7000, flags: 'S', clientPort: B },
      { from: 's', seq: 5000, ack: 1001, flags: 'S', clientPort: A },
      { from: 's', seq: 9000, ack: 7001, flags: 'S', clientPort: B },
      { from: 'c', seq: 1001, ack: 5001, data: 'one', clientPort: A },
      { from: 'c', seq: 7001, ack: 9001, data: 'two', clientPort: B },
      { from: 's', seq: 5001, ack: 1004, data: 'ONE', clientPort: A },
      { from: 's', seq: 9001, ack: 7004, data: 'TWO', clientPort: B },
    ];
    const r = recorder().feed(segments);
    expect(r.ids).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(r.byStream[0]).toEqual(['0:data:one@5', '1:data:ONE@7']);
    expect(r.byStream[1]).toEqual(['0:data:two@6', '1:data:TWO@8']);
    expect(r.infos.map((i) => i.endpoints[0].port)).toEqual([A, B]);
  });
});
