// The window shows expert notes as groups: the differ sends `expertGroups`, never the per-note
// list (up to 100,000 notes), and a group that grows is sent again with its new count.
import { describe, expect, it } from 'vitest';
import { ResultDiffer } from '../../src/main/backend/result-differ';
import { ExpertGrouper } from '../../src/shared/expert-grouping';
import type { ExpertRecord } from '../../src/shared/model';
import { emptyResult } from '../../src/shared/result-delta';

describe('expert notes in result increments', () => {
  it('sends the groups, not the notes', () => {
    const differ = new ResultDiffer();
    const grouper = new ExpertGrouper();
    const notes: ExpertRecord[] = [];
    const note = (frame: number) => {
      notes.push({ frame, severity: 'warning', message: `${frame * 10} bytes missing from the client` });
      grouper.add(frame, 'warning', `${frame * 10} bytes missing from the client`);
    };
    note(3);
    note(7);
    const first = differ.delta({ ...emptyResult(), expert: notes.slice(), expertGroups: grouper.all() });
    expect(first.lists.expert).toBeUndefined();
    expect(first.lists.expertGroups).toEqual({ length: 1, changed: [[0, { severity: 'warning', summary: 'N bytes missing from the client', example: '30 bytes missing from the client', count: 2, frames: [3, 7] }]] });
    note(9);
    const second = differ.delta({ ...emptyResult(), expert: notes.slice(), expertGroups: grouper.all() });
    expect(second.lists.expert).toBeUndefined();
    expect(second.lists.expertGroups?.changed.map(([i, g]) => [i, g.count, g.frames])).toEqual([[0, 3, [3, 7, 9]]]);
  });
});
