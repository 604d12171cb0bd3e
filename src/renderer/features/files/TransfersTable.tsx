// Every invitation and its fate (issue 10): offered, accepted, declined, cancelled or failed (by
// whom, with the MSNSLP status or the CANCEL/BYE reason), then the bytes seen: stalled (with the
// last data's time), completed (every byte seen) or confirmed (the receiver's final ACK or BYE).
// An invitation is listed whether or not any data followed; clicking a row selects its frame.

import { createColumnHelper } from '@tanstack/react-table';
import type { TransferRecord, TransferStep } from '../../../shared/model';
import { CapturedText } from '../../components/CapturedText';
import { DataTable } from '../../components/DataTable';
import { formatClock, formatSize } from '../../format/time-format';
import { accountFilters } from '../side-panel/row-filters';
import { analyzerStore } from '../../store/analyzer-state';

/** "bob@… (603 Decline)". */
const stepText = (s: TransferStep | null) => (s ? `${s.by ?? '?'}${s.reason ? ` (${s.reason})` : ''}` : '');

/** The fate as a user reads it. */
export function fateText(t: TransferRecord): string {
  switch (t.fate) {
    case 'confirmed':
      return `confirmed (${t.confirmed?.how ?? '?'})`;
    case 'completed':
      return 'complete, not confirmed';
    case 'stalled':
      return `stalled at ${formatSize(t.received)}`;
    default:
      return t.received > 0 ? `${t.fate} after ${formatSize(t.received)}` : t.fate;
  }
}

const col = createColumnHelper<TransferRecord>();
const columns = [
  col.accessor((t) => t.name ?? '', { id: 'name', header: 'Name', size: 150, cell: (c) => <CapturedText text={c.getValue()} /> }),
  col.accessor('kind', { header: 'Kind', size: 100 }),
  col.accessor((t) => fateText(t), { id: 'fate', header: 'Fate', size: 150 }),
  col.accessor((t) => t.from ?? '', { id: 'from', header: 'From', size: 140 }),
  col.accessor((t) => t.to ?? '', { id: 'to', header: 'To', size: 140 }),
  col.accessor((t) => `${formatSize(t.received)}${t.size !== null ? ` of ${formatSize(t.size)}` : ''}`, { id: 'received', header: 'Received', size: 110 }),
  col.accessor((t) => stepText(t.accepted), { id: 'accepted', header: 'Accepted by', size: 170 }),
  col.accessor((t) => stepText(t.declined ?? t.cancelled), { id: 'refused', header: 'Declined / cancelled by', size: 190 }),
  col.accessor((t) => (t.confirmed ? `${t.confirmed.by ?? '?'} (${t.confirmed.how}, frame ${t.confirmed.frame})` : ''), { id: 'confirmed', header: 'Confirmed by', size: 190 }),
  col.accessor((t) => (t.lastDataTime ? formatClock(t.lastDataTime) : ''), { id: 'lastData', header: 'Last data', size: 90 }),
  col.accessor((t) => `${t.source === 'msnslp' ? 'MSNSLP' : 'invitation'} / ${t.via}${t.dataVia && t.dataVia !== t.via ? ` → ${t.dataVia}` : ''}`, { id: 'via', header: 'Via', size: 150 }),
  col.accessor('frame', { header: 'Frame', size: 60 }),
];

export function TransfersTable({ transfers }: { transfers: TransferRecord[] }) {
  return (
    <DataTable
      label="Transfers"
      data={transfers}
      columns={columns}
      getRowId={(_, i) => String(i)}
      onActivate={(t) => analyzerStore.getState().selectFrame(t.frame, true)}
      rowTestId="transfer-row"
      rowFilters={(t) => accountFilters(t.from, t.to)}
      rowClassName={(t) => `fate-${t.fate}`}
      emptyText="No invitations in this capture."
    />
  );
}
