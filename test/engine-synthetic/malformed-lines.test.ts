// Damaged MSNP inside a healthy connection: a line that is no command, a MSG whose length is not
// a number, and a MSG announcing an absurd body length. Each is reported (expert), none is
// counted under a made-up verb, and the messages after each are still decoded.
import { describe, expect, it } from 'vitest';
import { analyzeFrames, chatMime, conversationAt, frameContaining, payloadCommand, T0_US } from './synthetic';

const BOB = 'bob@hotmail.com';
const TEXTS = ['first, before any damage', 'second, after a garbage line', 'third, after a bad length', 'fourth, after an absurd length'];

const frames = conversationAt(T0_US, {
  client: { ip: '10.7.0.2', port: 2200 },
  server: { ip: '207.46.108.130', port: 1863 },
  messages: [
    { from: 'client', payload: 'USR 1 alice@hotmail.com 77.88\r\n' },
    { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
    { from: 'server', payload: `JOI ${BOB} Bob\r\n` },
    { from: 'client', payload: payloadCommand('MSG 2 N', chatMime(TEXTS[0])) },
    { from: 'server', payload: 'ZQX!! this is not a command at all\r\n' },
    { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, chatMime(TEXTS[1])) },
    { from: 'client', payload: 'MSG 3 N twelve\r\n' },
    { from: 'client', payload: payloadCommand('MSG 4 N', chatMime(TEXTS[2])) },
    { from: 'server', payload: `MSG ${BOB} Bob 99999999999\r\nnot really a body\r\n` },
    { from: 'server', payload: payloadCommand(`MSG ${BOB} Bob`, chatMime(TEXTS[3])) },
  ],
});

const result = await analyzeFrames(frames);
const warningsAt = (frame: number) => result.expert.filter((e) => e.frame === frame && e.severity !== 'note');

describe('malformed MSNP lines', () => {
  it('lose no message after them', () => {
    expect(result.sessions[0].messages.map((m) => m.text)).toEqual(TEXTS);
    expect(result.sessions[0].messages.map((m) => m.frame)).toEqual(TEXTS.map((t) => frameContaining(frames, t)));
  });

  it('report the garbage line', () => {
    expect(warningsAt(frameContaining(frames, 'ZQX!!')).length).toBeGreaterThan(0);
  });

  it('report the MSG whose length is not a number', () => {
    expect(warningsAt(frameContaining(frames, 'MSG 3 N twelve')).length).toBeGreaterThan(0);
  });

  it('flag the absurd body length as an error, without framing a body', () => {
    const absurd = warningsAt(frameContaining(frames, '99999999999'));
    expect(absurd.some((e) => e.severity === 'error' && e.message.includes('99999999999'))).toBe(true);
  });

  it('count only verbs and error codes', () => {
    for (const key of Object.keys(result.commandCounts)) expect(key).toMatch(/^([A-Z]{3}|\d{3})$/);
    expect(result.commandCounts.ZQX).toBeUndefined();
  });
});
