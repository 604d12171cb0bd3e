// Golden test: msn-pecan ↔ Escargot, MSNP12 login, presence and chat (both clients captured).
// Expected values: the capture's README (what happens, in wire order) and tshark (frames, times,
// command counts via test/tools/count-commands-tshark.py).
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';
import { analyze, isoFromEpoch } from './golden-helpers';

let r: AnalysisResult;
beforeAll(async () => {
  r = await analyze(CAPTURES.pecanChat);
});

describe('MSNP12 pecan ↔ Escargot login, presence, chat', () => {
  it('counts frames and every command on the wire (tshark follow + independent framer)', () => {
    expect(r.frames).toBe(293);
    expect(r.captures).toEqual([expect.objectContaining({ path: CAPTURES.pecanChat, format: 'pcap', frames: 293 })]);
    expect(r.commandCounts).toEqual({
      ACK: 5, ANS: 2, BLP: 6, BYE: 1, CAL: 2, CHG: 12, CVR: 4, FLN: 1, GTC: 2, ILN: 1, IRO: 1, JOI: 1, LSG: 2, LST: 4,
      MSG: 26, NLN: 5, OUT: 3, PRP: 2, RNG: 1, SBP: 10, SBS: 2, SYN: 4, UBX: 6, USR: 10, UUX: 12, VER: 4, XFR: 2,
    });
  });

  it('finds two notification and two switchboard connections, by content (switchboard on 1864)', () => {
    const byRole = r.connections.map((c) => [c.role, c.server, c.version, c.account]);
    expect(byRole).toEqual([
      ['notification', '127.0.0.1:1863', 'MSNP12', 'alice@example.com'],
      ['notification', '127.0.0.1:1863', 'MSNP12', 'bob@example.com'],
      ['switchboard', '127.0.0.1:1864', 'MSNP12', 'alice@example.com'],
      ['switchboard', '127.0.0.1:1864', 'MSNP12', 'bob@example.com'],
    ]);
    const [nsAlice, nsBob, sbAlice, sbBob] = r.connections;
    expect(nsAlice.authMethod).toBe('TWN');
    // XFR SB (alice) and RNG (bob) cookies link each switchboard connection to its notification session.
    expect(sbAlice.notificationConnection).toBe(nsAlice.id);
    expect(sbBob.notificationConnection).toBe(nsBob.id);
  });

  it('stitches the switchboard seen from both clients into one session, each message once at first sighting', () => {
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions[0];
    expect(s.connections.sort()).toEqual([r.connections[2].id, r.connections[3].id].sort());
    expect(s.participants).toEqual([
      { account: 'alice@example.com', nick: 'Alice' },
      { account: 'bob@example.com', nick: 'Bob' },
    ]);
    expect(s.messages.map((m) => [m.from, m.nick, m.text])).toEqual([
      ['alice@example.com', 'Alice', 'Hi Bob! This is message 1 from Alice.'],
      ['bob@example.com', 'Bob', 'Hello Alice, Bob here (message 2).'],
      ['alice@example.com', 'Alice', '你好，鲍勃！今天天气很好。'],
      ['bob@example.com', 'Bob', '是的，我们去公园吧 🙂 Ça va? Grüße!'],
      ['alice@example.com', 'Alice', 'Last message from Alice. Bye!'],
    ]);
    // tshark -Y 'frame contains "message 1 from Alice"': frames 211 (sent) and 212 (relayed).
    expect(s.messages[0]).toMatchObject({ frame: 211, time: isoFromEpoch('1795435470.389089') });
    expect(s.messages[1]).toMatchObject({ frame: 224, time: isoFromEpoch('1795435472.890809') });
    expect(s.messages[4]).toMatchObject({ frame: 258, time: isoFromEpoch('1795435480.899245') });
    // Three typing notifications and two nudges, each seen twice on the wire, counted once.
    expect(s.typing).toBe(3);
    expect((s.events ?? []).filter((e) => e.kind === 'nudge').map((e) => e.account)).toEqual(['alice@example.com', 'bob@example.com']);
  });

  it('lists contacts in the group Friends', () => {
    const friends = r.contacts.filter((c) => ['alice@example.com', 'bob@example.com'].includes(c.account));
    expect(friends).toEqual([
      expect.objectContaining({ account: 'alice@example.com', nick: 'Alice', groups: ['Friends'] }),
      expect.objectContaining({ account: 'bob@example.com', nick: 'Bob', groups: ['Friends'] }),
    ]);
  });

  it('follows presence: personal message, Away then Online, Busy with a message, sign-out', () => {
    const bob = r.presence.filter((p) => p.account === 'bob@example.com').map((p) => p.status);
    // Dedupe consecutive repeats (each change is seen by both clients) to read the story.
    const story = bob.filter((s, i) => s !== bob[i - 1]);
    expect(story).toEqual(['NLN', 'AWY', 'NLN', 'BSY', 'FLN']);
    expect(r.presence.some((p) => p.account === 'alice@example.com' && p.personalMessage === 'Alice is testing MSNP')).toBe(true);
    expect(r.presence.some((p) => p.account === 'bob@example.com' && p.status === 'BSY' && p.personalMessage === 'Bob is busy now')).toBe(true);
  });
});
