// Request ↔ response by TrID, latency, error replies and unanswered requests in the expert log.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

const NS = 'conn 1 10.0.0.2:1025 10.0.0.1:1863\n';

describe('transactions', () => {
  it('an error reply names code, meaning and the request it answers', () => {
    const r = runScript(`${NS}1 1 C: VER 1 MSNP8 CVR0
2 1 S: VER 1 MSNP8
3 1 C: USR 3 TWN I alice@example.com
4 1 S: 911 3
`);
    expect(r.expert.all()).toEqual([{ frame: 4, severity: 'error', message: '911 authentication failed (reply to USR 3)', connection: 1 }]);
    expect(r.at(4)).toMatchObject({ kind: 'error', errors: [911] });
  });

  it('an error without its request still gets its meaning; unknown codes say so', () => {
    const r = runScript(`${NS}1 1 S: 217 12\n2 1 S: 999 13\n`);
    expect(r.expert.all().map((e) => e.message)).toEqual(['217 user not online (TrID 12)', '999 unknown error code (TrID 13)']);
  });

  it('requests left unanswered at the end are noted; MSG U/N and commands without TrID are not', () => {
    const r = runScript(`${NS}1 1 C: PNG
2 1 C: CHG 5 NLN 0
3 1 C: XFR 6 SB
4 1 S: CHG 5 NLN 0
5 1 C: OUT
`);
    expect(r.expert.all()).toEqual([{ frame: 3, severity: 'warning', message: 'no reply to XFR 6', connection: 1 }]);
  });

  it('the real captures answer every request', () => {
    for (const name of ['msnp12-pecan-escargot-login-presence-chat', 'msnp15-scripted-client-escargot-sso-login', 'msnp18-pidgin-escargot-login-presence-chat', 'ppa-2006-switchboard-chat', 'msnms-2005-wireshark-sample']) {
      expect(runScript(captureScript(name)).expert.all(), name).toEqual([]);
    }
  });

  it('the command tree shows the pair and the latency', () => {
    const r = runScript(`${NS}1@1000000 1 C: XFR 6 SB
2@1003500 1 S: XFR 6 SB 10.0.0.3:1863 CKI 17262740.1050826919.32308
`);
    const [req, res] = r.annotations;
    const reqTree = r.analysis.describe(1, req.cmd);
    const resTree = r.analysis.describe(1, res.cmd);
    expect(reqTree.children?.map((c) => c.label)).toContain('[Response in frame 2: XFR]');
    expect(resTree.children?.map((c) => c.label)).toContain('[Reply to XFR 6 in frame 1, 3.500 ms]');
  });

  it('a TrID used again starts a new transaction', () => {
    const r = runScript(`${NS}1 1 C: BLP 8 AL\n2 1 S: BLP 8 AL\n3 1 C: BLP 8 BL\n`);
    expect(r.expert.all().map((e) => e.message)).toEqual(['no reply to BLP 8']);
  });
});
