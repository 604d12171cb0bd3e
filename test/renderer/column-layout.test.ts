// The packet list's column set: hide, move (drag and keyboard), resize, add a field column, and
// what comes back from storage, checked.
import { describe, expect, it } from 'vitest';
import {
  addFieldColumn, checkColumns, customFields, defaultColumns, moveBefore, moveBy, removeColumn, setHidden, setWidth, visibleColumns,
} from '../../src/renderer/features/packet-list/column-layout';
import { columnTitleFromLabel } from '../../src/renderer/features/packet-list/apply-as-column';

const ids = (columns: { id: string; hidden: boolean }[]): string[] => columns.filter((c) => !c.hidden).map((c) => c.id);

describe('column layout', () => {
  it('hides and shows a column, but never the last one shown', () => {
    let c = setHidden(defaultColumns(), 'protocol', true);
    expect(ids(c)).toEqual(['number', 'time', 'source', 'destination', 'length', 'info']);
    for (const id of ['number', 'time', 'source', 'destination', 'length']) c = setHidden(c, id, true);
    expect(ids(setHidden(c, 'info', true))).toEqual(['info']);
    expect(ids(setHidden(c, 'time', false))).toEqual(['time', 'info']);
  });

  it('moves a column onto another (drag) and one visible place left or right (keyboard), skipping hidden ones', () => {
    expect(ids(moveBefore(defaultColumns(), 'info', 'number'))).toEqual(['info', 'number', 'time', 'source', 'destination', 'protocol', 'length']);
    expect(ids(moveBefore(defaultColumns(), 'number', 'protocol'))).toEqual(['time', 'source', 'destination', 'protocol', 'number', 'length', 'info']);
    const hidden = setHidden(defaultColumns(), 'time', true);
    expect(ids(moveBy(hidden, 'source', -1))).toEqual(['source', 'number', 'destination', 'protocol', 'length', 'info']);
    expect(ids(moveBy(hidden, 'number', 1))).toEqual(['source', 'number', 'destination', 'protocol', 'length', 'info']);
    expect(ids(moveBy(hidden, 'number', -1))).toEqual(ids(hidden));
    expect(ids(moveBy(hidden, 'info', 1))).toEqual(ids(hidden));
  });

  it('keeps widths within bounds', () => {
    expect(setWidth(defaultColumns(), 'info', 5).find((c) => c.id === 'info')!.width).toBe(30);
    expect(setWidth(defaultColumns(), 'info', 1e9).find((c) => c.id === 'info')!.width).toBe(2000);
  });

  it('adds a column for a field with values, once, numbers right-aligned; refuses protocols, bytes and unknown names', () => {
    const c = addFieldColumn(defaultColumns(), 'tcp.window_size', 'Calculated window size', 'length')!;
    expect(ids(c)).toEqual(['number', 'time', 'source', 'destination', 'protocol', 'length', 'field:tcp.window_size', 'info']);
    expect(c.find((x) => x.id === 'field:tcp.window_size')).toMatchObject({ field: 'tcp.window_size', align: 'right', title: 'Calculated window size' });
    expect(addFieldColumn(c, 'msnp.account', 'Account')!.at(-1)).toMatchObject({ align: 'left' });
    expect(addFieldColumn(c, 'tcp.window_size', 'again')).toHaveLength(c.length);
    for (const name of ['tcp', 'frame', 'tcp.payload', 'no.such']) expect(addFieldColumn(c, name, name)).toBeNull();
    let many = defaultColumns();
    for (const f of ['frame.len', 'frame.cap_len', 'ip.src', 'ip.dst', 'ip.addr', 'ip.proto', 'tcp.port', 'tcp.srcport', 'tcp.dstport', 'tcp.stream', 'tcp.len', 'tcp.seq', 'tcp.ack', 'tcp.flags', 'udp.port', 'msnp.cmd']) many = addFieldColumn(many, f, f)!;
    expect(addFieldColumn(many, 'msnp.trid', 'TrID')).toBeNull();
    expect(customFields(setHidden(many, 'field:ip.src', true))).not.toContain('ip.src');
  });

  it('removes custom columns only', () => {
    const c = addFieldColumn(defaultColumns(), 'frame.len', 'Frame Length')!;
    expect(ids(removeColumn(c, 'field:frame.len'))).toEqual(ids(defaultColumns()));
    expect(removeColumn(c, 'info')).toEqual(c);
  });

  it('checks a stored set: drops unknown and repeated columns, clamps widths, brings back missing built-ins hidden', () => {
    expect(checkColumns('x')).toBeNull();
    expect(checkColumns([{ id: 'nope' }])).toBeNull();
    const c = checkColumns([
      { id: 'info', width: 99999, align: 'diagonal' },
      { id: 'info', width: 10 },
      { id: 'field:tcp.len', field: 'tcp.len', title: 'Len', width: 60, align: 'right' },
      { id: 'field:tcp', field: 'tcp' },
      { id: 'field:frame.len', field: 'tcp.len' },
      { id: 'number', hidden: true, width: 'wide' },
    ])!;
    expect(c.map((x) => x.id)).toEqual(['info', 'field:tcp.len', 'number', 'time', 'source', 'destination', 'protocol', 'length']);
    expect(c[0]).toEqual({ id: 'info', width: 2000, hidden: false, align: 'left' });
    expect(c[1]).toEqual({ id: 'field:tcp.len', field: 'tcp.len', title: 'Len', width: 60, hidden: false, align: 'right' });
    expect(ids(c)).toEqual(['info', 'field:tcp.len']);
    expect(visibleColumns(checkColumns([{ id: 'time', hidden: true }])!)).toHaveLength(1);
  });

  it('titles a column by the node label before its value', () => {
    expect(columnTitleFromLabel('Window: 64', 'tcp.window_size_value')).toBe('Window');
    expect(columnTitleFromLabel('[Calculated window size: 65536]', 'tcp.window_size')).toBe('Calculated window size');
    expect(columnTitleFromLabel('TCP payload (51 bytes)', 'tcp.len')).toBe('tcp.len');
  });
});
