// A direct P2P connection: 4-byte little-endian length before each packet, "foo\0" first, the v1
// handshake (flag 0x100, nonce in the ack fields), then footer-less v1 data chunks — delivered
// in TCP segments cut anywhere.
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { DirectP2pFramer, guidFromBytes } from '../../src/main/engine/p2p/direct-p2p-framer';
import { P2pTracker } from '../../src/main/engine/p2p/p2p-tracker';
import { ctx, fileContext, p2pMessage, p2pV1, pattern, slpHeaders, slpText } from './p2p-builders';

const hex = (h: string) => new Uint8Array(h.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));

function framed(...packets: Uint8Array[]): Uint8Array {
  const total = packets.reduce((n, p) => n + 4 + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of packets) {
    new DataView(out.buffer).setUint32(at, p.length, true);
    out.set(p, at + 4);
    at += 4 + p.length;
  }
  return out;
}

// Nonce {6E4F4CBB-44F6-4C6A-9B26-0E3C34B72A88} in .NET byte order: Data1..3 little-endian.
const NONCE = hex('bb4c4f6e f644 6a4c 9b26 0e3c34b72a88');
const handshake = () => {
  const p = p2pV1(new Uint8Array(0), { identifier: 0, flags: 0x100, footer: null });
  p.set(NONCE, 32);
  return p;
};

describe('DirectP2pFramer', () => {
  it('splits foo, the handshake and data packets, whatever the segment boundaries', () => {
    const data = p2pV1(new Uint8Array([1, 2, 3]), { sessionId: 9, footer: null });
    const stream = framed(new TextEncoder().encode('foo\0'), handshake(), data);
    for (const cut of [1, 3, 5, 8, 30, 60, stream.length - 1]) {
      const f = new DirectP2pFramer();
      const packets = [...f.push(stream.subarray(0, cut), 1), ...f.push(stream.subarray(cut), 2)];
      expect(packets.map((p) => p.type)).toEqual(['foo', 'handshake', 'p2p']);
      expect(packets[1]).toMatchObject({ version: 1, nonce: '{6E4F4CBB-44F6-4C6A-9B26-0E3C34B72A88}' });
      // Stream offsets: foo at 0 (4 + 4 bytes), the 48-byte handshake at 8, the data packet after it.
      expect(packets.map((p) => [p.at, p.length])).toEqual([[0, 8], [8, 52], [60, 4 + data.length]]);
    }
  });

  it('reads a bare 16-byte v2 nonce, and stops on an absurd length', () => {
    const f = new DirectP2pFramer();
    // Placed in the stream: its length prefix at offset 0, 4 + 16 bytes long.
    expect(f.push(framed(NONCE), 1)).toMatchObject([{ type: 'handshake', version: 2, nonce: '{6E4F4CBB-44F6-4C6A-9B26-0E3C34B72A88}', frame: 1, at: 0, length: 20 }]);
    expect(f.push(hex('ffffffff 00'), 2)).toEqual([]);
    expect(f.problem).toMatch(/length 4294967295 is over/);
    expect(f.push(framed(NONCE), 3)).toEqual([]);
    expect(guidFromBytes(new Uint8Array(16))).toBe('{00000000-0000-0000-0000-000000000000}');
  });
});

describe('DirectP2pFramer on hostile segmenting (issue 11)', () => {
  it('joins a 256 KiB packet sent in 16-byte pieces once, whole and unchanged', () => {
    const body = pattern(256 * 1024, 13, 7);
    const data = p2pV1(body, { sessionId: 9, footer: null });
    const stream = framed(data);
    const f = new DirectP2pFramer();
    const packets = [];
    // The pieces are views into one reused buffer, as the reader hands them out.
    const reused = new Uint8Array(16);
    for (let at = 0; at < stream.length; at += 16) {
      const piece = stream.subarray(at, at + 16);
      reused.set(piece);
      packets.push(...f.push(reused.subarray(0, piece.length), 1 + at / 16));
    }
    expect(packets).toHaveLength(1);
    expect(packets[0].type).toBe('p2p');
    expect(Buffer.from((packets[0] as { packet: Uint8Array }).packet).equals(Buffer.from(data))).toBe(true);
  });

  it('stops on an absurd length that arrives a byte at a time', () => {
    const f = new DirectP2pFramer();
    for (const byte of [0xff, 0xff, 0xff]) expect(f.push(Uint8Array.of(byte), 1)).toEqual([]);
    expect(f.problem).toBeNull();
    expect(f.push(Uint8Array.of(0x7f, 0), 2)).toEqual([]);
    expect(f.problem).toBe(`direct P2P packet length ${0x7fffffff} is over ${1024 * 1024}: framing lost`);
  });
});

