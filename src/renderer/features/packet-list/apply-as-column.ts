// "Apply as Column" (a tree node's context menu): a packet-list column showing the node's
// display-filter field for every row, titled by the node's label before its value ("Window" for
// "Window: 16111"), or by the field name when the label has no such part.

import { MAX_CUSTOM_COLUMNS } from '../../../shared/display-filter/column-fields';
import type { MenuEntry } from '../../components/ContextMenu';
import { analyzerStore } from '../../store/analyzer-state';
import { addFieldColumn } from './column-layout';

export function columnTitleFromLabel(label: string, field: string): string {
  // A generated line is bracketed ("[Calculated window size: 65536]").
  const text = label.replace(/^\[/, '');
  const colon = text.indexOf(': ');
  const head = colon > 0 ? text.slice(0, colon).trim() : '';
  return head && head.length <= 40 ? head : field;
}

export function applyAsColumnEntry(field: string, label: string): MenuEntry {
  return {
    label: 'Apply as Column',
    testId: 'apply-as-column',
    onSelect: () => {
      const s = analyzerStore.getState();
      const before = s.columns;
      s.changeColumns((columns) => addFieldColumn(columns, field, columnTitleFromLabel(label, field)));
      if (analyzerStore.getState().columns === before) s.notify('info', `No more columns can be added (at most ${MAX_CUSTOM_COLUMNS} custom columns).`);
    },
  };
}
