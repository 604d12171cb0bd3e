// Presence seen by two clients, and a switchboard session's nicks, on a synthetic MSNP8 capture
// (command syntax of PROTOCOL.md and hypothetic.org's MSNP8 pages):
// - alice's and bob's notification connections both get carol's NLN, then her AWY (0.2 s apart),
//   and carol's NLN again 30 s later; alice's own CHG NLN is seen by bob as an ILN 0.5 s later.
// - alice, invited by RNG, answers (ANS) with the nick her notification connection knows
//   ("Alice (home)", from its USR OK); bob's switchboard then gets `JOI alice Alice%20(chat)`
//   and the relay's `MSG alice Alice%20(chat)`: the session names her as it saw her.
// Expected values are those written below.
import { describe, expect, it } from 'vitest';
import { textReport } from '../../src/main/report/text-report';
import { analyzeFrames, chatMime, conversationAt, frameContaining, payloadCommand, T0_US, timeline, type FrameSpec } from './synthetic';

const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';
const CAROL = 'carol@hotmail.com';
const NS = { ip: '64.4.13.58', port: 1863 };
const SB = { ip: '207.46.108.38', port: 1863 };
const SECOND = 1_000_000;
const at = (seconds: number): number => T0_US + seconds * SECOND;

type Line = { from: 'client' | 'server'; payload: string | Uint8Array; tsUs?: number };

function login(account: string, nick: string, t: number): Line[] {
  return [
    { from: 'client', payload: 'VER 1 MSNP8 CVR0\r\n', tsUs: at(t) },
    { from: 'server', payload: 'VER 1 MSNP8\r\n' },
    { from: 'client', payload: `USR 2 TWN I ${account}\r\n` },
    { from: 'server', payload: `USR 2 OK ${account} ${nick} 1 0\r\n` },
  ];
}

const aliceNs = conversationAt(at(0), {
  client: { ip: '10.0.0.1', port: 1025 },
  server: NS,
  fin: false,
  messages: [
    ...login(ALICE, 'Alice%20(home)', 0),
    { from: 'client', payload: 'CHG 3 NLN 0\r\n', tsUs: at(1) },
    { from: 'server', payload: 'CHG 3 NLN 0\r\n' },
    { from: 'server', payload: `NLN NLN ${CAROL} Carol 0\r\n`, tsUs: at(2) },
    { from: 'server', payload: `NLN AWY ${CAROL} Carol 0\r\n`, tsUs: at(3) },
    { from: 'server', payload: `RNG 11752013 ${SB.ip}:${SB.port} CKI 849102291.520491113 ${BOB} Bob\r\n`, tsUs: at(5) },
    { from: 'server', payload: `NLN NLN ${CAROL} Carol 0\r\n`, tsUs: at(33) },
  ],
});

const bobNs = conversationAt(at(0.3), {
  client: { ip: '10.0.0.2', port: 1026 },
  server: NS,
  fin: false,
  messages: [
    ...login(BOB, 'Bob', 0.3),
    { from: 'client', payload: 'CHG 3 NLN 0\r\n', tsUs: at(1.4) },
    { from: 'server', payload: 'CHG 3 NLN 0\r\n' },
    { from: 'server', payload: `ILN 3 NLN ${ALICE} Alice%20(home) 0\r\n`, tsUs: at(1.5) },
    { from: 'server', payload: `NLN NLN ${CAROL} Carol 0\r\n`, tsUs: at(2.2) },
    { from: 'server', payload: `NLN AWY ${CAROL} Carol 0\r\n`, tsUs: at(3.2) },
    { from: 'client', payload: 'XFR 4 SB\r\n', tsUs: at(4) },
    { from: 'server', payload: `XFR 4 SB ${SB.ip}:${SB.port} CKI 17262740.1050826919.32308\r\n` },
  ],
});

