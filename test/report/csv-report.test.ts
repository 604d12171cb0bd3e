// Captured text is attacker-controlled: a cell a spreadsheet would evaluate as a formula is
// defused with a leading quote (OWASP "CSV injection"), everything else stays as sent.
import { expect, it } from 'vitest';
import { csvCell } from '../../src/main/report/csv-report';

it.each([
  ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ['+1+1', "'+1+1"],
  ['-2', "'-2"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['hello = world', 'hello = world'],
])('defuses %j', (value, expected) => {
  expect(csvCell(value)).toBe(expected);
});

it('leaves numbers alone', () => {
  expect(csvCell(-5)).toBe('-5');
});
