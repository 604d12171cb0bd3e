// Line splitting and TrID rules: which verbs carry a TrID, by direction and shape.
import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/shared/model';
import { parseCommandLine } from '../../src/main/engine/msnp/command-syntax';

const trid = (line: string, dir: Direction, version: number | null = null): number | null => parseCommandLine(line, dir, version).trid;

describe('parseCommandLine: verb and params', () => {
  it('splits verb and parameters (TrID included in params)', () => {
    expect(parseCommandLine('XFR 19 SB 207.46.108.59:1863 CKI 246503.1115372323.20879', 's2c', null)).toEqual({
      verb: 'XFR', params: ['19', 'SB', '207.46.108.59:1863', 'CKI', '246503.1115372323.20879'], trid: 19,
    });
  });
  it('accepts a bare verb', () => {
    expect(parseCommandLine('PNG', 'c2s', null)).toEqual({ verb: 'PNG', params: [], trid: null });
  });
  it('ignores doubled and trailing spaces', () => {
    expect(parseCommandLine('CHG 11 NLN  0 ', 'c2s', 12).params).toEqual(['11', 'NLN', '0']);
  });
  it('accepts 3-digit error verbs with their TrID', () => {
    expect(parseCommandLine('205 21', 's2c', 9)).toEqual({ verb: '205', params: ['21'], trid: 21 });
  });
  it('keeps raw UTF-8 parameters as decoded text', () => {
    expect(parseCommandLine('LSG 好友 45c924cd', 's2c', 12).params).toEqual(['好友', '45c924cd']);
  });
});

describe('parseCommandLine: malformed lines are kept with a reason', () => {
  it.each([
    ['', 'empty line'],
    [' MSG 1 U 3', 'line starts with a space'],
    ['MIME-Version: 1.0', 'not an MSNP command line'],
    ['MSGX 1 U 3', 'not an MSNP command line'],
    ['MS', 'not an MSNP command line'],
    ['12 34', 'not an MSNP command line'],
    ['\u0000\u0001binary', 'not an MSNP command line'],
  ])('%j → %s', (line, reason) => {
    const p = parseCommandLine(line, 'c2s', null);
    expect(p.verb).toBe('');
    expect(p.malformed).toBe(reason);
  });
  it('lower-case verbs are malformed but keep verb and params (so their body can be framed)', () => {
    const p = parseCommandLine('msg 5 U 12', 'c2s', 9);
    expect(p).toEqual({ verb: 'MSG', params: ['5', 'U', '12'], trid: 5, malformed: 'lower-case verb "msg"' });
  });
});

describe('commandTrid: asynchronous server commands have none', () => {
  it.each([
    'NLN NLN bob@example.com Bob 1342472228 %3Cmsnobj%2F%3E',
    'FLN bob@example.com',
    'RNG 17069658 207.46.108.83:1863 CKI 1115371039.15845 cecile260992@hotmail.com choupi',
    'JOI bob@example.com Bob 1342472228',
    'BYE bob@example.com',
    'IPG 264',
    'NOT 1337',
    'UBX jeromecardoche@hotmail.com 53',
    'UBN bob@example.com 5 40',
    'UBM yahoo@yahoo.com 32 1 66',
    'MSG cecile260992@hotmail.com choupi 97',
    'MSG Hotmail Hotmail 1442',
    'QNG 50',
    'PNG',
    'OUT OTH',
    'NFY PUT 700',
    'SDG 0 420',
    'LST N=alice@example.com F=Alice C=902db367 11 1 546c70ae',
    'LSG 0 Other%20Contacts 0',
    'GTC A',
    'BLP AL',
    'PRP MFN Alice',
  ])('%s', (line) => {
    expect(trid(line, 's2c', null)).toBeNull();
  });
});

describe('commandTrid: commands that carry one', () => {
  it.each([
    ['IRO 89 1 1 cecile260992@hotmail.com choupi', 's2c', 89],
    ['ILN 6 NLN alice@example.com Alice 1342472228 %3Cmsnobj%2F%3E', 's2c', 6],
    ['CHL 0 29409134351025259292', 's2c', 0],
    ['GCF 0 1187', 's2c', 0],
    ['ADL 0 88', 's2c', 0],
    ['SBS 0 null', 's2c', 0],
    ['ACK 12', 's2c', 12],
    ['CAL 2 RINGING ae61b54d3fe036e3a890152f3235c9b', 's2c', 2],
    ['USR 4 OK alice@example.com 1 0', 's2c', 4],
    ['MSG 88 N 359', 'c2s', 88],
    ['SDG 7 412', 'c2s', 7],
    ['ANS 89 jujurius@msn.com 1115371039.15845 17069658', 'c2s', 89],
  ] as const)('%s', (line, dir, expected) => {
    expect(trid(line, dir, null)).toBe(expected);
  });
  it('LST and LSG carry a TrID only before MSNP8', () => {
    expect(trid('LST 11 RL 155 1 3 example@passport.com Example%20Name', 's2c', 7)).toBe(11);
    expect(trid('LST 11 RL 155 1 3 example@passport.com Example%20Name', 's2c', null)).toBe(11);
    expect(trid('LSG 0 Other%20Contacts 0', 's2c', 8)).toBeNull();
  });
  it('a TrID must fit 32 bits', () => {
    expect(trid('ACK 99999999999', 's2c')).toBeNull();
    expect(trid('ACK 4294967295', 's2c')).toBe(4294967295);
  });
});
