// What a transcript shows besides chat: joins, leaves, ringing, roster, invitations from the P2P
// layer, split messages joined, and the user leaving when a switchboard connection closes.
import { describe, expect, it } from 'vitest';
import { RecordingP2p, runScript } from './script';

const enc = new TextEncoder();

function msg(frame: number, conn: number, head: string, headers: string[], body: string): string {
  const payload = `${headers.join('\r\n')}\r\n\r\n${body}`;
  const lines = payload.split('\r\n').map((l) => (l ? `| ${l}` : '|'));
  return `${frame} ${conn} ${head.startsWith('MSG ') && /^MSG \d/.test(head) ? 'C' : 'S'}: ${head} ${enc.encode(payload).length}\n${lines.join('\n')}\n`;
}

// Only bob's side of a switchboard: invited by RNG, answers, alice is already there.
const CALLEE = `
conn 1 10.0.0.3:1025 10.0.0.1:1863
conn 2 10.0.0.3:1026 10.0.0.9:1863
1 1 C: USR 3 TWN I bob@example.com
2 1 S: USR 3 OK bob@example.com Bob 1
10 1 S: RNG 17069658 10.0.0.9:1863 CKI 1115371039.15845 alice@example.com Alice%20A
11 2 C: ANS 89 bob@example.com 1115371039.15845 17069658
12 2 S: IRO 89 1 2 alice@example.com Alice%20A
13 2 S: IRO 89 2 2 carol@example.com Carol
14 2 S: ANS 89 OK
`;

