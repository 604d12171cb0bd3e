// Hidden and layout-steering characters in captured text become visible markers; everything else
// stays as sent. Expected strings are written by hand from the code points.
import { describe, expect, it } from 'vitest';
import { escapeMarker, hasInvisible, invisibleParts, showInvisible } from '../../src/shared/visible-text';

describe('showInvisible', () => {
  it('shows a right-to-left override in a file name', () => {
    expect(showInvisible('invoice\u202Egpj.exe')).toBe('invoice⟨U+202E⟩gpj.exe');
  });

  it.each([
    ['\u202A', '⟨U+202A⟩'], ['\u202B', '⟨U+202B⟩'], ['\u202C', '⟨U+202C⟩'], ['\u202D', '⟨U+202D⟩'],
    ['\u2066', '⟨U+2066⟩'], ['\u2067', '⟨U+2067⟩'], ['\u2068', '⟨U+2068⟩'], ['\u2069', '⟨U+2069⟩'],
    ['\u200E', '⟨U+200E⟩'], ['\u200F', '⟨U+200F⟩'], ['\u061C', '⟨U+061C⟩'],
    ['\u200B', '⟨U+200B⟩'], ['\u200C', '⟨U+200C⟩'], ['\u200D', '⟨U+200D⟩'], ['\u2060', '⟨U+2060⟩'], ['\uFEFF', '⟨U+FEFF⟩'],
    ['\u0000', '⟨U+0000⟩'], ['\u0007', '⟨U+0007⟩'], ['\u001B', '⟨U+001B⟩'], ['\n', '⟨U+000A⟩'], ['\u007F', '⟨U+007F⟩'], ['\u009B', '⟨U+009B⟩'],
  ])('marks %j', (c, marker) => {
    expect(showInvisible(`a${c}b`)).toBe(`a${marker}b`);
  });

  it('leaves letters of any script, emoji and ordinary punctuation alone', () => {
    const s = 'Zoë שלום مرحبا 日本 😀 — “quotes” \u00A0nbsp';
    expect(showInvisible(s)).toBe(s);
    expect(hasInvisible(s)).toBe(false);
  });

  it('keeps the characters it is told to keep', () => {
    expect(showInvisible('line 1\r\nline 2\u202E', undefined, '\r\n')).toBe('line 1\r\nline 2⟨U+202E⟩');
  });

  it('writes terminal escapes in ASCII for the reports', () => {
    expect(showInvisible('\u001B]0;pwned\u0007\u202E', escapeMarker)).toBe('\\u{1b}]0;pwned\\u{7}\\u{202e}');
  });

  it('answers hasInvisible the same on repeated calls (no regex state kept)', () => {
    expect([hasInvisible('x\u200By'), hasInvisible('x\u200By'), hasInvisible('plain')]).toEqual([true, true, false]);
  });
});

describe('invisibleParts', () => {
  it('cuts text into runs and markers', () => {
    expect(invisibleParts('ab\u202Ecd\u200B')).toEqual([
      { text: 'ab' }, { text: '⟨U+202E⟩', codePoint: 0x202e }, { text: 'cd' }, { text: '⟨U+200B⟩', codePoint: 0x200b },
    ]);
  });

  it('gives one plain part for plain or empty text', () => {
    expect(invisibleParts('hello')).toEqual([{ text: 'hello' }]);
    expect(invisibleParts('')).toEqual([{ text: '' }]);
  });

  it('keeps line breaks in the run when asked', () => {
    expect(invisibleParts('a\nb\u0007', '\n')).toEqual([{ text: 'a\nb' }, { text: '⟨U+0007⟩', codePoint: 7 }]);
  });
});
