// describeCommand on real lines from the captures (tshark -z follow,tcp,ascii) and seed 003:
// named parameters by verb/direction/version, decoded nicknames, summaries, error meanings.
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/shared/model';
import { describeCommand } from '../../src/main/engine/msnp/describe-command';
import { parseCommandLine } from '../../src/main/engine/msnp/command-syntax';

function describeLine(line: string, direction: Direction, version: number | null = null) {
  const p = parseCommandLine(line, direction, version);
  return describeCommand({ ...p, direction, line }, version);
}
const named = (line: string, direction: Direction, version: number | null = null): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const { name, value } of describeLine(line, direction, version).params) out[name] = out[name] === undefined ? value : `${out[name]}|${value}`;
  return out;
};

describe('describeCommand: 2005 Wireshark sample (MSNP11 shapes)', () => {
  it('XFR SB reply', () => {
    const line = 'XFR 19 SB 207.46.108.59:1863 CKI 246503.1115372323.20879';
    expect(describeLine(line, 's2c').summary).toBe(line);
    expect(named(line, 's2c')).toEqual({ TrID: '19', kind: 'SB', address: '207.46.108.59:1863', 'auth method': 'CKI', cookie: '246503.1115372323.20879' });
  });
  it('RNG invitation', () => {
    expect(named('RNG 17069658 207.46.108.83:1863 CKI 1115371039.15845 cecile260992@hotmail.com choupi', 's2c')).toEqual({
      'session id': '17069658', address: '207.46.108.83:1863', 'auth method': 'CKI', cookie: '1115371039.15845', inviter: 'cecile260992@hotmail.com', 'inviter nick': 'choupi',
    });
  });
  it('NLN with a URL-encoded nick and msnobj, decoded', () => {
    const line = 'NLN AWY jeromecardoche@hotmail.com jerome%20:%20"En%20RTT" 1073791012 %3Cmsnobj%20Creator%3D%22jeromecardoche%40hotmail.com%22%20Size%3D%224678%22%2F%3E';
    expect(named(line, 's2c')).toEqual({
      status: 'AWY', account: 'jeromecardoche@hotmail.com', nick: 'jerome : "En RTT"', capabilities: '1073791012',
      msnobj: '<msnobj Creator="jeromecardoche@hotmail.com" Size="4678"/>',
    });
    expect(describeLine(line, 's2c').summary).toBe('NLN AWY jeromecardoche@hotmail.com jerome : "En RTT" 1073791012 <msnobj Creator="jeromecardoche@hotmail.…(58 chars)');
  });
  it('ANS and IRO', () => {
    expect(named('ANS 89 jujurius@msn.com 1115371039.15845 17069658', 'c2s')).toEqual({ TrID: '89', account: 'jujurius@msn.com', cookie: '1115371039.15845', 'session id': '17069658' });
    expect(named('ANS 89 OK', 's2c')).toEqual({ TrID: '89', status: 'OK' });
    expect(named('IRO 89 1 1 cecile260992@hotmail.com choupi', 's2c')).toEqual({ TrID: '89', index: '1', count: '1', account: 'cecile260992@hotmail.com', nick: 'choupi' });
  });
  it('MSG both forms, QNG, UBX', () => {
    expect(named('MSG 88 N 359', 'c2s')).toEqual({ TrID: '88', 'ack mode': 'N', length: '359' });
    expect(named('MSG cecile260992@hotmail.com choupi 97', 's2c')).toEqual({ account: 'cecile260992@hotmail.com', nick: 'choupi', length: '97' });
    expect(named('QNG 45', 's2c')).toEqual({ 'seconds to next ping': '45' });
    expect(named('UBX jeromecardoche@hotmail.com 53', 's2c')).toEqual({ account: 'jeromecardoche@hotmail.com', length: '53' });
  });
});

