// Golden test: the MSNP12 story of the pecan chat capture, carried entirely in HTTP gateway
// POST bodies on port 80. Expected values: the README (texts, story) and tshark (the four
// Action=open requests at frames 4, 76, 230, 248; first sightings of the messages).
import { beforeAll, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';
import { analyze, isoFromEpoch } from './golden-helpers';

let r: AnalysisResult;
beforeAll(async () => {
  r = await analyze(CAPTURES.pecanHttpGateway);
});

it('rebuilds the logical NS and SB connections from the SessionID chain', () => {
  expect(r.connections.map((c) => [c.transport, c.role, c.version, c.account, c.firstFrame])).toEqual([
    ['http-gateway', 'notification', 'MSNP12', 'alice@example.com', 4],
    ['http-gateway', 'notification', 'MSNP12', 'bob@example.com', 76],
    ['http-gateway', 'switchboard', 'MSNP12', 'alice@example.com', 230],
    ['http-gateway', 'switchboard', 'MSNP12', 'bob@example.com', 248],
  ]);
});

it('analyses the gateway chat exactly like the TCP one', () => {
  expect(r.sessions).toHaveLength(1);
  const s = r.sessions[0];
  expect(s.messages.map((m) => [m.from, m.text])).toEqual([
    ['alice@example.com', 'Hi Bob! This is message 1 from Alice.'],
    ['bob@example.com', 'Hello Alice, Bob here (message 2).'],
    ['alice@example.com', '你好，鲍勃！今天天气很好。'],
    ['bob@example.com', '是的，我们去公园吧 🙂 Ça va? Grüße!'],
    ['alice@example.com', 'Last message from Alice. Bye!'],
  ]);
  // tshark -Y 'frame contains "message 1 from Alice"' → 260 (alice's POST), 271 (bob's poll reply).
  expect(s.messages[0]).toMatchObject({ frame: 260, time: isoFromEpoch('1795435595.275518') });
  expect(s.messages[4]).toMatchObject({ frame: 404, time: isoFromEpoch('1795435613.774851') });
  expect(s.typing).toBe(3);
  expect((s.events ?? []).filter((e) => e.kind === 'nudge')).toHaveLength(2);
  expect(r.contacts.filter((c) => c.groups.includes('Friends')).map((c) => c.account)).toEqual(expect.arrayContaining(['alice@example.com', 'bob@example.com']));
});
