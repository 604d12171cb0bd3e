// The command tree's context menu for one node: filters on the field it shows (when the filter
// language has one), copying its value, it as a filter, its line, and the visible part of its
// subtree as indented text (Wireshark's "Copy › All Visible Selected Tree Items").

import { columnField } from '../../../shared/display-filter/column-fields';
import { fieldFilter } from '../../../shared/display-filter/filter-expression';
import type { AnalyzerActions } from '../../app/analyzer-actions';
import { copyText } from '../../app/clipboard';
import { filterMenuEntries } from '../../app/filter-menu';
import type { MenuEntry } from '../../components/ContextMenu';
import { analyzerStore } from '../../store/analyzer-state';
import { applyAsColumnEntry } from '../packet-list/apply-as-column';
import type { TreeLine } from './tree-lines';

/** The visible lines of `path`'s subtree (itself first), indented four spaces a level below it. */
export function visibleSubtreeText(lines: readonly TreeLine[], path: string): string {
  const start = lines.findIndex((l) => l.path === path);
  if (start < 0) return '';
  const base = lines[start].depth;
  const out: string[] = [];
  for (let i = start; i < lines.length && (i === start || lines[i].path.startsWith(`${path}/`)); i++) {
    out.push(`${'    '.repeat(lines[i].depth - base)}${lines[i].node.label}`);
  }
  return `${out.join('\n')}\n`;
}

export function treeNodeMenu(actions: AnalyzerActions, line: TreeLine, lines: readonly TreeLine[]): MenuEntry[] {
  const field = line.node.field;
  const expression = field ? fieldFilter(field) : null;
  const entries: MenuEntry[] = [];
  const linked = line.node.linkedFrame;
  if (linked !== undefined) {
    entries.push({ label: `Go to linked frame ${linked}`, testId: 'go-to-linked', onSelect: () => analyzerStore.getState().selectFrame(linked, true) }, { kind: 'separator' });
  }
  if (expression && field) entries.push(...filterMenuEntries(actions, [{ label: field.name, expression }]));
  if (field && columnField(field.name)) entries.push(applyAsColumnEntry(field.name, line.node.label));
  if (field) entries.push({ kind: 'separator' });
  if (field) entries.push({ label: 'Copy value', testId: 'copy-value', onSelect: () => void copyText(String(field.value)) });
  if (expression) entries.push({ label: 'Copy as filter', testId: 'copy-filter', onSelect: () => void copyText(expression) });
  entries.push(
    { label: 'Copy line', testId: 'copy-line', onSelect: () => void copyText(line.node.label) },
    { label: 'Copy all visible items', testId: 'copy-visible', onSelect: () => void copyText(visibleSubtreeText(lines, line.path)) },
  );
  return entries;
}
