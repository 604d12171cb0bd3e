// Every rejected filter names its problem and points at it (0-based position).
import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';

describe('compileFilter errors', () => {
  it.each([
    ['msnp.foo', "unknown field 'msnp.foo'", 0],
    ['msnp.cmd == MSG && msnp.acount == bob', "unknown field 'msnp.acount' (did you mean 'msnp.account'?)", 19],
    ['MSG', "unknown field 'MSG' (to match a command, write msnp.cmd == MSG)", 0],
    ['msnp.cmd ==', "expected value after '=='", 11],
    ['msnp.cmd == )', "expected value after '=='", 12],
    ['msnp.cmd == and', "expected value after '=='", 12],
    ['msnp.text contains', "expected value after 'contains'", 18],
    ['msnp &&', "expected an expression after '&&'", 7],
    ['msnp or', "expected an expression after 'or'", 7],
    ['()', "expected an expression after '('", 1],
    ['(msnp', "missing ')' to close the '(' at position 0; found the end of the filter", 5],
    ['msnp)', "unexpected ')' without a matching '('", 4],
    ['msnp.cmd == MSG USR', "unexpected 'USR'; expected 'and', 'or' or the end of the filter", 16],
    ['== MSG', "expected a field name before '=='", 0],
    ['"MSG"', 'expected a field name, found a string', 0],
    ['and msnp', "expected a field name, found 'and'", 0],
    ['tcp.port == abc', "'abc' is not a valid number for 'tcp.port'", 12],
    ['tcp.port == -1', "'-1' is not a valid number for 'tcp.port'", 12],
    ['ip.src == alice@example.com', "'alice@example.com' is not a valid IP address for 'ip.src'", 10],
    ['ip.src > 10.0.0.0/8', "a network prefix can only be compared with '==' or '!='", 9],
    ['tcp.port contains 18', "'contains' needs a text field; 'tcp.port' is a number", 9],
    ['ip.addr contains 10', "'contains' needs a text field; 'ip.addr' is an IP address", 8],
    ['msnp == 1', "'msnp' is a protocol: test it on its own (e.g. 'msnp'), not with '=='", 5],
    ['ip.src == tcp.port', "cannot compare 'ip.src' (an IP address) with 'tcp.port' (a number)", 10],
    ['msnp.text == "abc', 'unterminated string (missing closing ")', 13],
    ['tcp.port = 1', "'=' is not an operator; use '=='", 9],
  ])('%s', (text, error, position) => {
    expect(compileFilter(text)).toEqual({ ok: false, error, position });
  });

  it('caps nesting depth without overflowing the stack', () => {
    const deep = '('.repeat(65) + 'msnp' + ')'.repeat(65);
    expect(compileFilter(deep)).toEqual({ ok: false, error: 'parentheses nested more than 64 deep', position: 64 });
    expect(compileFilter('('.repeat(64) + 'msnp' + ')'.repeat(64)).ok).toBe(true);
  });

  it('caps the length', () => {
    const result = compileFilter('msnp or '.repeat(2000) + 'msnp');
    expect(result).toMatchObject({ ok: false, error: 'filter longer than 10000 characters' });
  });

  it('accepts long flat chains (no depth cost)', () => {
    const chain = Array.from({ length: 300 }, (_, i) => `frame.number == ${i + 1}`).join(' || ');
    const result = compileFilter(chain);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.predicate({ number: 300 })).toBe(true);
  });
});
