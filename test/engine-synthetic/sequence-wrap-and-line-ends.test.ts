// Less common but legal streams: sequence numbers wrapping past 2^32 in both directions, small
// segments, bare LF line ends (PROTOCOL.md: "a bare \n must be accepted too"), ack mode D
// refused with error 282, and a message split into chunks (Message-ID / Chunks / Chunk).
import { describe, expect, it } from 'vitest';
import { analyzeFrames, chatMime, conversationAt, frameContaining, mime, payloadCommand, T0_US } from './synthetic';

const frames = conversationAt(T0_US, {
  // Both initial sequence numbers a few bytes short of 2^32: every direction wraps early on.
  clientIsn: 0xfffffff0,
  serverIsn: 0xffffffe0,
  maxSegment: 7,
  client: { ip: '10.10.0.1', port: 2600 },
  server: { ip: '207.46.108.160', port: 1863 },
  messages: [
    { from: 'client', payload: 'USR 1 alice@hotmail.com 1.2\n' },
    { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\n' },
    { from: 'server', payload: 'JOI bob@hotmail.com Bob\n' },
    { from: 'client', payload: payloadCommand('MSG 2 D', chatMime('across the wrap')) },
    { from: 'server', payload: '282 2\r\n' },
    { from: 'client', payload: payloadCommand('MSG 3 N', mime(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Message-ID: {6F1C2A3B-0001}', 'Chunks: 2'], 'first half, ')) },
    { from: 'client', payload: payloadCommand('MSG 4 N', mime(['Message-ID: {6F1C2A3B-0001}', 'Chunk: 1'], 'second half')) },
  ],
});

const result = await analyzeFrames(frames);

describe('sequence wraparound, bare LF, ack mode D, chunked message', () => {
  it('reads every command across the wrap with bare LF line ends', () => {
    expect(result.commandCounts).toEqual({ USR: 2, JOI: 1, MSG: 3, '282': 1 });
    expect(result.connections[0]).toMatchObject({ role: 'switchboard', account: 'alice@hotmail.com' });
    expect(result.sessions[0].participants.map((p) => p.account).sort()).toEqual(['alice@hotmail.com', 'bob@hotmail.com']);
  });

  it('marks the D-mode message refused by error 282 as not delivered', () => {
    expect(result.sessions[0].messages[0]).toMatchObject({ text: 'across the wrap', delivery: 'nak' });
    expect(result.expert.find((e) => e.frame === frameContaining(frames, '282 2'))?.message).toMatch(/282/);
  });

  it('joins the two chunks into one transcript line', () => {
    expect(result.sessions[0].messages.map((m) => m.text)).toEqual(['across the wrap', 'first half, second half']);
  });
});
