// Nick precedence (issue 10): a switchboard session names its participants by the nicks of its
// own commands (IRO, JOI) before a nick seen elsewhere, even one seen later. Synthetic MSNP8
// capture (command syntax of PROTOCOL.md, hypothetic.org's MSNP8 pages), built with test/helpers:
// - alice's notification connection: login as "Alice", bob's RNG, and — after the chat — bob's
//   NLN renaming him "Bob (later)".
// - alice's switchboard: ANS, then `IRO 1 1 2 bob Bob%20(sb)` and `IRO 1 2 2 carol Carol%20(sb)`;
//   bob's typing notification (its MSG line carries the nick "Bob%20(sb)" too), carol leaves.
// Expected: bob and carol named as the session's IRO did; alice by her own login; the later
// NLN's nick is in the contacts' presence, not in the session.
import { describe, expect, it } from 'vitest';
import { analyzeFrames, conversationAt, mime, payloadCommand, T0_US, timeline } from './synthetic';

const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';
const CAROL = 'carol@hotmail.com';
const NS = { ip: '64.4.13.58', port: 1863 };
const SB = { ip: '207.46.108.38', port: 1863 };
const at = (seconds: number): number => T0_US + seconds * 1_000_000;

const aliceNs = conversationAt(at(0), {
  client: { ip: '10.0.0.1', port: 1025 },
  server: NS,
  fin: false,
  messages: [
    { from: 'client', payload: 'VER 1 MSNP8 CVR0\r\n' },
    { from: 'server', payload: 'VER 1 MSNP8\r\n' },
    { from: 'client', payload: `USR 2 TWN I ${ALICE}\r\n` },
    { from: 'server', payload: `USR 2 OK ${ALICE} Alice 1 0\r\n` },
    { from: 'server', payload: `RNG 11752013 ${SB.ip}:${SB.port} CKI 849102291.520491113 ${BOB} Bob%20(sb)\r\n`, tsUs: at(2) },
    { from: 'server', payload: `NLN NLN ${BOB} Bob%20(later) 0\r\n`, tsUs: at(20) },
  ],
});

const typing = mime(['MIME-Version: 1.0', 'Content-Type: text/x-msmsgscontrol', `TypingUser: ${BOB}`], '\r\n');
const aliceSb = conversationAt(at(3), {
  client: { ip: '10.0.0.1', port: 1028 },
  server: SB,
  messages: [
    { from: 'client', payload: `ANS 1 ${ALICE} 849102291.520491113 11752013\r\n` },
    { from: 'server', payload: `IRO 1 1 2 ${BOB} Bob%20(sb)\r\n` },
    { from: 'server', payload: `IRO 1 2 2 ${CAROL} Carol%20(sb)\r\n` },
    { from: 'server', payload: 'ANS 1 OK\r\n' },
    { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob%20(sb)`, typing), tsUs: at(5) },
    { from: 'server', payload: `BYE ${CAROL}\r\n`, tsUs: at(6) },
  ],
});

const result = await analyzeFrames(timeline(aliceNs, aliceSb));

describe("a session's participants are named by the session's own commands first", () => {
  it('names bob and carol by the IRO nicks, not by a nick seen later on another connection', () => {
    expect(result.sessions).toHaveLength(1);
    const nicks = Object.fromEntries(result.sessions[0].participants.map((p) => [p.account, p.nick]));
    expect(nicks).toEqual({ [ALICE]: 'Alice', [BOB]: 'Bob (sb)', [CAROL]: 'Carol (sb)' });
  });

  it('keeps the later nick where it was seen: the notification connection\'s presence', () => {
    expect(result.presence.filter((p) => p.account === BOB).map((p) => p.nick)).toEqual(['Bob (later)']);
  });
});