describe('direct connections in the tracker', () => {
  it('rebuilds a file sent over a direct connection, named by its switchboard INVITE', () => {
    const expert = new ExpertLog();
    const t = new P2pTracker(expert);
    const SID = 4242;
    const invite = slpText('INVITE MSNMSGR:bob@example.com MSNSLP/1.0', slpHeaders('alice@example.com', 'bob@example.com', '{DC}'), ['EUF-GUID: {5D3E02AB-6190-11D3-BBBB-00C04F795683}', `SessionID: ${SID}`, 'AppID: 2', `Context: ${fileContext('notes.txt', 2500)}`], 'application/x-msnmsgr-sessionreqbody');
    t.onP2pMessage(ctx({ frame: 10 }), p2pMessage(p2pV1(invite, { identifier: 1 })));

    const content = pattern(2500, 31, 1); // SHA-1 412ea11f… (python hashlib)
    const chunk = (offset: number, length: number) => p2pV1(content.subarray(offset, offset + length), { sessionId: SID, identifier: 7, offset, totalSize: 2500, flags: 0x1000030, footer: null });
    const client = framed(new TextEncoder().encode('foo\0'), handshake(), chunk(0, 1300), chunk(1300, 1200));
    const peer = t.openDirect('p2p-direct', '10.0.0.8:50000', '10.0.0.7:1025', 50);
    for (let at = 0; at < client.length; at += 700) peer.data('c2s', client.subarray(at, at + 700), 51 + at / 700, 0);
    peer.data('s2c', framed(handshake()), 52, 0);
    peer.end('c2s', 60, 0);

    expect(t.files()).toEqual([
      // lastFrame: the client's framed bytes, (4 + 4) + (4 + 48) + (4 + 48 + 1300) + (4 + 48 + 1200) = 2664, in 700-byte pieces are frames 51–54; the last piece ends the second chunk.
      { frame: 10, kind: 'file-transfer', name: 'notes.txt', size: 2500, sha1: '412ea11fa67b598f4620b7c3c7a6b15ee9f7900b', from: 'alice@example.com', to: 'bob@example.com', complete: true, received: 2500, via: 'direct', session: 1, lastFrame: 54 },
    ]);
    expect(expert.all().map((e) => e.message)).toEqual(['Direct connection 10.0.0.8:50000 ↔ 10.0.0.7:1025: file transfer "notes.txt" complete (2500 bytes, SHA-1 412ea11fa67b598f4620b7c3c7a6b15ee9f7900b)']);
    // The same bytes seen again through onDirectBytes (or the switchboard) add nothing.
    t.onDirectBytes({ kind: 'p2p-direct', client: '10.0.0.8:50000', server: '10.0.0.7:1025', firstFrame: 50 }, 'c2s', framed(chunk(0, 1300)), 70, 0);
    expect(t.files()[0].received).toBe(2500);
  });

  it('notes packets that are not P2P and a broken framing', () => {
    const expert = new ExpertLog();
    const t = new P2pTracker(expert);
    const peer = t.openDirect('p2p-direct', 'a:1', 'b:2', 1);
    peer.data('c2s', framed(new Uint8Array(20)), 2, 0);
    peer.data('c2s', hex('00000080'), 3, 0);
    expect(expert.all().map((e) => e.message)).toEqual(['Direct P2P packet of 20 bytes is neither P2P v1 nor v2', 'a:1 ↔ b:2: direct P2P packet length 2147483648 is over 1048576: framing lost']);
  });
});