describe('switchboard events', () => {
  it('invited by RNG: ringing (at the RNG), roster of who was there, own join', () => {
    const [s] = runScript(CALLEE).analysis.sessions();
    expect(s.events?.map((e) => [e.frame, e.kind, e.account, e.nick ?? null, e.detail ?? null])).toEqual([
      [10, 'ringing', 'bob@example.com', null, 'invited by alice@example.com'],
      [12, 'roster', 'alice@example.com', 'Alice A', 'already in the conversation'],
      [13, 'roster', 'carol@example.com', 'Carol', 'already in the conversation'],
      [14, 'join', 'bob@example.com', 'Bob', 'answered'],
    ]);
    expect(s.participants).toEqual([
      { account: 'alice@example.com', nick: 'Alice A' },
      { account: 'carol@example.com', nick: 'Carol' },
      { account: 'bob@example.com', nick: 'Bob' },
    ]);
  });

  it('BYE with reason 1 is a time-out; the connection closing is the user leaving', () => {
    const r = runScript(`${CALLEE}20 2 S: BYE carol@example.com 1\nclose 2 30\n`);
    const [s] = r.analysis.sessions();
    expect(s.events?.filter((e) => e.kind === 'leave').map((e) => [e.frame, e.account, e.detail ?? null])).toEqual([
      [20, 'carol@example.com', 'timed out'],
      [30, 'bob@example.com', 'connection closed'],
    ]);
    expect(r.analysis.connections()[1].lastFrame).toBe(30);
  });

  it('someone called again after leaving rings and joins again (2005 sample, CAL after BYE)', () => {
    const r = runScript(`conn 1 10.0.0.2:1025 10.0.0.9:1863
1 1 C: USR 178 jujurius@msn.com 246503.1115372323.20879
2 1 S: USR 178 OK jujurius@msn.com July(6)
3 1 C: CAL 179 cecile260992@hotmail.com
4 1 S: CAL 179 RINGING 246503
5 1 S: JOI cecile260992@hotmail.com choupi
6 1 S: BYE cecile260992@hotmail.com
7 1 C: CAL 183 cecile260992@hotmail.com
8 1 S: CAL 183 RINGING 246503
9 1 S: JOI cecile260992@hotmail.com choupi
`);
    const [s] = r.analysis.sessions();
    expect(s.events?.map((e) => [e.frame, e.kind, e.account])).toEqual([
      [2, 'join', 'jujurius@msn.com'],
      [4, 'ringing', 'cecile260992@hotmail.com'],
      [5, 'join', 'cecile260992@hotmail.com'],
      [6, 'leave', 'cecile260992@hotmail.com'],
      [8, 'ringing', 'cecile260992@hotmail.com'],
      [9, 'join', 'cecile260992@hotmail.com'],
    ]);
    expect(s.sbSessionId).toBe('246503');
  });

  it('invitations go to the P2P layer with their context; its event appears inline, once', () => {
    const p2p = new RecordingP2p({ kind: 'invitation', detail: 'file transfer offered: readme.txt (60904 bytes)' });
    const invite = ['Application-Name: File Transfer', 'Application-GUID: {5D3E02AB-6190-11D3-BBBB-00C04F795683}', 'Invitation-Command: INVITE', 'Invitation-Cookie: 33267', 'Application-File: readme.txt', 'Application-FileSize: 60904', ''].join('\r\n');
    const headers = ['MIME-Version: 1.0', 'Content-Type: text/x-msmsgsinvite; charset=UTF-8'];
    const r = runScript(
      `${CALLEE}${msg(20, 2, 'MSG alice@example.com Alice%20A', headers, invite)}`,
      { p2p },
    );
    expect(p2p.invitations).toEqual([{ connection: 2, session: 1, from: 'alice@example.com', fromNick: 'Alice A', to: ['carol@example.com', 'bob@example.com'], frame: 20, tsUs: r.annotations[r.annotations.length - 1].cmd.tsUs, duplicate: false }]);
    const [s] = r.analysis.sessions();
    expect(s.events?.filter((e) => e.kind === 'invitation')).toEqual([
      { frame: 20, time: expect.any(String), kind: 'invitation', account: 'alice@example.com', nick: 'Alice A', detail: 'file transfer offered: readme.txt (60904 bytes)' },
    ]);
    expect(r.at(20)).toMatchObject({ kind: 'p2p', contentTypes: ['text/x-msmsgsinvite'] });
  });

  it('split messages are joined by Message-ID into one line at the last part', () => {
    const h = (extra: string[]): string[] => ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Message-ID: {E6D2AB1C-3A31-4A4A-8C2B-2F2F00000001}', ...extra];
    const r = runScript(`${CALLEE}${msg(20, 2, 'MSG alice@example.com Alice%20A', h(['Chunks: 2']), 'first half, ')}${msg(21, 2, 'MSG alice@example.com Alice%20A', h(['Chunk: 1']), 'second half')}`);
    const [s] = r.analysis.sessions();
    expect(s.messages.map((m) => [m.frame, m.text])).toEqual([[21, 'first half, second half']]);
    expect(r.at(20).summary).toContain('part 1 of 2 of split message');
  });

  it('winks, action messages and custom emoticons', () => {
    const dc = ['MIME-Version: 1.0', 'Content-Type: text/x-msnmsgr-datacast'];
    const r = runScript(
      CALLEE +
        msg(20, 2, 'MSG alice@example.com Alice%20A', dc, 'ID: 2\r\nData: <msnobj Creator="alice@example.com" Type="8"/>\r\n\r\n') +
        msg(21, 2, 'MSG alice@example.com Alice%20A', dc, 'ID: 4\r\nData: waves\r\n\r\n') +
        msg(22, 2, 'MSG alice@example.com Alice%20A', ['MIME-Version: 1.0', 'Content-Type: text/x-mms-emoticon'], ':cat:\t<msnobj/>\t'),
    );
    const [s] = r.analysis.sessions();
    expect(s.events?.filter((e) => e.frame >= 20).map((e) => [e.kind, e.account, e.detail ?? null])).toEqual([
      ['wink', 'alice@example.com', null],
      ['action', 'alice@example.com', 'waves'],
    ]);
    expect(r.at(21).summary).toContain('— alice@example.com waves');
    expect(r.at(22).summary).toContain('custom emoticons :cat:');
  });
});
