// A flood of TCP connections (captures are attacker-controlled): the Conversations answer lists
// the first MAX_CONVERSATION_ROWS by stream number and says how many there are, rather than
// sending one row per connection to the window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONVERSATION_ROWS } from '../../src/main/backend/statistics/tcp-conversations';
import { buildPcap, writeTempCapture } from '../helpers/capture-builder';
import { tcpFrame } from '../helpers/packet-builder';
import { realAnalysisSession } from '../helpers/real-session';

const CONNECTIONS = MAX_CONVERSATION_ROWS + 7;
// One SYN per connection, each from its own source port (10.0.x.y:1024+), 1 ms apart.
const frames = Array.from({ length: CONNECTIONS }, (_, i) => ({
  tsUs: 1_700_000_000_000_000 + i * 1000,
  linkType: 1,
  data: tcpFrame({ src: `10.0.${i >> 8}.${i & 0xff}`, dst: '10.9.9.9', srcPort: 1024 + (i % 60000), dstPort: 8080, flags: 'S', seq: i }),
}));

describe('a flood of connections', () => {
  const session = realAnalysisSession();
  beforeAll(() => session.load([writeTempCapture(buildPcap(frames), 'flood.pcap')], 'flood.pcap', {}));
  afterAll(() => session.dispose());

  it('lists the first conversations and says how many there are', () => {
    const [table] = session.statistics('conversations').tables;
    expect(table.rows).toHaveLength(MAX_CONVERSATION_ROWS);
    expect(table.rowFilters).toHaveLength(MAX_CONVERSATION_ROWS);
    expect(table.rows[MAX_CONVERSATION_ROWS - 1][0]).toBe(MAX_CONVERSATION_ROWS - 1);
    expect(table.note).toBe(`The first ${MAX_CONVERSATION_ROWS} of ${CONNECTIONS} conversations (by stream number)`);
  });
});