describe('describeCommand: revival captures (MSNP12, 15, 18)', () => {
  it('VER and CVR', () => {
    expect(named('VER 1 MSNP15 CVR0', 'c2s', null)).toEqual({ TrID: '1', version: 'MSNP15|CVR0' });
    expect(named('CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS alice@example.com', 'c2s')).toEqual({
      TrID: '2', 'locale id': '0x0409', 'OS type': 'winnt', 'OS version': '5.1', 'CPU architecture': 'i386', 'client name': 'MSNMSGR', 'client version': '6.0.0602', 'client id': 'MSMSGS', account: 'alice@example.com',
    });
  });
  it('USR stages', () => {
    expect(named('USR 3 TWN I alice@example.com', 'c2s', 12)).toEqual({ TrID: '3', 'auth method': 'TWN', stage: 'I', account: 'alice@example.com' });
    expect(named('USR 3 SSO S MBI_KEY_OLD 7FePGHwugnhoVBg6bcLKFcF2DgHx6lAfi+2pSZYjMseIHVihTlp7Lbr1XnIqcDIU', 's2c', 15)).toMatchObject({ policy: 'MBI_KEY_OLD', nonce: '7FePGHwugnhoVBg6bcLKFcF2DgHx6lAfi+2pSZYjMseIHVihTlp7Lbr1XnIqcDIU' });
    expect(named('USR 5 SHA A PD94bWwgdmVyc2lvbj0i', 'c2s', 18)).toMatchObject({ 'circle ticket': 'PD94bWwgdmVyc2lvbj0i' });
    expect(named('USR 4 OK alice@example.com 1 0', 's2c', 12)).toEqual({ TrID: '4', status: 'OK', account: 'alice@example.com', verified: '1', kid: '0' });
    expect(named('USR 1 OK alice@example.com Alice', 's2c', 12)).toEqual({ TrID: '1', status: 'OK', account: 'alice@example.com', nick: 'Alice' });
    expect(named('USR 1 alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E} bdcdaebfad9d44bf1bf9', 'c2s', 18)).toEqual({
      TrID: '1', account: 'alice@example.com;{42B97F22-15C1-2133-28B8-864229612F7E}', 'auth cookie': 'bdcdaebfad9d44bf1bf9',
    });
  });
  it('shortens a long ticket in the summary, keeps it whole in params', () => {
    const ticket = `t=301b5b2aede023b359e2Y6+H31sTUOFkqjNTDYqAAFLr5Ote7BMrMnUIzpg860jh084QMgs5djRQLLQP0TVOFkKdWDwAJdEWcfsI9YL8otN9kSfhTaPHR1njHmG0H98O2NE`;
    const d = describeLine(`USR 4 TWN S ${ticket}`, 'c2s', 12);
    expect(d.summary).toBe(`USR 4 TWN S ${ticket.slice(0, 40)}…(${ticket.length} chars)`);
    expect(d.params.at(-1)).toEqual({ name: 'ticket', value: ticket });
  });
  it('network ids: MSNP15 ILN/FLN/UBX, MSNP18 prefixes', () => {
    expect(named('ILN 8 NLN alice@example.com 1 Alice 1342472228 %3Cmsnobj%2F%3E', 's2c', 15)).toEqual({
      TrID: '8', status: 'NLN', account: 'alice@example.com', 'network id': '1', nick: 'Alice', capabilities: '1342472228', msnobj: '<msnobj/>',
    });
    expect(named('NLN AWY bob@example.com 1 Bob 1342472228 %3Cmsnobj%2F%3E', 's2c', null)).toMatchObject({ 'network id': '1', nick: 'Bob' });
    expect(named('NLN NLN 1:bob@example.com Bob 2416181284:00 0', 's2c', 18)).toEqual({ status: 'NLN', account: '1:bob@example.com', nick: 'Bob', capabilities: '2416181284:00', msnobj: '0' });
    expect(named('FLN bob@example.com 1 0', 's2c', 15)).toEqual({ account: 'bob@example.com', 'network id': '1', capabilities: '0' });
    expect(named('FLN 1:bob@example.com 0:0', 's2c', 18)).toEqual({ account: '1:bob@example.com', capabilities: '0:0' });
    expect(named('UBX alice@example.com 1 134', 's2c', 15)).toEqual({ account: 'alice@example.com', 'network id': '1', length: '134' });
  });
  it('contact list sync (MSNP12)', () => {
    expect(named('LST N=alice@example.com F=Alice C=902db367-a112-431c-a70d-0c80b0087443 11 1 546c70ae-e755-4d92-b54a-608768192894', 's2c', 12)).toEqual({
      account: 'N=alice@example.com', nick: 'F=Alice', 'contact id': 'C=902db367-a112-431c-a70d-0c80b0087443', lists: '11', 'network id': '1', groups: '546c70ae-e755-4d92-b54a-608768192894',
    });
    expect(named('LSG Friends 45c924cd-0bec-431b-ab4d-502471cf289e', 's2c', 12)).toEqual({ 'group name': 'Friends', 'group id': '45c924cd-0bec-431b-ab4d-502471cf289e' });
    expect(named('SYN 5 2000-01-01T00:00:00.0-00:00 2000-01-01T00:00:00.0-00:00 2 1', 's2c', 12)).toEqual({
      TrID: '5', 'list version': '2000-01-01T00:00:00.0-00:00', 'settings version': '2000-01-01T00:00:00.0-00:00', contacts: '2', groups: '1',
    });
    expect(named('CHG 13 NLN 2416181284:00 0', 'c2s', 18)).toEqual({ TrID: '13', status: 'NLN', capabilities: '2416181284:00', msnobj: '0' });
    expect(named('PRP MFN Alice', 's2c', 12)).toEqual({ property: 'MFN', value: 'Alice' });
  });
});

