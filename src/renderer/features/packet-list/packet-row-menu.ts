// The packet list's context menu for one row: filters on its connection (tcp.stream), its
// addresses and its MSNP commands, "Filter on this connection", and copying the row as a summary
// line (the columns as shown, tab-separated) or as one of those filters; the transcript of the
// session the frame belongs to; mark it or set it as time reference.

import { fieldFilter } from '../../../shared/display-filter/filter-expression';
import type { FrameRow, SessionRecord } from '../../../shared/model';
import { analyzerStore } from '../../store/analyzer-state';
import type { AnalyzerActions } from '../../app/analyzer-actions';
import { copyText } from '../../app/clipboard';
import { applyFilterText, filterMenuEntries, type FilterChoice } from '../../app/filter-menu';
import type { MenuEntry } from '../../components/ContextMenu';
import { openFlowGraph } from '../flow-graph/flow-graph-state';
import { timeText, type PacketTableMeta } from './packet-columns';

const MSNP_VERB = /^(?:[A-Z]{3}|\d{3})$/;

/** The verbs of the MSNP commands a row's Info lists ("MSG 3 N 139 · ACK 3" → MSG, ACK). */
export function rowVerbs(row: FrameRow): string[] {
  if (row.protocol !== 'MSNP') return [];
  const verbs = row.info.split(' · ').map((summary) => summary.split(' ', 1)[0]).filter((v) => MSNP_VERB.test(v));
  return [...new Set(verbs)];
}

export function connectionFilter(row: FrameRow): string | null {
  return row.stream >= 0 ? fieldFilter({ name: 'tcp.stream', value: row.stream }) : null;
}

/** The filters a row offers, in menu order; a field whose value does not fit it is left out. */
export function packetRowFilters(row: FrameRow): FilterChoice[] {
  const choices: Array<{ label: string; expression: string | null }> = [
    { label: 'Connection', expression: connectionFilter(row) },
    { label: 'Source', expression: fieldFilter({ name: 'ip.src', value: row.source }) },
    { label: 'Destination', expression: fieldFilter({ name: 'ip.dst', value: row.destination }) },
    ...rowVerbs(row).map((verb) => ({ label: 'Command', expression: fieldFilter({ name: 'msnp.cmd', value: verb }) })),
  ];
  return choices.filter((c): c is FilterChoice => c.expression !== null);
}

/** The row as the packet list shows it: No., Time, Source, Destination, Protocol, Length, Info, tab-separated. */
export function packetSummaryLine(row: FrameRow, meta: PacketTableMeta): string {
  // A tab or line break inside a captured Info text would split the line's columns.
  return [row.number, timeText(row, meta), row.source, row.destination, row.protocol, row.length, row.info].map((cell) => String(cell).replace(/[\t\r\n]/g, ' ')).join('\t');
}

/** The switchboard sessions whose connections carry the row's frame (a chat message → its session). */
export function rowSessions(row: FrameRow, sessions: readonly SessionRecord[]): number[] {
  const connection = row.connection;
  return connection === undefined ? [] : sessions.filter((s) => s.connections.includes(connection)).map((s) => s.id);
}

export function packetRowMenu(actions: AnalyzerActions, row: FrameRow, meta: PacketTableMeta, sessions: readonly SessionRecord[] = []): MenuEntry[] {
  const filters = packetRowFilters(row);
  const connection = connectionFilter(row);
  const inSessions = rowSessions(row, sessions);
  return [
    ...inSessions.map((id): MenuEntry => ({
      label: `Show session ${id}'s transcript`,
      testId: `open-session-${id}`,
      onSelect: () => analyzerStore.getState().openSession(id),
    })),
    ...(inSessions.length > 0 ? [{ kind: 'separator' as const }] : []),
    ...filterMenuEntries(actions, filters),
    { label: 'Filter on this connection', testId: 'filter-connection', disabled: connection === null, onSelect: () => connection && applyFilterText(actions, connection) },
    { label: 'Flow graph of this connection', testId: 'flow-graph-connection', disabled: row.stream < 0, onSelect: () => openFlowGraph({ kind: 'stream', stream: row.stream }, row.number) },
    { kind: 'separator' },
    // The menu opens on the selected row (a right-click selects it first), so these act on it.
    { label: row.marked ? 'Unmark Packet' : 'Mark Packet', testId: 'mark-packet', onSelect: () => void actions.mark('toggle') },
    { label: row.timeReference ? 'Unset Time Reference' : 'Set Time Reference', testId: 'time-reference', onSelect: () => void actions.timeReference('toggle') },
    { kind: 'separator' },
    {
      label: 'Copy',
      testId: 'copy',
      items: [
        { label: 'Summary line', testId: 'copy-summary', onSelect: () => void copyText(packetSummaryLine(row, meta)) },
        ...(filters.length > 0 ? [{ label: 'As Filter', testId: 'copy-filter', items: filters.map((f, i) => ({ label: `${f.label}: ${f.expression}`, testId: `copy-filter-${i}`, onSelect: () => void copyText(f.expression) })) }] : []),
      ],
    },
  ];
}
