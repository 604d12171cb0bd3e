// Contact lists and groups from LSG/LST (three shapes by version), list changes, ADL XML.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

const NS = 'conn 1 10.0.0.2:1025 10.0.0.1:1863\n';

describe('contacts', () => {
  it('the MSNP12 captures: everyone in "Friends" (LSG name guid, LST N= F= C= lists net group)', () => {
    expect(runScript(captureScript('msnp12-pecan-escargot-login-presence-chat')).analysis.contacts()).toEqual([
      { account: 'alice@example.com', nick: 'Alice', groups: ['Friends'], lists: ['FL', 'AL', 'RL'] },
      { account: 'bob@example.com', nick: 'Bob', groups: ['Friends'], lists: ['FL', 'AL', 'RL'] },
      { account: 'carol@example.com', nick: 'Carol', groups: ['Friends'], lists: ['FL', 'AL', 'RL'] },
    ]);
  });

  it('MSNP15/18 send the list as ADL XML: lists without groups, nicks from presence', () => {
    expect(runScript(captureScript('msnp18-pidgin-escargot-login-presence-chat')).analysis.contacts()).toEqual([
      { account: 'alice@example.com', nick: 'Alice', groups: [], lists: ['FL', 'AL'] },
      { account: 'bob@example.com', nick: 'Bob', groups: [], lists: ['FL', 'AL'] },
      { account: 'carol@example.com', nick: '', groups: [], lists: ['FL', 'AL'] },
    ]);
  });

  it('MSNP8–9 shapes: `LSG id name 0`, `LST account nick lists groups` (URL-decoded names)', () => {
    const r = runScript(`${NS}1 1 S: LSG 0 Other%20Contacts 0
2 1 S: LSG 1 Coworkers 0
3 1 S: LST example@passport.com Mike 13 0,1
4 1 S: LST name_123@hotmail.com name%20123 2
`);
    expect(r.analysis.contacts()).toEqual([
      { account: 'example@passport.com', nick: 'Mike', groups: ['Coworkers', 'Other Contacts'], lists: ['FL', 'BL', 'RL'] },
      { account: 'name_123@hotmail.com', nick: 'name 123', groups: [], lists: ['AL'] },
    ]);
  });

  it('MSNP2–7 shapes: `LSG TrID ver i n id name 0`, `LST TrID list ver i n account nick [group]`', () => {
    const r = runScript(`${NS}1 1 C: SYN 8 0
2 1 S: SYN 8 34
3 1 S: LSG 8 34 1 2 0 Other%20Contacts 0
4 1 S: LSG 8 34 2 2 1 Friends 0
5 1 S: LST 8 FL 34 1 1 bob@example.com Bob 1
6 1 S: LST 8 AL 34 1 1 bob@example.com Bob
`);
    expect(r.analysis.contacts()).toEqual([{ account: 'bob@example.com', nick: 'Bob', groups: ['Friends'], lists: ['FL', 'AL'] }]);
  });

  it('raw UTF-8 group names are kept (the 2011 Chinese LSG lines)', () => {
    const r = runScript(`${NS}1 1 S: LSG 同学 6a8d2e1c-1234-4c5d-9e8f-0123456789ab
2 1 S: LST N=bob@example.com F=%E9%B2%8D%E5%8B%83 C=7798defe-edae-42ec-9214-3495f6ac51c2 1 6a8d2e1c-1234-4c5d-9e8f-0123456789ab
`);
    expect(r.analysis.contacts()).toEqual([{ account: 'bob@example.com', nick: '鲍勃', groups: ['同学'], lists: ['FL'] }]);
  });

  it('group ids are per list owner: two users with their own "Friends" guid both resolve', () => {
    const r = runScript(captureScript('msnp12-pecan-escargot-file-transfer-p2p'));
    expect(r.analysis.contacts().map((c) => c.groups)).toEqual([['Friends'], ['Friends'], ['Friends']]);
  });

  it('changes: ADG, ADC into a group, REG rename, REM from the group, RMG', () => {
    const g = '2f6e1a54-1c3c-4f5e-9d2a-0a1b2c3d4e5f';
    const c = '7798defe-edae-42ec-9214-3495f6ac51c2';
    const base = `${NS}1 1 C: ADG 10 Work
2 1 S: ADG 10 Work ${g}
3 1 C: ADC 11 FL N=dave@example.com F=Dave
4 1 S: ADC 11 FL N=dave@example.com F=Dave C=${c}
5 1 C: ADC 12 FL C=${c} ${g}
6 1 S: ADC 12 FL C=${c} ${g}
7 1 S: REG 13 ${g} Office
`;
    expect(runScript(base).analysis.contacts()).toEqual([{ account: 'dave@example.com', nick: 'Dave', groups: ['Office'], lists: ['FL'] }]);
    const removed = runScript(`${base}8 1 S: REM 14 FL ${c} ${g}\n9 1 S: RMG 15 ${g}\n10 1 S: REM 16 AL dave@example.com\n`);
    expect(removed.analysis.contacts()).toEqual([{ account: 'dave@example.com', nick: 'Dave', groups: [], lists: ['FL'] }]);
  });

  it('MSNP≤9 ADD/REA replies carry a list version', () => {
    const r = runScript(`${NS}1 1 S: USR 6 OK me@example.com Me 1
2 1 S: ADD 20 FL 31 eve@example.com Eve 0
3 1 S: REA 21 32 eve@example.com Evie
4 1 S: REA 22 33 me@example.com New%20Me
`);
    expect(r.analysis.contacts()).toEqual([{ account: 'eve@example.com', nick: 'Evie', groups: ['0'], lists: ['FL'] }]);
    expect(r.analysis.connections()[0].account).toBe('me@example.com');
  });

  it("the server's unsolicited ADL (someone added the user) names lists and friendly name", () => {
    const r = runScript(`${NS}1 1 S: ADL 0 73
| <ml><d n="example.com"><c n="frank" t="1" l="8" f="Frank%20F" /></d></ml>
`);
    expect(r.analysis.contacts()).toEqual([{ account: 'frank@example.com', nick: 'Frank F', groups: [], lists: ['RL'] }]);
  });

  it('RML takes contacts off lists', () => {
    const r = runScript(`${NS}1 1 C: ADL 7 63
| <ml l="1"><d n="example.com"><c n="bob" l="3" t="1" /></d></ml>
2 1 C: RML 8 57
| <ml><d n="example.com"><c n="bob" l="2" t="1" /></d></ml>
`);
    expect(r.analysis.contacts()).toEqual([{ account: 'bob@example.com', nick: '', groups: [], lists: ['FL'] }]);
  });
});
