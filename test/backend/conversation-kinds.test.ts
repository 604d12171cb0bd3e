// What each TCP conversation carries, on the legacy scenario built by construction
// (test/engine-synthetic/legacy-scenario.ts): a switchboard on port 1863, an MSNFTP transfer to
// the port alice offered, a whiteboard's T.120 bytes (not ours: "other"), and voice over UDP,
// which is no TCP conversation but is a layer of the protocol hierarchy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE_LAN, ALICE_WAN, BOB_WAN, legacyFrames, PORT, WHITEBOARD } from '../engine-synthetic/legacy-scenario';
import { writeFrames } from '../engine-synthetic/synthetic';
import { realAnalysisSession } from '../helpers/real-session';

describe('conversation kinds', () => {
  const session = realAnalysisSession();
  beforeAll(() => session.load([writeFrames(legacyFrames)], 'legacy.pcap', {}));
  afterAll(() => session.dispose());

  it('names the switchboard, the MSNFTP transfer and the other traffic', () => {
    const [table] = session.statistics('conversations').tables;
    expect(table.rows.map((r) => r.slice(1, 6))).toEqual([
      ['MSNP SB', ALICE_LAN, 1300, '207.46.108.100', 1863],
      ['MSNFTP', BOB_WAN, 40000, ALICE_WAN, PORT],
      ['other', ALICE_LAN, 1400, WHITEBOARD.ip, WHITEBOARD.port],
    ]);
  });

  it('counts the MSNFTP segments that carry bytes as P2P under TCP in the hierarchy', () => {
    // By construction: VER, VER, USR, FIL, TFR, the 5000-byte file in 3 blocks (5009 bytes) cut
    // into 1000-byte segments (6), BYE: 12 segments; handshake and FIN frames (6) are bare TCP.
    const [conversations] = session.statistics('conversations').tables;
    expect(conversations.rows.find((r) => r[1] === 'MSNFTP')?.[10]).toBe(18);
    const rows = session.statistics('hierarchy').tables[0].rows;
    expect(rows.find((r) => r[0] === '      P2P')?.[1]).toBe(12);
  });

  it('counts the three voice datagrams under UDP in the hierarchy', () => {
    const rows = session.statistics('hierarchy').tables[0].rows;
    expect(rows.find((r) => String(r[0]).trim() === 'UDP')?.[1]).toBe(3);
  });
});
