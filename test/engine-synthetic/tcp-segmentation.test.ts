// MSNP over awkward TCP: a MSG cut into many segments (some of one byte, one cut inside the
// command line), several commands in one segment, retransmitted and out-of-order segments.
// Every message must be decoded exactly once, at the frame that completes it.
import { describe, expect, it } from 'vitest';
import { bytesOf, concatBytes } from '../helpers/packet-builder';
import { analyzeFrames, chatMime, conversationAt, frameContaining, isoUs, payloadCommand, T0_US, type FrameSpec } from './synthetic';

const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';
const CLIENT = { ip: '10.1.1.2', port: 3001 };
const SERVER = { ip: '207.46.108.60', port: 1863 };

const SPLIT_TEXT = 'This message travels in seven pieces.';
const BUNDLED_TEXT = 'Three commands, one segment.';
const AFTER_TEXT = 'And this one is whole.';

const splitMsg = payloadCommand('MSG 3 A', chatMime(SPLIT_TEXT));
/** Cut points: inside "MSG", inside the length, right after the CRLF, one-byte pieces, the last byte alone. */
const CUTS = [2, 3, 9, 13, 14, 60, splitMsg.length - 1];
const pieces = [0, ...CUTS].map((start, i, all) => splitMsg.subarray(start, all[i + 1] ?? splitMsg.length));

const bundled = concatBytes(bytesOf('ACK 3\r\n'), payloadCommand(`MSG ${BOB} Bob`, chatMime(BUNDLED_TEXT)), bytesOf(`JOI carol@hotmail.com Carol\r\n`));

const base = conversationAt(T0_US, {
  client: CLIENT,
  server: SERVER,
  messages: [
    { from: 'client', payload: `USR 1 ${ALICE} 1234.5678\r\n` },
    { from: 'server', payload: `USR 1 OK ${ALICE} Alice\r\n` },
    { from: 'client', payload: `CAL 2 ${BOB}\r\n` },
    { from: 'server', payload: 'CAL 2 RINGING 1111\r\n' },
    { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
    ...pieces.map((payload) => ({ from: 'client' as const, payload })),
    { from: 'server', payload: bundled },
    { from: 'client', payload: payloadCommand('MSG 4 N', chatMime(AFTER_TEXT)) },
    { from: 'server', payload: `BYE ${BOB}\r\n` },
  ],
});

// Frames 1–3 are the handshake; message i (0-based) of the list above is frame 4 + i.
const FIRST_PIECE_FRAME = 4 + 5;
const LAST_PIECE_FRAME = FIRST_PIECE_FRAME + pieces.length - 1;

function texts(result: Awaited<ReturnType<typeof analyzeFrames>>): string[] {
  return result.sessions.flatMap((s) => s.messages.map((m) => m.text));
}

describe('commands split across TCP segments', () => {
  it('decodes the split MSG once, at the frame that completes it', async () => {
    const result = await analyzeFrames(base);
    expect(texts(result)).toEqual([SPLIT_TEXT, BUNDLED_TEXT, AFTER_TEXT]);
    const message = result.sessions[0].messages[0];
    expect(message.frame).toBe(LAST_PIECE_FRAME);
    expect(message.from).toBe(ALICE);
    expect(result.commandCounts.MSG).toBe(3);
  });

  it('decodes every command of a segment that carries several', async () => {
    const result = await analyzeFrames(base);
    const frame = frameContaining(base, BUNDLED_TEXT);
    expect(result.sessions[0].messages[1]).toMatchObject({ frame, from: BOB, text: BUNDLED_TEXT });
    expect(result.sessions[0].messages[0].delivery).toBe('ack');
    expect(result.sessions[0].participants.map((p) => p.account)).toContain('carol@hotmail.com');
    expect(result.commandCounts).toMatchObject({ ACK: 1, JOI: 2, BYE: 1 });
  });

  it('has no expert complaint about the framing', async () => {
    const result = await analyzeFrames(base);
    expect(result.expert.filter((e) => e.severity !== 'note' && !/no reply/.test(e.message))).toEqual([]);
  });
});

describe('retransmitted and out-of-order segments', () => {
  it('counts a retransmitted piece and a retransmitted whole message once', async () => {
    const frames: FrameSpec[] = [...base];
    const afterFrame = frameContaining(base, AFTER_TEXT);
    // The third piece again right after itself, and the last MSG again at the end (before the FIN).
    frames.splice(FIRST_PIECE_FRAME + 2, 0, { ...base[FIRST_PIECE_FRAME + 1], tsUs: base[FIRST_PIECE_FRAME + 1].tsUs + 10 });
    frames.splice(frames.length - 3, 0, { ...base[afterFrame - 1], tsUs: frames[frames.length - 4].tsUs + 10 });
    const result = await analyzeFrames(frames);
    expect(texts(result)).toEqual([SPLIT_TEXT, BUNDLED_TEXT, AFTER_TEXT]);
    expect(result.commandCounts.MSG).toBe(3);
    expect(result.sessions[0].messages[2].frame).toBe(afterFrame + 1);
  });

  it('puts swapped pieces back in order; the message completes at the frame that fills the hole', async () => {
    const frames: FrameSpec[] = [...base];
    // Swap pieces 3 and 4 (frames FIRST+2 and FIRST+3, 0-based FIRST+1 and FIRST+2).
    const a = FIRST_PIECE_FRAME + 1;
    [frames[a], frames[a + 1]] = [frames[a + 1], frames[a]];
    // And the last two pieces: the final byte arrives before the piece in front of it.
    const z = LAST_PIECE_FRAME - 1;
    [frames[z - 1], frames[z]] = [frames[z], frames[z - 1]];
    const result = await analyzeFrames(frames);
    expect(texts(result)).toEqual([SPLIT_TEXT, BUNDLED_TEXT, AFTER_TEXT]);
    expect(result.sessions[0].messages[0].frame).toBe(LAST_PIECE_FRAME);
    expect(result.sessions[0].messages[0].time).toBe(isoUs(frames[LAST_PIECE_FRAME - 1].tsUs));
  });
});
