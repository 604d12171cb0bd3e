// MSNP found by content: a switchboard on port 7001 captured mid-session (no SYN), whichever side
// speaks first; other protocols on that port left alone; heuristics off unless the port is
// configured with msnpPorts. Expected values are the commands and texts written below.
import { describe, expect, it } from 'vitest';
import { analyzeFrames, chatMime, conversationAt, frameContaining, payloadCommand, T0_US, type FrameSpec } from './synthetic';
import type { ConversationMessage } from '../helpers/capture-builder';

const BOB = 'bob@hotmail.com';
const SB_PORT = 7001;
const MINE = 'Switchboards need not be on 1863.';
const THEIRS = 'Indeed they need not.';

/** Captured mid-session: no handshake, no FIN. The client (alice) uses a Windows XP-style low port. */
function midSession(messages: ConversationMessage[], clientPort = 1042): FrameSpec[] {
  return conversationAt(T0_US, { client: { ip: '10.6.0.2', port: clientPort }, server: { ip: '207.46.108.120', port: SB_PORT }, messages, handshake: false, fin: false });
}

const aliceFirst = midSession([
  { from: 'client', payload: payloadCommand('MSG 7 N', chatMime(MINE)) },
  { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, chatMime(THEIRS)) },
  { from: 'server', payload: `BYE ${BOB}\r\n` },
]);

const bobFirst = midSession([
  { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, chatMime(THEIRS)) },
  { from: 'client', payload: payloadCommand('MSG 7 N', chatMime(MINE)) },
  { from: 'server', payload: `BYE ${BOB}\r\n` },
]);

function transcript(result: Awaited<ReturnType<typeof analyzeFrames>>) {
  return result.sessions.flatMap((s) => s.messages.map((m) => ({ from: m.from, text: m.text })));
}

describe('a switchboard on an unusual port, captured without its SYN', () => {
  it('is analysed when the client speaks first', async () => {
    const result = await analyzeFrames(aliceFirst);
    expect(result.connections).toHaveLength(1);
    expect(result.connections[0]).toMatchObject({ client: '10.6.0.2:1042', server: `207.46.108.120:${SB_PORT}`, role: 'switchboard' });
    // No USR was captured: alice's account is unknown, bob's is on his MSG line.
    expect(transcript(result).map((m) => m.text)).toEqual([MINE, THEIRS]);
    expect(transcript(result)[1].from).toBe(BOB);
    expect(transcript(result)[0].from).not.toBe(BOB);
    expect(result.commandCounts).toEqual({ MSG: 2, BYE: 1 });
  });

  it('is analysed, with the right client, when the server speaks first', async () => {
    const result = await analyzeFrames(bobFirst);
    expect(result.connections).toHaveLength(1);
    expect(transcript(result).map((m) => m.text)).toEqual([THEIRS, MINE]);
    expect(transcript(result)[0].from).toBe(BOB);
    expect(result.commandCounts).toEqual({ MSG: 2, BYE: 1 });
    expect(result.connections[0]).toMatchObject({ client: '10.6.0.2:1042', server: `207.46.108.120:${SB_PORT}`, role: 'switchboard' });
  });

  it('is not analysed with heuristics off', async () => {
    const result = await analyzeFrames(aliceFirst, { heuristics: false });
    expect(result.connections).toEqual([]);
    expect(result.commandCounts).toEqual({});
  });

  it('is analysed with heuristics off when msnpPorts names the port', async () => {
    const result = await analyzeFrames(aliceFirst, { heuristics: false, msnpPorts: [1863, SB_PORT] });
    expect(result.connections).toHaveLength(1);
    expect(transcript(result).map((m) => m.text)).toEqual([MINE, THEIRS]);
  });
});

describe('other protocols on the same port', () => {
  const others: Array<[string, ConversationMessage[]]> = [
    ['SSH', [{ from: 'server', payload: 'SSH-2.0-OpenSSH_4.3\r\n' }, { from: 'client', payload: 'SSH-2.0-PuTTY_Release_0.60\r\n' }, { from: 'client', payload: Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff) }]],
    ['SMTP', [{ from: 'server', payload: '220 mail.example.com ESMTP Postfix\r\n' }, { from: 'client', payload: 'EHLO client.example.com\r\n' }, { from: 'server', payload: '250-mail.example.com\r\n250 PIPELINING\r\n' }]],
    ['IRC', [{ from: 'client', payload: 'NICK alice\r\nUSER alice 0 * :Alice\r\n' }, { from: 'server', payload: ':irc.example.net 001 alice :Welcome\r\n' }]],
    ['binary', [{ from: 'client', payload: Uint8Array.from({ length: 1200 }, (_, i) => (i * 151 + 3) & 0xff) }, { from: 'server', payload: Uint8Array.from({ length: 800 }, (_, i) => (i * 89) & 0xff) }]],
  ];
  for (const [name, messages] of others) {
    it(`${name} is not taken for MSNP`, async () => {
      const result = await analyzeFrames(midSession(messages, 3333));
      expect(result.connections).toEqual([]);
      expect(result.commandCounts).toEqual({});
      expect(result.expert).toEqual([]);
    });
  }

  it('MSNP next to them is still found', async () => {
    const noise = midSession(others[1][1], 3333);
    const frames = [...noise, ...aliceFirst.map((f) => ({ ...f, tsUs: f.tsUs + 1_000_000 }))];
    const result = await analyzeFrames(frames);
    expect(result.connections).toHaveLength(1);
    expect(result.sessions[0].messages[0].frame).toBe(frameContaining(frames, MINE));
  });
});
