// A message relayed by the switchboard is seen once per connection; it counts once, at its first
// sighting, and later sightings are marked duplicate (for the P2P layer too).
import { describe, expect, it } from 'vitest';
import { captureScript, RecordingP2p, runScript } from './script';

const SB = `
conn 1 10.0.0.2:1025 10.0.0.9:1863
conn 2 10.0.0.3:1026 10.0.0.9:1863
1 1 C: USR 1 alice@example.com 111.222
2 1 S: USR 1 OK alice@example.com Alice
3 1 C: CAL 2 bob@example.com
4 1 S: CAL 2 RINGING 4242
5 2 C: ANS 1 bob@example.com 333.444 4242
6 2 S: IRO 1 1 1 alice@example.com Alice
7 2 S: ANS 1 OK
8 1 S: JOI bob@example.com Bob
`;

function msg(frame: number, conn: number, dir: 'C' | 'S', head: string, text: string): string {
  const body = `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${text}`;
  const len = new TextEncoder().encode(body).length;
  return `${frame} ${conn} ${dir}: ${head} ${len}\n${body.split('\r\n').map((l) => `| ${l}`).join('\n')}\n`;
}

describe('message de-duplication across the connections of a session', () => {
  it('the same text sent twice is two lines; each relay pairs with its own original', () => {
    const r = runScript(
      SB +
        msg(10, 1, 'C', 'MSG 3 A', 'ok') +
        msg(11, 2, 'S', 'MSG alice@example.com Alice', 'ok') +
        msg(12, 1, 'C', 'MSG 4 A', 'ok') +
        msg(13, 2, 'S', 'MSG alice@example.com Alice', 'ok'),
    );
    expect(r.analysis.sessions()[0].messages.map((m) => [m.frame, m.text])).toEqual([
      [10, 'ok'],
      [12, 'ok'],
    ]);
  });

  it('the same text from two senders is two lines', () => {
    const r = runScript(SB + msg(10, 1, 'C', 'MSG 3 U', 'lol') + msg(11, 2, 'C', 'MSG 2 U', 'lol'));
    expect(r.analysis.sessions()[0].messages.map((m) => [m.from, m.text])).toEqual([
      ['alice@example.com', 'lol'],
      ['bob@example.com', 'lol'],
    ]);
  });

  it('a relay seen before the original: one line at the relay, the original still tells delivery', () => {
    const r = runScript(SB + msg(10, 2, 'S', 'MSG alice@example.com Alice', 'hi') + msg(11, 1, 'C', 'MSG 3 A', 'hi') + '12 1 S: ACK 3\n');
    const [line] = r.analysis.sessions()[0].messages;
    expect(r.analysis.sessions()[0].messages).toHaveLength(1);
    expect(line).toMatchObject({ frame: 10, from: 'alice@example.com', text: 'hi', delivery: 'ack' });
  });

  it('annotations still show both sightings', () => {
    const r = runScript(SB + msg(10, 1, 'C', 'MSG 3 A', 'hi') + msg(11, 2, 'S', 'MSG alice@example.com Alice', 'hi'));
    // 19 (MIME-Version line) + 41 (Content-Type line) + 2 (blank line) + 2 ("hi") = 64 bytes.
    expect(r.at(10).summary).toBe('MSG 3 A 64 — alice@example.com: hi');
    expect(r.at(11).summary).toContain('— alice@example.com: hi');
    expect(r.at(11).texts).toEqual(['hi']);
  });

  it('P2P chunks reach the P2P layer from both sides, the second marked duplicate', () => {
    const r = runScript(captureScript('msnp12-pecan-escargot-file-transfer-p2p'), { p2p: new RecordingP2p() });
    const calls = r.p2p.p2p;
    // 56 application/x-msnmsgrp2p bodies in the capture (grep -c '^|b64' on the script), every one relayed.
    expect(calls).toHaveLength(56);
    const firsts = calls.filter((c) => !c.duplicate);
    expect(firsts).toHaveLength(28);
    for (const dup of calls.filter((c) => c.duplicate)) {
      expect(firsts.some((f) => f.from === dup.from && f.frame < dup.frame && f.connection !== dup.connection)).toBe(true);
    }
    // The MessageContext names sender, recipients and session.
    expect(calls[0]).toMatchObject({ connection: 3, session: 1, from: 'alice@example.com', fromNick: 'Alice', to: ['bob@example.com'], frame: 202, duplicate: false });
    expect(calls[1]).toMatchObject({ connection: 4, from: 'alice@example.com', frame: 204, duplicate: true });
  });
});

describe('delivery receipts', () => {
  it('A waits for ACK/NAK; NAK marks the line and the expert log', () => {
    const r = runScript(SB + msg(10, 1, 'C', 'MSG 3 A', 'one') + msg(11, 1, 'C', 'MSG 4 A', 'two') + msg(12, 1, 'C', 'MSG 5 A', 'three') + '13 1 S: ACK 3\n14 1 S: NAK 4\n');
    expect(r.analysis.sessions()[0].messages.map((m) => m.delivery)).toEqual(['ack', 'nak', 'pending']);
    expect(r.expert.all()).toContainEqual({ frame: 14, severity: 'warning', message: 'Message 4 was not delivered (NAK)', connection: 1 });
    expect(r.at(14).kind).toBe('error');
  });

  it('N and U ask for nothing; D is refused with error 282', () => {
    const r = runScript(SB + msg(10, 1, 'C', 'MSG 3 N', 'n') + msg(11, 1, 'C', 'MSG 4 U', 'u') + msg(12, 1, 'C', 'MSG 5 D', 'd') + '13 1 S: 282 5\n');
    expect(r.analysis.sessions()[0].messages.map((m) => m.delivery)).toEqual(['none', 'none', 'nak']);
  });
});
