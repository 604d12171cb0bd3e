// Switchboards are linked to their notification connection by cookie (XFR/RNG → USR/ANS) and
// joined into one session by switchboard session id (RNG/ANS sid; the caller's CAL RINGING sid).
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

// alice asks for a switchboard and calls bob; bob is rung and answers (MSNP12 capture shapes).
const CALLER_NS = `
conn 1 127.0.0.1:33904 127.0.0.1:1863
conn 2 127.0.0.1:33908 127.0.0.1:1863
conn 3 127.0.0.1:36844 127.0.0.1:1864
conn 4 127.0.0.1:36858 127.0.0.1:1864
187 1 C: XFR 15 SB
188 1 S: XFR 15 SB 127.0.0.1:1864 CKI f6b5960cd1e6737461a6
192 3 C: USR 1 alice@example.com f6b5960cd1e6737461a6
194 3 S: USR 1 OK alice@example.com Alice
196 3 C: CAL 2 bob@example.com
197 2 S: RNG ae61b54d3fe036e3a890152f3235c9b 127.0.0.1:1864 CKI f74c2a6c047eb226c25c alice@example.com Alice
`;

describe('linking switchboards to notification connections', () => {
  it('XFR SB cookie → USR on the switchboard; RNG cookie → ANS', () => {
    const r = runScript(`${CALLER_NS}
199 3 S: CAL 2 RINGING ae61b54d3fe036e3a890152f3235c9b
203 4 C: ANS 1 bob@example.com f74c2a6c047eb226c25c ae61b54d3fe036e3a890152f3235c9b
`);
    const cs = r.analysis.connections();
    expect(cs[2]).toMatchObject({ role: 'switchboard', notificationConnection: 1, account: 'alice@example.com' });
    expect(cs[3]).toMatchObject({ role: 'switchboard', notificationConnection: 2, account: 'bob@example.com' });
    expect(cs[1].account).toBe('bob@example.com');
  });

  it('both sides of one switchboard are one session (RINGING seen before ANS)', () => {
    const r = runScript(`${CALLER_NS}
199 3 S: CAL 2 RINGING ae61b54d3fe036e3a890152f3235c9b
203 4 C: ANS 1 bob@example.com f74c2a6c047eb226c25c ae61b54d3fe036e3a890152f3235c9b
`);
    const sessions = r.analysis.sessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ id: 1, connections: [3, 4], sbSessionId: 'ae61b54d3fe036e3a890152f3235c9b' });
    expect(r.analysis.sessionOf(3)).toBe(1);
    expect(r.analysis.sessionOf(4)).toBe(1);
    expect(r.analysis.sessionOf(1)).toBeNull();
  });

  it('… and also when the callee answers before the caller sees RINGING (the sessions merge)', () => {
    const r = runScript(`${CALLER_NS}
203 4 C: ANS 1 bob@example.com f74c2a6c047eb226c25c ae61b54d3fe036e3a890152f3235c9b
205 4 S: IRO 1 1 1 alice@example.com Alice 1342472228
207 4 S: ANS 1 OK
208 3 S: CAL 2 RINGING ae61b54d3fe036e3a890152f3235c9b
209 3 S: JOI bob@example.com Bob 1342472228
`);
    const sessions = r.analysis.sessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].connections).toEqual([3, 4]);
    expect(sessions[0].participants.map((p) => p.account)).toEqual(['alice@example.com', 'bob@example.com']);
    const cs = r.analysis.connections();
    expect(cs[2].session).toBe(sessions[0].id);
    expect(cs[3].session).toBe(sessions[0].id);
    // One join per person, although each side saw the other arrive.
    expect(sessions[0].events?.filter((e) => e.kind === 'join').map((e) => [e.frame, e.account])).toEqual([
      [194, 'alice@example.com'],
      [207, 'bob@example.com'],
    ]);
  });

  it('different switchboard session ids stay different sessions (2005 sample: three RNGs, one XFR)', () => {
    const r = runScript(captureScript('msnms-2005-wireshark-sample'));
    const sessions = r.analysis.sessions();
    expect(sessions.map((s) => s.sbSessionId)).toEqual([null, '17069658', '376776', '145462', '246503']);
    const cs = r.analysis.connections();
    const ns = cs.find((c) => c.role === 'notification')?.id;
    // Every switchboard but the first (it started before the capture) was sent by the NS.
    expect(cs.filter((c) => c.role === 'switchboard').map((c) => c.notificationConnection)).toEqual([null, ns, ns, ns, ns]);
  });

  it('the revival captures: each switchboard seen from both clients is one session', () => {
    for (const name of ['msnp12-pecan-escargot-login-presence-chat', 'msnp15-scripted-client-escargot-sso-login', 'msnp18-pidgin-escargot-login-presence-chat', 'msnp12-pecan-escargot-file-transfer-p2p']) {
      const sessions = runScript(captureScript(name)).analysis.sessions();
      expect(sessions, name).toHaveLength(1);
      expect(sessions[0].connections, name).toHaveLength(2);
    }
  });

  it('annotations carry the session of the command', () => {
    const r = runScript(`${CALLER_NS}
199 3 S: CAL 2 RINGING ae61b54d3fe036e3a890152f3235c9b
`);
    expect(r.at(199).session).toBe(1);
    expect(r.at(188).session).toBeNull();
  });
});

describe('joining by cookie', () => {
  it('two connections presenting the same switchboard cookie are one session (a reconnection)', () => {
    const r = runScript(`
conn 1 10.0.0.2:1025 10.0.0.1:1863
conn 2 10.0.0.2:1026 10.0.0.9:1863
conn 3 10.0.0.2:1027 10.0.0.9:1863
1 1 C: XFR 15 SB
2 1 S: XFR 15 SB 10.0.0.9:1863 CKI 1835953129.20013021.2623242
3 2 C: USR 1 alice@example.com 1835953129.20013021.2623242
4 2 S: USR 1 OK alice@example.com Alice
5 3 C: USR 1 alice@example.com 1835953129.20013021.2623242
6 3 S: USR 1 OK alice@example.com Alice
`);
    const sessions = r.analysis.sessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].connections).toEqual([2, 3]);
    expect(r.analysis.connections().map((c) => c.notificationConnection)).toEqual([null, 1, 1]);
  });
});
