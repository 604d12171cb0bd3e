// Captured text is attacker-controlled: a cell a spreadsheet would evaluate as a formula is
// defused with a leading quote (OWASP "CSV injection"), and control, bidi and zero-width characters
// are written as \u{…} escapes so the CSV printed on a terminal cannot drive it. Everything else
// stays as sent. Expected cells are written by hand from the RFC 4180 rules and the code points.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/shared/csv-cell';
import { csvReport } from '../../src/main/report/csv-report';
import { analyzeFrames, chatMime, conversationAt, payloadCommand, T0_US } from '../engine-synthetic/synthetic';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\\u{9}=1"],
    ['\r=1', "'\\u{d}=1"],
    ['hello = world', 'hello = world'],
  ])('defuses %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['title\x1b]0;pwned\x07', 'title\\u{1b}]0;pwned\\u{7}'],
    ['clear\x1b[2J', 'clear\\u{1b}[2J'],
    ['csi\x9b31m', 'csi\\u{9b}31m'],
    ['invoice\u202Etxt.exe', 'invoice\\u{202e}txt.exe'],
    ['zero\u200Bwidth', 'zero\\u{200b}width'],
    ['over\rwrite', 'over\\u{d}write'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['two\nlines', '"two\nlines"'],
  ])('escapes controls in %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('leaves numbers alone', () => {
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('csvReport of a hostile chat', () => {
  const t1 = T0_US + 5_000_000;
  const t2 = T0_US + 6_000_000;
  const frames = conversationAt(T0_US, {
    client: { ip: '10.8.0.2', port: 2300 },
    server: { ip: '207.46.108.140', port: 1863 },
    messages: [
      { from: 'client', payload: 'USR 1 alice@hotmail.com 11.22\r\n' },
      { from: 'server', payload: 'USR 1 OK alice@hotmail.com Alice\r\n' },
      { from: 'server', payload: 'JOI bob@hotmail.com Bob%1B]0;x%07\r\n' },
      { from: 'server', payload: payloadCommand('MSG bob@hotmail.com Bob%1B]0;x%07', chatMime('\x1b]0;pwned\x07\x1b[2Jhi')), tsUs: t1 },
      { from: 'client', payload: payloadCommand('MSG 2 N', chatMime('=cmd|\' /C calc\'!A0')), tsUs: t2 },
    ],
  });

  it('writes exactly the escaped, defused rows', async () => {
    const result = await analyzeFrames(frames);
    const [first, second] = result.sessions[0].messages;
    expect(csvReport(result)).toBe(
      'session,frame,time,from,nick,text\r\n' +
      `${result.sessions[0].id},${first.frame},2003-05-06T10:00:05.000000Z,bob@hotmail.com,Bob\\u{1b}]0;x\\u{7},\\u{1b}]0;pwned\\u{7}\\u{1b}[2Jhi\r\n` +
      `${result.sessions[0].id},${second.frame},2003-05-06T10:00:06.000000Z,alice@hotmail.com,Alice,'=cmd|' /C calc'!A0\r\n`,
    );
  });
});
