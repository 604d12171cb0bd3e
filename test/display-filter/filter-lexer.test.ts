// Tokens and their positions, including the bare words that make filters pleasant to type.
import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, tokenize } from '../../src/shared/display-filter/filter-lexer';

const lex = (src: string) => tokenize(src).map((t) => [t.kind, t.text, t.pos]);

describe('tokenize', () => {
  it.each([
    ['msnp.cmd==MSG', [['word', 'msnp.cmd', 0], ['op', '==', 8], ['word', 'MSG', 10], ['end', '', 13]]],
    ['!(tcp.port<=1863)', [['op', '!', 0], ['lparen', '(', 1], ['word', 'tcp.port', 2], ['op', '<=', 10], ['word', '1863', 12], ['rparen', ')', 16], ['end', '', 17]]],
    ['a != b', [['word', 'a', 0], ['op', '!=', 2], ['word', 'b', 5], ['end', '', 6]]],
    ['x&&y||z', [['word', 'x', 0], ['op', '&&', 1], ['word', 'y', 3], ['op', '||', 4], ['word', 'z', 6], ['end', '', 7]]],
    ['ip.addr == fe80::1%eth0', [['word', 'ip.addr', 0], ['op', '==', 8], ['word', 'fe80::1%eth0', 11], ['end', '', 23]]],
    ['msnp.account == alice@example.com', [['word', 'msnp.account', 0], ['op', '==', 13], ['word', 'alice@example.com', 16], ['end', '', 33]]],
    ['msnp.text contains 你好', [['word', 'msnp.text', 0], ['word', 'contains', 10], ['word', '你好', 19], ['end', '', 21]]],
    ['  ', [['end', '', 2]]],
  ])('%s', (src, expected) => {
    expect(lex(src)).toEqual(expected);
  });

  it.each([
    ['"a\\"b"', 'a"b'],
    ['"back\\\\slash"', 'back\\slash'],
    ['"tab\\tnl\\n"', 'tab\tnl\n'],
    ['"\\x41\\u00e9"', 'Aé'],
    ['"and or == ("', 'and or == ('],
  ])('string %s decodes its escapes', (src, text) => {
    expect(tokenize(src)[0]).toEqual({ kind: 'string', text, pos: 0 });
  });

  it.each([
    ['msnp.text == "abc', 'unterminated string', 13],
    ['msnp.text == "a\\qb"', "unknown escape '\\q'", 15],
    ['"\\x4"', "escape '\\x' needs 2 hex digits", 1],
    ['tcp.port = 1863', "'=' is not an operator; use '=='", 9],
    ['msnp & tcp', "'&' is not an operator; use '&&'", 5],
    ['msnp | tcp', "'|' is not an operator; use '||'", 5],
    ['tcp.port == $1', "unexpected character '$'", 12],
  ])('%s fails with a position', (src, message, position) => {
    let error: unknown;
    try {
      tokenize(src);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect((error as FilterSyntaxError).message).toContain(message);
    expect((error as FilterSyntaxError).position).toBe(position);
  });
});
