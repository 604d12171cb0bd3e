// Transfers (every invitation and its fate, TransfersTable) above the files exchanged (file
// transfers, display pictures, emoticons): name, size, SHA-1 of what was reassembled, sender,
// receiver, whether every byte was seen and whether the receiver confirmed it. A name that may lie
// about the content (a bidi control in it, an executable under another extension) is marked ⚠.
// A file row's context menu saves the file or opens it in Export Objects (its inline viewer).

import { createColumnHelper } from '@tanstack/react-table';
import type { FileRecord, TransferRecord } from '../../../shared/model';
import { CapturedText } from '../../components/CapturedText';
import { DataTable } from '../../components/DataTable';
import { TableSection } from '../../components/TableSection';
import { TransfersTable } from './TransfersTable';
import { formatSize } from '../../format/time-format';
import { accountFilters } from '../side-panel/row-filters';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { useActions } from '../../app/analyzer-context';
import type { MenuEntry } from '../../components/ContextMenu';
import { useExportDialog } from '../exports/export-dialogs';

const EMPTY: FileRecord[] = [];
const NO_TRANSFERS: TransferRecord[] = [];

const col = createColumnHelper<FileRecord>();
const columns = [
  col.accessor('name', {
    header: 'Name',
    size: 160,
    cell: (c) => (
      <>
        {c.row.original.nameWarning ? <span className="name-warning" title={c.row.original.nameWarning} aria-label="Spoofed file name">⚠ </span> : null}
        <CapturedText text={c.getValue()} />
      </>
    ),
  }),
  col.accessor('kind', { header: 'Kind', size: 100 }),
  col.accessor('size', { header: 'Size', size: 80, cell: (c) => formatSize(c.getValue()) }),
  col.accessor((f) => f.sha1 ?? '', { id: 'sha1', header: 'SHA-1', size: 300 }),
  col.accessor((f) => f.from ?? '', { id: 'from', header: 'From', size: 150 }),
  col.accessor((f) => f.to ?? '', { id: 'to', header: 'To', size: 150 }),
  col.accessor((f) => (f.complete ? 'yes' : `no (${formatSize(f.received ?? 0)})`), { id: 'complete', header: 'Complete', size: 90 }),
  col.accessor((f) => (f.confirmed ? `${f.confirmed.how}, frame ${f.confirmed.frame}` : 'no'), { id: 'confirmed', header: 'Confirmed', size: 110 }),
  col.accessor((f) => f.via ?? '', { id: 'via', header: 'Via', size: 90 }),
  col.accessor('frame', { header: 'Frame', size: 60 }),
  col.accessor((f) => f.nameWarning ?? '', { id: 'nameWarning', header: 'Warning', size: 360 }),
];

export function FilesView() {
  const files = useAnalyzer((s) => s.result?.files ?? EMPTY);
  const transfers = useAnalyzer((s) => s.result?.transfers ?? NO_TRANSFERS);
  const actions = useActions();
  const fileEntries = (f: FileRecord): MenuEntry[] => {
    const index = files.indexOf(f);
    return [
      { label: 'Save recovered file…', testId: 'file-save', onSelect: () => void actions.exportObjects(index) },
      { label: 'View in Export Objects…', testId: 'file-view', onSelect: () => useExportDialog.getState().open({ kind: 'objects', index }) },
    ];
  };
  return (
    <div className="stacked-tables">
      <TableSection title="Transfers" count={transfers.length} grow={2}>
        <TransfersTable transfers={transfers} />
      </TableSection>
      <TableSection title="Files" count={files.length} grow={2}>
        <DataTable
          label="Files"
          data={files}
          columns={columns}
          getRowId={(_, i) => String(i)}
          onActivate={(f) => analyzerStore.getState().selectFrame(f.frame, true)}
          rowTestId="file-row"
          rowFilters={(f) => accountFilters(f.from, f.to)}
          rowEntries={fileEntries}
          rowClassName={(f) => `${f.complete ? '' : 'incomplete'}${f.nameWarning ? ' spoofed-name' : ''}`}
          emptyText="No file data was seen in this capture."
        />
      </TableSection>
    </div>
  );
}
