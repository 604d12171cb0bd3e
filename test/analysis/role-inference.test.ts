// Roles come from what is said on a connection, never from its port: every server below is on 1863.
import { describe, expect, it } from 'vitest';
import { runScript } from './script';

function roleOf(script: string): string {
  return runScript(script).analysis.connections()[0].role;
}

describe('role inference', () => {
  it('dispatch: VER/INF/USR … I answered by XFR NS (seed 002, MSNP7 with MD5)', () => {
    const r = runScript(`
conn 1 10.0.0.2:1025 64.4.13.195:1863
1 1 C: VER 0 MSNP7 MSNP6 MSNP5 MSNP4 CVR0
2 1 S: VER 0 MSNP7 MSNP6 MSNP5 MSNP4 CVR0
3 1 C: INF 1
4 1 S: INF 1 MD5
5 1 C: USR 2 MD5 I example@passport.com
6 1 S: XFR 2 NS 64.4.12.132:1863 0
`);
    const [c] = r.analysis.connections();
    expect(c.role).toBe('dispatch');
    expect(c.account).toBe('example@passport.com');
    expect(c.authMethod).toBe('MD5');
    expect(r.at(6).summary).toContain('redirect to notification server 64.4.12.132:1863');
  });

  it('notification: the same start, then the login completes', () => {
    expect(
      roleOf(`
conn 1 10.0.0.2:1026 64.4.12.132:1863
1 1 C: VER 3 MSNP7 MSNP6 MSNP5 MSNP4 CVR0
2 1 S: VER 3 MSNP7 MSNP6 MSNP5 MSNP4 CVR0
3 1 C: USR 5 MD5 I example@passport.com
4 1 S: USR 5 MD5 S 1013928519.693957190
5 1 C: USR 6 MD5 S 23e54a439a6a17d15025f4c6cbd0f6b5
6 1 S: USR 6 OK example@passport.com my%20screen%20name
7 1 C: CHG 7 NLN
8 1 S: CHG 7 NLN
`),
    ).toBe('notification');
  });

  it('notification from the middle of a session (the 2005 sample starts with PNG/QNG, then NLN and RNG)', () => {
    expect(
      roleOf(`
conn 1 192.168.1.14:1037 207.46.107.149:1863
4 1 C: PNG
5 1 S: QNG 45
22 1 S: RNG 17069658 207.46.108.83:1863 CKI 1115371039.15845 cecile260992@hotmail.com choupi
`),
    ).toBe('notification');
  });

  it('switchboard: USR account cookie, CAL, JOI, chat', () => {
    expect(
      roleOf(`
conn 1 192.168.0.114:3331 207.46.26.167:1863
4 1 C: USR 93 tesla_brian@hotmail.com 1835953129.20013021.2623242
5 1 S: USR 93 OK tesla_brian@hotmail.com Brian
6 1 C: CAL 94 tesla_thomas@hotmail.com
7 1 S: CAL 94 RINGING 1835953129
9 1 S: JOI tesla_thomas@hotmail.com Thomas 1616756780
`),
    ).toBe('switchboard');
  });

  it('switchboard from the middle of a chat: only client MSGs and OUT (2005 sample, first stream)', () => {
    expect(
      roleOf(`
conn 1 192.168.1.14:1176 207.46.108.39:1863
1 1 C: MSG 77 U 89
| MIME-Version: 1.0
| Content-Type: text/x-msmsgscontrol
| TypingUser: jujurius@msn.com
|
|
19 1 C: OUT
`),
    ).toBe('switchboard');
  });

  it('peer: an MSNFTP transfer (VER MSNFTP, USR account cookie, FIL, TFR)', () => {
    expect(
      roleOf(`
conn 1 10.0.0.5:6891 10.0.0.9:4123
1 1 C: VER MSNFTP
2 1 S: VER MSNFTP
3 1 C: USR bob@example.com 93301
4 1 S: FIL 60904
5 1 C: TFR
`),
    ).toBe('peer');
  });

  it('unknown when nothing telling was said, or the pipeline hint when it gave one', () => {
    expect(roleOf('conn 1 10.0.0.2:1025 10.0.0.1:1863\n1 1 C: VER 1 MSNP12 CVR0\n')).toBe('unknown');
    expect(roleOf('conn 1 10.0.0.2:1025 10.0.0.1:1863 hint=peer\n1 1 C: VER 1 MSNP12 CVR0\n')).toBe('peer');
  });

  it('the HTTP gateway tells the server kind unless the commands say more', () => {
    expect(roleOf('conn 1 10.0.0.2:1025 10.0.0.1:80 http-gateway gw=SB\n1 1 C: PNG\n')).toBe('switchboard');
    expect(roleOf('conn 1 10.0.0.2:1025 10.0.0.1:80 http-gateway gw=NS\n1 1 C: VER 1 MSNP12 CVR0\n')).toBe('notification');
    expect(roleOf('conn 1 10.0.0.2:1025 10.0.0.1:80 http-gateway gw=NS\n1 1 C: USR 1 alice@example.com 12345.678\n2 1 S: USR 1 OK alice@example.com Alice\n')).toBe('switchboard');
  });
});
