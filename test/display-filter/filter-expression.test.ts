// Filter text built for "Apply / Prepare / Copy as Filter": literals by field type, hostile
// captured strings quoted so they stay one literal (checked by compiling the result and matching
// it against a frame holding exactly that text), and the four Wireshark combinations.
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';
import { combineFilter, fieldFilter, filterLiteral, quoteFilterString } from '../../src/shared/display-filter/filter-expression';
import type { FrameFields } from '../../src/shared/display-filter/frame-fields';

function frameWithText(text: string, account = 'alice@example.com'): FrameFields {
  return { number: 1, msnp: { commands: ['MSG'], trids: [3], accounts: [account], sessions: [2], errors: [], version: null, contentTypes: [], texts: [text] } };
}

describe('filter literals', () => {
  it.each([
    [{ name: 'tcp.stream', value: 3 }, 'tcp.stream == 3'],
    [{ name: 'frame.number', value: 214 }, 'frame.number == 214'],
    [{ name: 'ip.src', value: '192.168.0.114' }, 'ip.src == 192.168.0.114'],
    [{ name: 'ip.dst', value: 'fe80::1' }, 'ip.dst == fe80::1'],
    [{ name: 'msnp.cmd', value: 'MSG' }, 'msnp.cmd == "MSG"'],
    [{ name: 'msnp.account', value: 'bob@example.com' }, 'msnp.account == "bob@example.com"'],
    [{ name: 'msnp.session', value: 7 }, 'msnp.session == 7'],
  ])('%o → %s', (field, text) => {
    expect(fieldFilter(field)).toBe(text);
  });

  it('refuses values that do not fit the field, and unknown fields', () => {
    expect(fieldFilter({ name: 'tcp.stream', value: '3 || frame' })).toBeNull();
    expect(fieldFilter({ name: 'ip.src', value: '00:16:ce:6e:8b:24 || 1' })).toBeNull();
    expect(fieldFilter({ name: 'no.such.field', value: 1 })).toBeNull();
    expect(filterLiteral('ip.src', '00:16:ce:6e:8b:24')).toBeNull();
    expect(filterLiteral('ip.src', '::1')).toBe('::1');
    expect(filterLiteral('ip.src', '2001:db8:0:0:0:0:0:1')).toBe('2001:db8:0:0:0:0:0:1');
    expect(filterLiteral('tcp.flags', '0x018')).toBe('0x018');
  });

  it('escapes quotes, backslashes and control characters', () => {
    expect(quoteFilterString('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
    expect(quoteFilterString('a\r\nb\u0000\u007f')).toBe('"a\\x0d\\x0ab\\x00\\x7f"');
    expect(quoteFilterString('héllo 你好')).toBe('"héllo 你好"');
  });

  it.each([
    'x" || frame || msnp.text == "',
    'ends with a backslash \\',
    '\\" || 1 == 1 || "',
    'line\nbreak\tand\u0001control',
    'quote " alone',
  ])('a hostile text stays one literal: %j', (hostile) => {
    const text = fieldFilter({ name: 'msnp.text', value: hostile })!;
    const compiled = compileFilter(text);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.predicate(frameWithText(hostile))).toBe(true);
    expect(compiled.predicate(frameWithText(`${hostile}.`))).toBe(false);
    expect(compiled.predicate(frameWithText('x'))).toBe(false);
  });

  it('a hostile account stays one literal', () => {
    const account = 'eve"@example.com || frame';
    const compiled = compileFilter(fieldFilter({ name: 'msnp.account', value: account })!);
    expect(compiled.ok && compiled.predicate(frameWithText('', account))).toBe(true);
    expect(compiled.ok && compiled.predicate(frameWithText('', 'alice@example.com'))).toBe(false);
  });
});

describe('combining with the filter bar', () => {
  it.each([
    ['', 'selected', 'tcp.stream == 3'],
    ['msnp', 'selected', 'tcp.stream == 3'],
    ['msnp', 'not-selected', '!(tcp.stream == 3)'],
    ['', 'and-selected', 'tcp.stream == 3'],
    ['  msnp || udp ', 'and-selected', '(msnp || udp) && (tcp.stream == 3)'],
    ['msnp', 'or-selected', '(msnp) || (tcp.stream == 3)'],
  ] as const)('%j %s', (current, how, expected) => {
    expect(combineFilter(current, 'tcp.stream == 3', how)).toBe(expected);
    expect(compileFilter(expected).ok).toBe(true);
  });
});