const bobSb = conversationAt(at(4.1), {
  client: { ip: '10.0.0.2', port: 1027 },
  server: SB,
  messages: [
    { from: 'client', payload: `USR 1 ${BOB} 17262740.1050826919.32308\r\n`, tsUs: at(4.1) },
    { from: 'server', payload: `USR 1 OK ${BOB} Bob\r\n` },
    { from: 'client', payload: `CAL 2 ${ALICE}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 11752013\r\n' },
    { from: 'server', payload: `JOI ${ALICE} Alice%20(chat)\r\n`, tsUs: at(6.5) },
    { from: 'server', payload: payloadCommand(`MSG ${ALICE} Alice%20(chat)`, chatMime('hi bob')), tsUs: at(7.5) },
  ],
});

const aliceSb = conversationAt(at(6), {
  client: { ip: '10.0.0.1', port: 1028 },
  server: SB,
  messages: [
    { from: 'client', payload: `ANS 1 ${ALICE} 849102291.520491113 11752013\r\n`, tsUs: at(6) },
    { from: 'server', payload: `IRO 1 1 1 ${BOB} Bob\r\n` },
    { from: 'server', payload: 'ANS 1 OK\r\n' },
    { from: 'client', payload: payloadCommand('MSG 2 N', chatMime('hi bob')), tsUs: at(7.4) },
  ],
});

const frames: FrameSpec[] = timeline(aliceNs, bobNs, bobSb, aliceSb);
const result = await analyzeFrames(frames);
const aliceConn = result.connections.find((c) => c.client === '10.0.0.1:1025')!.id;
const bobConn = result.connections.find((c) => c.client === '10.0.0.2:1026')!.id;
const frameOf = (text: string, from = 1): number => frameContaining(frames, text, from);

describe('presence seen by two clients', () => {
  const observers = (status: string, account: string) =>
    result.presence.filter((p) => p.account === account && p.status === status).map((p) => [p.frame, p.seenBy.map((o) => [o.account, o.frame])]);

  it("folds alice's own CHG and bob's ILN for her into one change seen by both", () => {
    expect(observers('NLN', ALICE)).toEqual([[frameOf('CHG 3 NLN'), [[ALICE, frameOf('CHG 3 NLN')], [BOB, frameOf(`ILN 3 NLN ${ALICE}`)]]]]);
  });

  it("lists carol's changes once each with both observers, and a repeat 30 s later as a new sighting", () => {
    const firstNln = frameOf(`NLN NLN ${CAROL}`);
    const bobNln = frameOf(`NLN NLN ${CAROL}`, firstNln + 1);
    const firstAwy = frameOf(`NLN AWY ${CAROL}`);
    const bobAwy = frameOf(`NLN AWY ${CAROL}`, firstAwy + 1);
    const late = frameOf(`NLN NLN ${CAROL}`, bobNln + 1);
    expect(observers('NLN', CAROL)).toEqual([
      [firstNln, [[ALICE, firstNln], [BOB, bobNln]]],
      [late, [[ALICE, late]]],
    ]);
    expect(observers('AWY', CAROL)).toEqual([[firstAwy, [[ALICE, firstAwy], [BOB, bobAwy]]]]);
    // alice, bob (each seen by both), carol's NLN, AWY and NLN again.
    expect(result.presence).toHaveLength(5);
    expect(result.presence.every((p) => p.seenBy.every((o) => o.connection === (o.account === ALICE ? aliceConn : bobConn)))).toBe(true);
  });

  it('says who saw each change in the text report', () => {
    expect(textReport(result)).toContain(`${CAROL} AWY "Carol" (seen by ${ALICE} (#${aliceConn}, frame ${frameOf(`NLN AWY ${CAROL}`)}), ${BOB} (#${bobConn}, frame ${frameOf(`NLN AWY ${CAROL}`, frameOf(`NLN AWY ${CAROL}`) + 1)}))`);
  });
});

describe("a switchboard session's nicks", () => {
  it("names alice by the session's JOI and relayed MSG, not by her notification connection's nick", () => {
    expect(result.sessions).toHaveLength(1);
    const s = result.sessions[0];
    expect(s.participants).toEqual([
      { account: BOB, nick: 'Bob' },
      { account: ALICE, nick: 'Alice (chat)' },
    ]);
    // alice's own copy (7.4 s) is seen before the relay's (7.5 s), which names her.
    expect(s.messages.map((m) => [m.from, m.nick, m.text])).toEqual([[ALICE, 'Alice (chat)', 'hi bob']]);
  });
});
