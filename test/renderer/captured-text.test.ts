// CapturedText isolates captured strings in <bdi> and shows hidden characters as styled markers;
// the transcript uses it for nicks and text. Server-side rendering, no DOM needed; the expected
// markup is written by hand.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/shared/model';
import { CapturedText } from '../../src/renderer/components/CapturedText';
import { SessionTranscript } from '../../src/renderer/features/transcript/TranscriptView';

const render = (text: string, keep?: string) => renderToStaticMarkup(createElement(CapturedText, { text, keep }));

describe('CapturedText', () => {
  it('isolates the text and marks a right-to-left override', () => {
    expect(render('invoice\u202Egpj.exe')).toBe('<bdi class="captured">invoice<span class="hidden-char">⟨U+202E⟩</span>gpj.exe</bdi>');
  });

  it('isolates plain text too', () => {
    expect(render('שלום')).toBe('<bdi class="captured">שלום</bdi>');
  });

  it('keeps what it is told to keep, marks the rest', () => {
    expect(render('a\r\nb\x1b', '\r\n')).toBe('<bdi class="captured">a\r\nb<span class="hidden-char">⟨U+001B⟩</span></bdi>');
  });
});

describe('transcript', () => {
  it('shows an unterminated override in a nick as a marker inside its own <bdi>', () => {
    const nick = 'Bob\u202Eevil';
    const session: SessionRecord = {
      id: 1, connections: [], typing: 0, participants: [{ account: 'bob@example.com', nick }],
      messages: [{ frame: 2, time: '2006-03-23T12:00:01.000000Z', from: 'bob@example.com', nick, text: 'hi\r\nthere' }],
    };
    const html = renderToStaticMarkup(createElement(SessionTranscript, { sessions: [session], session, selectedFrame: null }));
    expect(html).toContain('<bdi class="captured tl-nick">Bob<span class="hidden-char">⟨U+202E⟩</span>evil</bdi>');
    expect(html).toContain('<bdi class="captured tl-text">hi\r\nthere</bdi>');
    expect(html).toContain('Session 1: Bob⟨U+202E⟩evil &lt;bob@example.com&gt;');
    expect(html).not.toContain('\u202E');
  });
});
