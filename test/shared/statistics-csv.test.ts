// "Copy as CSV" of a statistics table: RFC 4180 quoting, empty cells for null, and captured text
// (a verb, a file name) that cannot become a spreadsheet formula or hide characters.
import { describe, expect, it } from 'vitest';
import { statsTableCsv, type StatsTable } from '../../src/shared/statistics';

describe('statsTableCsv', () => {
  it('writes a header, rows, quotes and empty cells', () => {
    const table: StatsTable = {
      title: 't',
      columns: [{ label: 'File' }, { label: 'Size (bytes)', format: 'integer' }, { label: 'Damage' }],
      rows: [['a,b.pcap', 1200, null], ['say "hi".pcap', 0, 'at byte 24: truncated']],
    };
    expect(statsTableCsv(table)).toBe('File,Size (bytes),Damage\r\n"a,b.pcap",1200,\r\n"say ""hi"".pcap",0,at byte 24: truncated\r\n');
  });

  it('defuses formulas and shows hidden characters in captured text', () => {
    const table: StatsTable = { title: 't', columns: [{ label: 'Verb' }, { label: 'Total', format: 'integer' }], rows: [['=HYPERLINK("x")', 1], ['MS\u202eG', -2]] };
    expect(statsTableCsv(table).split('\r\n').slice(1, 3)).toEqual([`"'=HYPERLINK(""x"")",1`, 'MS\\u{202e}G,-2']);
  });
});
