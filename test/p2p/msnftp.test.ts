// MSNFTP on a direct TCP connection (after a legacy file-transfer invitation): the receiver
// connects and speaks VER / USR / TFR / BYE, the sender VER / FIL and then the data blocks,
// each with a 3-byte header (0, length low, length high).
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { MsnftpStream } from '../../src/main/engine/p2p/msnftp';
import { P2pTracker } from '../../src/main/engine/p2p/p2p-tracker';
import { bytes, ctx, pattern, textMessage } from './p2p-builders';

function blocks(data: Uint8Array, size: number): Uint8Array {
  const parts: number[] = [];
  for (let at = 0; at < data.length; at += size) {
    const n = Math.min(size, data.length - at);
    parts.push(0, n & 0xff, n >> 8, ...data.subarray(at, at + n));
  }
  return new Uint8Array(parts);
}

const content = pattern(5000, 7, 3); // SHA-1 6c0a586b… (python hashlib)
const RECEIVER = bytes('VER MSNFTP\r\nUSR bob@example.com 93301\r\nTFR\r\n');
const SENDER = new Uint8Array([...bytes('VER MSNFTP\r\nFIL 5000\r\n'), ...blocks(content, 2045)]);

describe('MsnftpStream', () => {
  it('reads the commands and the data blocks of both directions', () => {
    const lines: string[] = [];
    const got: number[] = [];
    const s = new MsnftpStream({ line: (d, l) => lines.push(`${d} ${l}`), block: (_d, b) => got.push(b.offset, b.data.length) });
    s.data('c2s', RECEIVER, 1);
    // Segment boundaries fall inside a block header and inside block data.
    for (const cut of [[0, 23], [23, 25], [25, 2000], [2000, SENDER.length]]) s.data('s2c', SENDER.subarray(cut[0], cut[1]), 2);
    s.data('c2s', bytes('BYE 16777989\r\n'), 3);
    expect(lines).toEqual(['c2s VER MSNFTP', 'c2s USR bob@example.com 93301', 'c2s TFR', 's2c VER MSNFTP', 's2c FIL 5000', 'c2s BYE 16777989']);
    expect(s).toMatchObject({ account: 'bob@example.com', authCookie: '93301', size: 5000, sender: 's2c', byeCode: '16777989', cancelled: false });
    expect(s.received()).toBe(5000);
    expect(got.filter((_, i) => i % 2 === 0)[0]).toBe(0);
    expect(got.reduce((n, v, i) => (i % 2 ? n + v : n), 0)).toBe(5000);
  });

  it('a block header starting with 1 and CCL are cancellations; garbage stops the direction', () => {
    const s = new MsnftpStream();
    s.data('s2c', new Uint8Array([...bytes('FIL 10\r\n'), 0, 2, 0, 65, 66, 1, 0, 0]), 1);
    expect(s.cancelled).toBe(true);
    expect(s.received()).toBe(2);
    const problems: string[] = [];
    const g = new MsnftpStream({ problem: (m) => problems.push(m) });
    g.data('c2s', new Uint8Array(2000).fill(0x41), 1);
    expect(problems).toEqual(['MSNFTP: no line end in 2000 bytes; stopped reading this direction']);
    const c = new MsnftpStream();
    c.data('c2s', bytes('CCL\r\n'), 1);
    expect(c.cancelled).toBe(true);
  });
});

describe('MSNFTP in the tracker', () => {
  it('rebuilds the file and names it from the invitation with the same AuthCookie', () => {
    const t = new P2pTracker(new ExpertLog());
    const inv = (lines: string[]) => textMessage(`MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsinvite; charset=UTF-8\r\n\r\n${lines.join('\r\n')}\r\n\r\n`);
    t.onInvitation(ctx({ frame: 10 }), inv(['Application-Name: File Transfer', 'Application-GUID: {5D3E02AB-6190-11d3-BBBB-00C04F795683}', 'Invitation-Command: INVITE', 'Invitation-Cookie: 33267', 'Application-File: readme.txt', 'Application-FileSize: 5000']));
    t.onInvitation(ctx({ frame: 14 }), inv(['Invitation-Command: ACCEPT', 'Invitation-Cookie: 33267', 'IP-Address: 10.44.102.65', 'Port: 6891', 'AuthCookie: 93301']));
    // bob connects to alice's 10.44.102.65:6891.
    t.noteConnection('10.44.102.65', 6891, 'tcp', 20);
    const peer = t.openDirect('msnftp', '10.44.102.70:3000', '10.44.102.65:6891', 20);
    peer.data('c2s', RECEIVER, 21, 0);
    peer.data('s2c', SENDER, 22, 0);
    expect(t.endpoints()[0].observed).toBe(true);
    expect(t.files()).toEqual([
      // lastFrame: the sender's data, frame 22.
      { frame: 20, kind: 'file-transfer', name: 'readme.txt', size: 5000, sha1: '6c0a586b2761ee383bb0e7639c4ed091538442ea', from: 'alice@example.com', to: 'bob@example.com', complete: true, received: 5000, via: 'msnftp', session: 1, lastFrame: 22 },
    ]);
    expect(Array.from(t.fileBytes(0)!.subarray(0, 4))).toEqual([3, 10, 17, 24]);
  });

  it('without its invitation the file is named by the address, and a short transfer stays incomplete', () => {
    const t = new P2pTracker(new ExpertLog());
    const peer = t.openDirect('msnftp', '10.0.0.2:3000', '10.0.0.1:6891', 5);
    peer.data('s2c', SENDER.subarray(0, 1000), 6, 0);
    expect(t.files()[0]).toMatchObject({ name: 'msnftp-10.0.0.1:6891', size: 5000, complete: false, sha1: null, via: 'msnftp' });
    expect(t.files()[0].received).toBe(1000 - 'VER MSNFTP\r\nFIL 5000\r\n'.length - 3);
  });
});
