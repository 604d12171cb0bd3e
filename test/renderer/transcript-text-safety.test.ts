// The transcript renders captured text through React text nodes only: markup in a message, nick
// or event detail comes out escaped, never as elements. Server-side rendering, no DOM needed.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/shared/model';
import { SessionTranscript } from '../../src/renderer/features/transcript/TranscriptView';

const IMG = '<img src=x onerror=alert(1)>';
function sessionWith(text: string, nick: string, detail: string): SessionRecord {
  return {
    id: 1, connections: [], typing: 0, participants: [{ account: 'bob@example.com', nick }],
    messages: [{ frame: 2, time: '2006-03-23T12:00:01.000000Z', from: 'bob@example.com', nick, text }],
    events: [{ frame: 3, time: '2006-03-23T12:00:02.000000Z', kind: 'invitation', account: 'bob@example.com', detail }],
  };
}

describe('transcript text safety', () => {
  it('escapes markup in messages, nicks and event details', () => {
    const session = sessionWith(IMG, '<b>Bob</b>', '<script>alert(2)</script>');
    const html = renderToStaticMarkup(createElement(SessionTranscript, { sessions: [session], session, selectedFrame: null }));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;Bob&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toMatch(/<img|<script|<b>/);
  });
});
