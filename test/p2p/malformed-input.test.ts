// Everything a capture contains is attacker-controlled: the P2P layer must survive garbage.
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { describeMessageWithP2p } from '../../src/main/engine/p2p/describe-p2p-body';
import { P2pTracker } from '../../src/main/engine/p2p/p2p-tracker';
import { ctx, p2pMessage, p2pV1, p2pV2, textMessage } from './p2p-builders';

/** xorshift32: reproducible pseudo-random bytes. */
function random(seed: number): (n: number) => Uint8Array {
  let x = seed || 1;
  return (n) =>
    new Uint8Array(n).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
}

describe('malformed P2P input', () => {
  it('random P2P bodies, v1 and v2, with and without SLP-looking data', () => {
    const t = new P2pTracker(new ExpertLog());
    const rnd = random(12345);
    for (let i = 0; i < 400; i++) {
      const junk = rnd(i % 120);
      const slpish = new TextEncoder().encode(`INVITE MSNMSGR:x MSNSLP/1.0\r\nContent-Length: ${i * 1000}\r\n\r\n`);
      const bodies = [
        junk,
        p2pV1(junk, { sessionId: i % 3, offset: i * 7, totalSize: i % 5 === 0 ? 2 ** 40 : i * 3, flags: i }),
        p2pV1(slpish, { sessionId: 0, totalSize: slpish.length + (i % 2) * 50 }),
        p2pV2(junk, { sessionId: i % 2, tf: i & 7, dataRemaining: i % 4 === 0 ? null : i * 11 }),
      ];
      for (const body of bodies) {
        for (const src of [undefined, 'a@b;{1}']) {
          const message = p2pMessage(body, 'b@c', src);
          expect(() => t.onP2pMessage(ctx({ frame: i }), message)).not.toThrow();
          expect(() => describeMessageWithP2p(message)).not.toThrow();
        }
      }
    }
    expect(() => t.files()).not.toThrow();
  });

  it('random invitations and direct-connection bytes', () => {
    const t = new P2pTracker(new ExpertLog());
    const rnd = random(777);
    const fields = ['Invitation-Command: ', 'Invitation-Cookie: ', 'IP-Address: ', 'Port: ', 'PortX: ', 'Context-Data: ', 'Application-FileSize: '];
    for (let i = 0; i < 300; i++) {
      const lines = fields.map((f) => f + new TextDecoder().decode(rnd(i % 20)));
      expect(() => t.onInvitation(ctx({ frame: i }), textMessage(`Content-Type: text/x-msmsgsinvite\r\n\r\n${lines.join('\r\n')}`))).not.toThrow();
      const peer = t.openDirect(i % 2 ? 'msnftp' : 'p2p-direct', `c:${i % 7}`, 's:1', i % 7);
      expect(() => peer.data(i % 3 ? 'c2s' : 's2c', rnd(i * 5), i, 0)).not.toThrow();
      expect(() => t.noteConnection('10.0.0.1', i, i % 2 ? 'tcp' : 'udp', i)).not.toThrow();
    }
  });
});
