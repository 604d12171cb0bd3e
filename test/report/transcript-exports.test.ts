// Transcript exports of a hostile session (synthetic capture: a nick that is an <img onerror> tag
// with a right-to-left override, a <script> chat line, an override in a message, a two-line
// message): HTML that runs and loads nothing, text with hidden characters as escapes, JSON as sent.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { transcriptHtml } from '../../src/main/report/transcript/transcript-html';
import { transcriptJson } from '../../src/main/report/transcript/transcript-json';
import { transcriptText } from '../../src/main/report/transcript/transcript-text';
import { analyzeFrames } from '../engine-synthetic/synthetic';
import { exportFrames, HOSTILE_NICK, RLO_TEXT, SCRIPT_TEXT, TWO_LINES } from '../engine-synthetic/export-scenario';

const result = await analyzeFrames(exportFrames);
const session = result.sessions[0];

describe('transcript as HTML', () => {
  const html = transcriptHtml(session);

  it('holds no element but its own: no script, img, link, iframe, object or event handler', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|link|svg|a)\b/i);
    // No attribute that loads or runs anything, in any tag.
    expect([...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]).filter((tag) => /\s(on\w+|src|href|srcset|action)\s*=/i.test(tag))).toEqual([]);
  });

  it('escapes the hostile nick and the script line and shows the override as a marker, never raw', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;<span class="hidden-char">⟨U+202E⟩</span>evil');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; hi');
    expect(html).toContain('open the <span class="hidden-char">⟨U+202E⟩</span>txt.exe file');
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // Each captured string is isolated, as in the window.
    expect(html).toContain('<bdi>first line\r\nsecond line</bdi>');
  });

  it('carries a Content-Security-Policy that forbids scripts and every external resource, allowing only its own style by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describe('transcript as text', () => {
  const text = transcriptText(session);

  it('writes one line a message, hidden characters as escapes, a second line of a message indented', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Session 1: Alice <alice@hotmail.com>, <img src=x onerror=alert(1)>\\u{202e}evil <bob@hotmail.com>');
    expect(lines).toContain('[10:00:00] <img src=x onerror=alert(1)>\\u{202e}evil <bob@hotmail.com>: <script>alert("pwned")</script> hi');
    expect(lines).toContain('[10:00:00] Alice <alice@hotmail.com>: open the \\u{202e}txt.exe file');
    const at = lines.indexOf('[10:00:00] <img src=x onerror=alert(1)>\\u{202e}evil <bob@hotmail.com>: first line');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('    second line');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
  });
});

describe('transcript as JSON', () => {
  it('lists the session\'s lines with frame, time, from and text as sent', () => {
    const parsed = JSON.parse(transcriptJson(session)) as { session: number; lines: { frame: number; time: string; kind: string; from: string; nick: string; text: string }[] };
    expect(parsed.session).toBe(1);
    const messages = parsed.lines.filter((l) => l.kind === 'message');
    expect(messages.map((m) => [m.frame, m.time, m.from, m.nick, m.text])).toEqual(
      session.messages.map((m) => [m.frame, m.time, m.from, m.nick, m.text]),
    );
    expect(messages.map((m) => m.text)).toEqual([SCRIPT_TEXT, RLO_TEXT, TWO_LINES]);
    expect(messages[0].nick).toBe(HOSTILE_NICK);
    // Events sit between the messages in wire order (bob's join before his first message).
    const join = parsed.lines.findIndex((l) => l.kind === 'join' && l.from === 'bob@hotmail.com');
    expect(join).toBeGreaterThanOrEqual(0);
    expect(join).toBeLessThan(parsed.lines.indexOf(messages[0]));
  });
});
