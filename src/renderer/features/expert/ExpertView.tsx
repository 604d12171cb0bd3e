// Expert information: errors, warnings and notes the analysis raised, each tied to a frame.

import { createColumnHelper } from '@tanstack/react-table';
import type { ExpertRecord } from '../../../shared/model';
import { DataTable } from '../../components/DataTable';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';

const EMPTY: ExpertRecord[] = [];
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, note: 2 };

const col = createColumnHelper<ExpertRecord>();
const columns = [
  col.accessor('severity', {
    header: 'Severity',
    size: 80,
    sortingFn: (a, b) => (SEVERITY_RANK[a.original.severity] ?? 3) - (SEVERITY_RANK[b.original.severity] ?? 3),
    cell: (c) => <span className={`severity-badge severity-${c.getValue()}`}>{c.getValue()}</span>,
  }),
  col.accessor('frame', { header: 'Frame', size: 60 }),
  col.accessor((e) => e.connection ?? '', { id: 'connection', header: 'Conn', size: 50 }),
  col.accessor('message', { header: 'Message', size: 360 }),
];

export function ExpertView() {
  const expert = useAnalyzer((s) => s.result?.expert ?? EMPTY);
  return (
    <DataTable
      label="Expert information"
      data={expert}
      columns={columns}
      getRowId={(_, i) => String(i)}
      onActivate={(e) => { if (e.frame > 0) analyzerStore.getState().selectFrame(e.frame, true); }}
      rowTestId="expert-row"
      rowClassName={(e) => `expert-${e.severity}`}
      emptyText="No expert notes: nothing unusual was found."
    />
  );
}
