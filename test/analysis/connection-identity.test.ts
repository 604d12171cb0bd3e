// Who is logged in on each connection, with which client and login method.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

describe('connection accounts, clients and login methods', () => {
  it('MSNP12 Passport login: CVR client, USR TWN, account from USR', () => {
    const [alice, bob] = runScript(captureScript('msnp12-pecan-escargot-login-presence-chat')).analysis.connections();
    expect(alice).toMatchObject({ role: 'notification', account: 'alice@example.com', clientVersion: 'MSNMSGR 6.0.0602', authMethod: 'TWN', version: 'MSNP12', versionSource: 'VER' });
    expect(bob).toMatchObject({ role: 'notification', account: 'bob@example.com', authMethod: 'TWN' });
  });

  it('MSNP18 SSO login keeps SSO although USR SHA A follows; switchboard accounts lose the ;{guid}', () => {
    const cs = runScript(captureScript('msnp18-pidgin-escargot-login-presence-chat')).analysis.connections();
    expect(cs.map((c) => [c.role, c.account, c.authMethod])).toEqual([
      ['notification', 'alice@example.com', 'SSO'],
      ['notification', 'bob@example.com', 'SSO'],
      ['switchboard', 'alice@example.com', null],
      ['switchboard', 'bob@example.com', null],
    ]);
    expect(cs[0].clientVersion).toBe('MSNMSGR 8.5.1302');
  });

  it('first and last frame, times and command count per connection', () => {
    const [alice] = runScript(captureScript('msnp12-pecan-escargot-login-presence-chat')).analysis.connections();
    // VER in frame 4 (1795435459.303467 s); the server's FIN in frame 291 closes it; 52 command
    // lines of connection 1 in the script (grep -c '^[0-9]*@[0-9]* 1 [CS]:').
    expect(alice.firstFrame).toBe(4);
    expect(alice.lastFrame).toBe(291);
    expect(alice.firstTime).toBe('2026-11-23T12:04:19.303467Z');
    expect(alice.commands).toBe(52);
  });

  it('a switchboard seen from the middle learns its account from a typing notification', () => {
    const [c] = runScript(captureScript('msnms-2005-wireshark-sample')).analysis.connections();
    expect(c).toMatchObject({ role: 'switchboard', account: 'jujurius@msn.com' });
  });

  it('a notification connection without login learns its account from the switchboards it sent (RNG → ANS)', () => {
    const cs = runScript(captureScript('msnms-2005-wireshark-sample')).analysis.connections();
    const ns = cs.find((c) => c.role === 'notification');
    expect(ns?.account).toBe('jujurius@msn.com');
  });

  it('a switchboard login links to its notification connection by cookie; its account loses case and ;{guid}', () => {
    const r = runScript(`
conn 1 10.0.0.2:1025 10.0.0.1:1863
conn 2 10.0.0.2:1026 10.0.0.3:1863
1 1 C: USR 3 TWN I alice@example.com
2 1 S: USR 3 OK alice@example.com Alice 1
3 1 C: XFR 4 SB
4 1 S: XFR 4 SB 10.0.0.3:1863 CKI 17262740.1050826919.32308
5 2 C: USR 1 ALICE@example.com;{42B97F22-15C1-2133-28B8-864229612F7E} 17262740.1050826919.32308
`);
    const sb = r.analysis.connections()[1];
    expect(sb).toMatchObject({ role: 'switchboard', account: 'alice@example.com', notificationConnection: 1 });
  });
});
