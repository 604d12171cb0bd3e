// Golden tests: MSNP15 (scripted client, real server) and MSNP18 (Pidgin) against Escargot.
// Expected values: the captures' README (story and texts), tshark (frames of first sightings,
// command counts via test/tools/count-commands-tshark.py).
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';
import { analyze } from './golden-helpers';

describe('MSNP15 SSO login and chat', () => {
  let r: AnalysisResult;
  beforeAll(async () => {
    r = await analyze(CAPTURES.msnp15Sso);
  });
  it('counts commands, including GCF 0 len and ADL bodies', () => {
    expect(r.commandCounts).toEqual({
      ACK: 3, ADL: 4, ANS: 2, BLP: 4, BYE: 1, CAL: 2, CHG: 8, CVR: 4, FLN: 1, GCF: 2, ILN: 1, IRO: 1, JOI: 1, MSG: 14,
      NLN: 3, OUT: 4, PRP: 4, RNG: 1, SBS: 2, UBX: 2, USR: 10, UUX: 4, VER: 4, XFR: 2,
    });
  });
  it('reads the SSO logins and the chat', () => {
    expect(r.connections.map((c) => [c.role, c.version, c.account])).toEqual([
      ['notification', 'MSNP15', 'alice@example.com'],
      ['notification', 'MSNP15', 'bob@example.com'],
      ['switchboard', 'MSNP15', 'alice@example.com'],
      ['switchboard', 'MSNP15', 'bob@example.com'],
    ]);
    expect(r.connections[0].authMethod).toBe('SSO');
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0].messages.map((m) => [m.from, m.text])).toEqual([
      ['alice@example.com', 'Hello Bob, scripted MSNP15 client here.'],
      ['bob@example.com', '你好 Alice! 收到了。'],
      ['alice@example.com', 'Bye!'],
    ]);
    expect(r.sessions[0].typing).toBe(2);
  });
});

describe('MSNP18 Pidgin: network prefixes and points of presence', () => {
  let r: AnalysisResult;
  beforeAll(async () => {
    r = await analyze(CAPTURES.msnp18Pidgin);
  });
  it('counts commands', () => {
    expect(r.commandCounts).toEqual({
      ACK: 5, ADL: 4, ANS: 2, BLP: 8, BYE: 2, CAL: 2, CHG: 12, CVR: 4, FLN: 1, GCF: 2, IRO: 2, JOI: 3, MSG: 30, NLN: 18,
      OUT: 3, PRP: 4, RNG: 1, SBS: 2, UBX: 21, USR: 14, UUX: 20, VER: 4, XFR: 2,
    });
  });
  it('names accounts without the ;{machine-guid} and 1: prefixes everywhere', () => {
    const json = JSON.stringify({ c: r.connections, s: r.sessions, p: r.presence, k: r.contacts });
    expect(json).not.toMatch(/\{42B97F22|\{960748A6|"1:/i);
    expect(r.sessions[0].participants.map((p) => p.account)).toEqual(['alice@example.com', 'bob@example.com']);
  });
  it('rebuilds the chat once, with both nudges and one leave per person despite two BYE forms', () => {
    const s = r.sessions[0];
    expect(s.messages.map((m) => [m.frame, m.from, m.text])).toEqual([
      [325, 'alice@example.com', 'Hi Bob! This is message 1 from Alice.'],
      [344, 'bob@example.com', 'Hello Alice, Bob here (message 2).'],
      [354, 'alice@example.com', '你好，鲍勃！今天天气很好。'],
      [364, 'bob@example.com', '是的，我们去公园吧 🙂 Ça va? Grüße!'],
      [378, 'alice@example.com', 'Last message from Alice. Bye!'],
    ]);
    const events = (s.events ?? []).filter((e) => e.kind === 'nudge' || e.kind === 'leave').map((e) => [e.kind, e.account]);
    expect(events).toEqual([['nudge', 'alice@example.com'], ['nudge', 'bob@example.com'], ['leave', 'bob@example.com'], ['leave', 'alice@example.com']]);
  });
  it('takes groups from the cleartext SOAP address book (MSNP13+ has no LSG/LST)', () => {
    const pair = r.contacts.filter((c) => c.account === 'alice@example.com' || c.account === 'bob@example.com');
    expect(pair.map((c) => [c.account, c.groups])).toEqual([['alice@example.com', ['Friends']], ['bob@example.com', ['Friends']]]);
  });
  it('follows presence with personal messages and FLN', () => {
    expect(r.presence.some((p) => p.account === 'alice@example.com' && p.personalMessage === 'Alice is testing MSNP18')).toBe(true);
    const bob = r.presence.filter((p) => p.account === 'bob@example.com').map((p) => p.status);
    expect(bob.filter((s, i) => s !== bob[i - 1])).toEqual(['NLN', 'AWY', 'NLN', 'BSY', 'FLN']);
  });
});
