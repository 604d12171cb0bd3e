// What the context menus offer and copy: a packet row's filters (connection, addresses, MSNP
// verbs) and summary line, a tree node's visible subtree as indented text, and a table row's
// cells; expected strings written by hand.
import { createColumnHelper, getCoreRowModel, createTable } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/shared/model';
import { packetRowFilters, packetSummaryLine, rowVerbs } from '../../src/renderer/features/packet-list/packet-row-menu';
import { visibleSubtreeText } from '../../src/renderer/features/command-tree/tree-node-menu';
import { visibleTreeLines } from '../../src/renderer/features/command-tree/tree-lines';
import { accountFilters, sessionFilters } from '../../src/renderer/features/side-panel/row-filters';
import { rowText } from '../../src/renderer/components/table-row-menu';
import { row } from './rows';

describe('packet row menu', () => {
  it('offers the connection, both addresses and each MSNP verb of the row', () => {
    const r = row(12, { stream: 3, source: '192.168.0.114', destination: '207.46.26.167', info: 'MSG 3 N 139 · ACK 3', protocol: 'MSNP' });
    expect(rowVerbs(r)).toEqual(['MSG', 'ACK']);
    expect(packetRowFilters(r)).toEqual([
      { label: 'Connection', expression: 'tcp.stream == 3' },
      { label: 'Source', expression: 'ip.src == 192.168.0.114' },
      { label: 'Destination', expression: 'ip.dst == 207.46.26.167' },
      { label: 'Command', expression: 'msnp.cmd == "MSG"' },
      { label: 'Command', expression: 'msnp.cmd == "ACK"' },
    ]);
  });

  it('offers no stream, verb or address that is not one', () => {
    const r = row(5, { stream: -1, source: '00:16:ce:6e:8b:24', destination: 'Broadcast', protocol: 'ARP', info: 'Who has 10.0.0.1?' });
    expect(packetRowFilters(r)).toEqual([]);
    expect(rowVerbs(row(6, { protocol: 'TCP', info: 'ACK 1863 → 3331' }))).toEqual([]);
    expect(rowVerbs(row(7, { protocol: 'MSNP', info: '911 5 (Authentication failed) · Malformed line "x"' }))).toEqual(['911']);
  });

  it('copies the summary line as the columns show it, tab-separated, on one line', () => {
    const r = row(3, { timeUs: 1_500_250, source: '10.0.0.1', destination: '10.0.0.2', protocol: 'MSNP', length: 63, info: 'MSG a\tb\r\nc' });
    expect(packetSummaryLine(r, { firstTimeUs: 1_000_000, timeFormat: 'relative' })).toBe('3\t0.500250\t10.0.0.1\t10.0.0.2\tMSNP\t63\tMSG a b  c');
  });
});

describe('tree copy', () => {
  const tree: TreeNode[] = [
    { label: 'Frame 1', children: [{ label: 'Frame Number: 1' }] },
    { label: 'MSNP: MSG', children: [{ label: 'Command: MSG' }, { label: 'Body (5 bytes)', children: [{ label: 'hello' }] }, { label: '[Session 2]' }] },
  ];

  it('copies the visible part of a subtree, four spaces a level', () => {
    const lines = visibleTreeLines(tree, new Map([['1/1', true]]));
    expect(visibleSubtreeText(lines, '1')).toBe('MSNP: MSG\n    Command: MSG\n    Body (5 bytes)\n        hello\n    [Session 2]\n');
    expect(visibleSubtreeText(lines, '1/1')).toBe('Body (5 bytes)\n    hello\n');
    // Collapsed: only the node itself.
    expect(visibleSubtreeText(lines, '0')).toBe('Frame 1\n');
    expect(visibleSubtreeText(visibleTreeLines(tree, new Map()), '1')).toBe('MSNP: MSG\n    Command: MSG\n    Body (5 bytes)\n    [Session 2]\n');
  });
});

describe('side table rows', () => {
  it('filters on a session and on each distinct account, quoted', () => {
    expect(sessionFilters(4)).toEqual([{ label: 'Session', expression: 'msnp.session == 4' }]);
    expect(sessionFilters(null)).toEqual([]);
    expect(accountFilters('bob@example.com', null, '', 'bob@example.com', 'x"y@z')).toEqual([
      { label: 'Account', expression: 'msnp.account == "bob@example.com"' },
      { label: 'Account', expression: 'msnp.account == "x\\"y@z"' },
    ]);
  });

  it('copies a row as its cells, tab-separated', () => {
    const c = createColumnHelper<{ id: number; who: string }>();
    const table = createTable({
      data: [{ id: 3, who: 'alice\t@x' }],
      columns: [c.accessor('id', { header: '#' }), c.accessor('who', { header: 'Who' })],
      getCoreRowModel: getCoreRowModel(),
      state: {},
      onStateChange: () => {},
      renderFallbackValue: null,
    });
    table.setOptions((o) => ({ ...o, state: table.initialState }));
    expect(rowText(table.getRowModel().rows[0])).toBe('3\talice @x');
  });
});
