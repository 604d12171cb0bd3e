// Captured text is attacker-controlled: markup, terminal escape sequences and bidi overrides in a
// chat message and a nickname stay exactly as sent in the result (JSON), and the text report
// makes every control character visible instead of sending it to the terminal.
import { describe, expect, it } from 'vitest';
import { textReport } from '../../src/main/report/text-report';
import { jsonReport } from '../../src/main/report/json-report';
import { analyzeFrames, chatMime, conversationAt, payloadCommand, T0_US, terminalControls } from './synthetic';

const MARKUP = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const ESCAPES = 'clear\x1b[2J title\x1b]0;pwned\x07 bell\x07 nul?';
const BIDI = 'invoice\u202Etxt.exe';
const NICK_RAW = 'Bob%1B[31mRED%E2%80%AE';
const NICK = 'Bob\x1b[31mRED\u202E';

const frames = conversationAt(T0_US, {
  client: { ip: '10.8.0.2', port: 2300 },
  server: { ip: '207.46.108.140', port: 1863 },
  messages: [
    { from: 'client', payload: 'USR 1 alice@hotmail.com 11.22\r\n' },
    { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
    { from: 'server', payload: `JOI bob@hotmail.com ${NICK_RAW}\r\n` },
    { from: 'server', payload: payloadCommand(`MSG bob@hotmail.com ${NICK_RAW}`, chatMime(MARKUP)) },
    { from: 'server', payload: payloadCommand(`MSG bob@hotmail.com ${NICK_RAW}`, chatMime(ESCAPES)) },
    { from: 'client', payload: payloadCommand('MSG 2 N', chatMime(BIDI)) },
  ],
});

const result = await analyzeFrames(frames);

describe('hostile chat text', () => {
  it('is kept as sent in the result and the JSON report', () => {
    expect(result.sessions[0].messages.map((m) => m.text)).toEqual([MARKUP, ESCAPES, BIDI]);
    expect(result.sessions[0].messages[0].nick).toBe(NICK);
    const parsed = JSON.parse(jsonReport(result));
    expect(parsed.sessions[0].messages.map((m: { text: string }) => m.text)).toEqual([MARKUP, ESCAPES, BIDI]);
  });

  it('is printed with control and bidi characters made visible in the text report', () => {
    const text = textReport(result);
    // No C0/C1 control except the report's own line feeds, no bidi override.
    expect(terminalControls(text)).toEqual([]);
    expect(text).toContain(MARKUP);
    expect(text).toContain('[2J');
    expect(text).toContain('pwned');
    expect(text).toContain('txt.exe');
  });
});

describe('hostile account names', () => {
  // A server (or a forged capture) can put escape sequences in the account of a command line.
  const EVE = 'eve\x1b[2J@evil.com';
  const evil = conversationAt(T0_US, {
    client: { ip: '10.8.0.3', port: 2301 },
    server: { ip: '207.46.108.141', port: 1863 },
    messages: [
      { from: 'client', payload: `USR 1 ${EVE} 11.22\r\n` },
      { from: 'server', payload: `USR 1 OK ${EVE} Eve\r\n` },
      { from: 'server', payload: `JOI mallory\x1b]0;x\x07@evil.com Mallory\r\n` },
      { from: 'server', payload: payloadCommand('MSG mallory\x1b]0;x\x07@evil.com Mallory', chatMime('hello')) },
    ],
  });

  it('never reach the terminal raw through the text report', async () => {
    const text = textReport(await analyzeFrames(evil));
    expect(terminalControls(text)).toEqual([]);
  });
});
