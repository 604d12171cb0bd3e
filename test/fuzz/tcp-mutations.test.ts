// TCP payload mutations keep the stream consistent: a segment grown by 6 bytes moves the later
// sequence numbers of its direction and the other direction's acknowledgments by 6, so the engine
// still reads every command (counts by hand from the conversation) and reports no gap.
import { describe, expect, it } from 'vitest';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import { FuzzRandom } from '../../scripts/fuzz/fuzz-random';
import { mutateTcpHeader, replaceSegmentPayload } from '../../scripts/fuzz/tcp-mutations';
import { analyzeFrames } from '../engine-synthetic/synthetic';
import { tcpConversation, type FrameSpec } from '../helpers/capture-builder';
import { bytesOf } from '../helpers/packet-builder';

const frames = tcpConversation({
  client: { ip: '10.0.0.1', port: 1025 },
  server: { ip: '10.0.0.2', port: 1863 },
  messages: [
    { from: 'client', payload: 'VER 1 MSNP8 CVR0\r\n' },
    { from: 'server', payload: 'VER 1 MSNP8 CVR0\r\n' },
    { from: 'client', payload: 'CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS alice@hotmail.com\r\n' },
    { from: 'server', payload: 'CVR 2 6.0.0602 6.0.0602 1.0.0000 http://download.microsoft.com/ http://messenger.msn.com\r\n' },
  ],
});
const tcpOf = (f: FrameSpec) => decodePacket(f.linkType, f.data)!;
const fromClient = (f: FrameSpec) => tcpOf(f).srcPort === 1025;

describe('replaceSegmentPayload', () => {
  // Frames: SYN, SYN-ACK, ACK, client VER (index 3), server VER, client CVR, server CVR, FIN, FIN, ACK.
  const grown = replaceSegmentPayload(frames, 3, bytesOf('VER 1 MSNP8 MSNP7 CVR0\r\n'));

  it('moves later client sequence numbers and server acknowledgments by the 6 bytes added', () => {
    for (let i = 4; i < frames.length; i++) {
      const before = tcpOf(frames[i]).tcp!;
      const after = tcpOf(grown[i]).tcp!;
      if (fromClient(frames[i])) expect([after.seq - before.seq, after.ack - before.ack]).toEqual([6, 0]);
      else expect([after.seq - before.seq, after.ack - before.ack]).toEqual([0, 6]);
    }
    expect(grown.slice(0, 3)).toEqual(frames.slice(0, 3));
  });

  it('leaves a stream the engine reads whole: two VER and two CVR, no gap', async () => {
    const result = await analyzeFrames(grown);
    expect(result.commandCounts).toEqual({ VER: 2, CVR: 2 });
    expect(result.expert.filter((e) => /gap|missing|lost/i.test(e.message))).toEqual([]);
  });
});

describe('mutateTcpHeader', () => {
  it('rewrites exactly one segment', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const out = mutateTcpHeader(frames, new FuzzRandom(seed))!;
      const changed = out.frames.filter((f, i) => !Buffer.from(f.data).equals(Buffer.from(frames[i].data)));
      expect(changed, out.mutation).toHaveLength(1);
    }
  });
});
