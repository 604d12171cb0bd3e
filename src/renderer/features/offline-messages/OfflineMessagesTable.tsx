// Offline messages (UUM, UBM, OIM notifications and SOAP), shown under the sessions because they
// are conversations that had no switchboard. Clicking one selects its frame. Captured text is
// rendered as text only (DataTable cells are React text nodes).

import { createColumnHelper } from '@tanstack/react-table';
import type { OfflineMessageRecord } from '../../../shared/model';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../format/time-format';
import { analyzerStore } from '../../store/analyzer-state';
import { accountFilters } from '../side-panel/row-filters';

const SOURCE_LABEL: Record<OfflineMessageRecord['source'], string> = {
  UUM: 'UUM (sent)',
  UBM: 'UBM (received)',
  'oim-notification': 'OIM announced',
  'oim-soap': 'OIM (SOAP)',
};

const o = createColumnHelper<OfflineMessageRecord>();
const columns = [
  o.accessor((r) => formatDateTime(r.time), { id: 'time', header: 'Time (UTC)', size: 132 }),
  o.accessor((r) => r.from ?? '', { id: 'from', header: 'From', size: 140 }),
  o.accessor((r) => r.to ?? '', { id: 'to', header: 'To', size: 140 }),
  o.accessor((r) => r.text ?? '(not in the capture)', { id: 'text', header: 'Text', size: 260 }),
  o.accessor((r) => SOURCE_LABEL[r.source] ?? r.source, { id: 'source', header: 'Seen as', size: 110 }),
  o.accessor('frame', { header: 'Frame', size: 60 }),
];

export function OfflineMessagesTable({ messages }: { messages: OfflineMessageRecord[] }) {
  return (
    <DataTable
      label="Offline messages"
      data={messages}
      columns={columns}
      getRowId={(_, i) => String(i)}
      onActivate={(r) => analyzerStore.getState().selectFrame(r.frame, true)}
      rowTestId="offline-message-row"
      rowFilters={(r) => accountFilters(r.from, r.to)}
      emptyText="No offline messages in this capture."
    />
  );
}