describe('describeCommand: seed 003 (MSNP9) list replies and errors', () => {
  it('inserted list versions', () => {
    expect(named('RMG 24 3', 'c2s', 9)).toEqual({ TrID: '24', 'group id': '3' });
    expect(named('RMG 24 11506 3', 's2c', 9)).toEqual({ TrID: '24', 'list version': '11506', 'group id': '3' });
    expect(named('BLP 17 151 BL', 's2c', 9)).toEqual({ TrID: '17', 'list version': '151', setting: 'BL' });
    expect(named('REG 25 3 New%20Name 0', 'c2s', 9)).toEqual({ TrID: '25', 'group id': '3', 'group name': 'New Name', unused: '0' });
    expect(named('REA 18 one@hotmail.com kill%20microsoft', 'c2s', 9)).toEqual({ TrID: '18', account: 'one@hotmail.com', nick: 'kill microsoft' });
  });
  it('errors carry their meaning', () => {
    const d = describeLine('209 18', 's2c', 9);
    expect(d.summary).toBe('209 18 (invalid friendly name)');
    expect(d.params).toEqual([{ name: 'TrID', value: '18' }, { name: 'meaning', value: 'invalid friendly name' }]);
    expect(describeLine('241 7 90', 's2c', 15).params.map((p) => p.name)).toEqual(['TrID', 'length', 'meaning']);
    expect(describeLine('999 1', 's2c', 9).summary).toBe('999 1 (unknown error)');
  });
});

describe('describeCommand: odd input', () => {
  it('malformed lines', () => {
    const d = describeCommand({ verb: '', params: [], trid: null, direction: 'c2s', line: 'Hello there', malformed: 'not an MSNP command line' }, null);
    expect(d).toEqual({ summary: 'Malformed line "Hello there" (not an MSNP command line)', params: [] });
  });
  it('a malformed but framed command keeps its reason in the summary', () => {
    expect(describeCommand({ verb: 'MSG', params: ['3', 'N', '10'], trid: 3, direction: 'c2s', line: 'MSG 3 N 10', malformed: 'incomplete body' }, 12).summary).toBe('MSG 3 N 10 [incomplete body]');
  });
  it('unknown verbs and extra parameters get positional names', () => {
    expect(named('ZZZ 4 a b', 'c2s')).toEqual({ TrID: '4', 'param 2': 'a', 'param 3': 'b' });
    expect(named('QNG 45 extra', 's2c')).toEqual({ 'seconds to next ping': '45', 'param 2': 'extra' });
  });
});
