// A data segment missing from the capture while the peer's ACK shows it was sent: the engine
// reports the gap and its framer resynchronises at the next command, so later messages are
// still decoded. Two cases: a whole MSG lost, and the middle of a MSG split into three segments.
import { describe, expect, it } from 'vitest';
import { analyzeFrames, chatMime, conversationAt, frameContaining, payloadCommand, T0_US, type FrameSpec } from './synthetic';

const ALICE = 'alice@hotmail.com';
const BOB = 'bob@hotmail.com';

const BEFORE = 'Sent before the loss.';
const LOST = 'The capture never saw this message.';
const AFTER = 'Sent after the loss.';
const LATER = 'Bob answers later.';

function conversation(lostPayload: Uint8Array, pieces: number): FrameSpec[] {
  const size = Math.ceil(lostPayload.length / pieces);
  return conversationAt(T0_US, {
    client: { ip: '10.2.0.1', port: 4100 },
    server: { ip: '207.46.108.61', port: 1863 },
    messages: [
      { from: 'client', payload: `ANS 1 ${ALICE} 9999.1111 424242\r\n` },
      { from: 'server', payload: `IRO 1 1 1 ${BOB} Bob\r\n` },
      { from: 'server', payload: 'ANS 1 OK\r\n' },
      { from: 'client', payload: payloadCommand('MSG 2 N', chatMime(BEFORE)) },
      ...Array.from({ length: pieces }, (_, i) => ({ from: 'client' as const, payload: lostPayload.subarray(i * size, (i + 1) * size) })),
      { from: 'client', payload: payloadCommand('MSG 4 N', chatMime(AFTER)) },
      // The server's next segment acknowledges every client byte so far, the lost ones included.
      { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, chatMime(LATER)) },
    ],
  });
}

/** Drops the frame `n` (1-based). */
const without = (frames: FrameSpec[], n: number): FrameSpec[] => frames.filter((_, i) => i !== n - 1);

describe('a lost segment acknowledged by the peer', () => {
  const lostMsg = payloadCommand('MSG 3 N', chatMime(LOST));

  it('reports the gap and keeps decoding after a whole lost MSG', async () => {
    const full = conversation(lostMsg, 1);
    const lostFrame = frameContaining(full, LOST);
    const frames = without(full, lostFrame);
    const result = await analyzeFrames(frames);
    const texts = result.sessions.flatMap((s) => s.messages.map((m) => m.text));
    expect(texts).toEqual([BEFORE, AFTER, LATER]);
    const gap = result.expert.find((e) => /missing/i.test(e.message));
    expect(gap?.severity).toBe('warning');
    expect(gap?.message).toContain(String(lostMsg.length));
    // Reported where data resumes: the frame after the hole.
    expect(gap?.frame).toBe(frameContaining(frames, AFTER));
  });

  it('resynchronises at the next command when the middle of a MSG is lost', async () => {
    const full = conversation(lostMsg, 3);
    const head = frameContaining(full, 'MSG 3 N');
    const frames = without(full, head + 1);
    const result = await analyzeFrames(frames);
    const messages = result.sessions.flatMap((s) => s.messages);
    const texts = messages.map((m) => m.text);
    expect(texts[0]).toBe(BEFORE);
    expect(texts).toContain(AFTER);
    expect(texts).toContain(LATER);
    // The damaged message is not rebuilt from other commands' bytes.
    expect(texts.some((t) => t.includes('MSG 4') || t.includes(AFTER.slice(0, 10)) && t !== AFTER)).toBe(false);
    expect(messages.find((m) => m.text === AFTER)?.frame).toBe(frameContaining(frames, AFTER));
    expect(result.expert.some((e) => e.severity === 'warning' && /missing/i.test(e.message))).toBe(true);
  });
});
