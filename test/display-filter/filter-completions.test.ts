// Completion of the word typed last, from the field table itself.
import { describe, expect, it } from 'vitest';
import { filterCompletions } from '../../src/shared/display-filter/filter-completions';

const labels = (text: string) => filterCompletions(text).map((c) => c.label);

describe('filterCompletions', () => {
  it('completes a partial field name to every field that starts with it, as the whole expression', () => {
    expect(labels('msnp.c')).toEqual(['msnp.cmd', 'msnp.content_type']);
    expect(filterCompletions('ip.src == 10.0.0.1 && tcp.fl').map((c) => c.value).slice(0, 2)).toEqual([
      'ip.src == 10.0.0.1 && tcp.flags', 'ip.src == 10.0.0.1 && tcp.flags.fin',
    ]);
    expect(labels('le')).toEqual(['len(']);
  });

  it('after a whole protocol name offers its fields; after a whole field, the operators', () => {
    expect(labels('udp')).toEqual(['udp.port', 'udp.srcport', 'udp.dstport', 'udp.length']);
    expect(labels('tcp.len')).toEqual(['==', '!=', 'contains', 'matches', 'in {', '>', '<']);
    expect(filterCompletions('tcp.len')[0].value).toBe('tcp.len == ');
  });

  it('offers nothing after a value, a string or an unknown word', () => {
    expect(labels('tcp.port == 1863 ')).toEqual([]);
    expect(labels('msnp.text contains "hel')).toEqual([]);
    expect(labels('zzz')).toEqual([]);
    expect(labels('msnp.text contains "tcp')).toEqual([]);
  });
});
