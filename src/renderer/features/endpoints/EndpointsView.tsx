// P2P endpoints: the addresses and ports peers offered each other for direct connections (file
// transfers, webcam, voice…), whether a connection to them was then seen, and where; a row's menu
// goes to that connection or filters on the endpoint (endpoint-links.ts).

import { createColumnHelper } from '@tanstack/react-table';
import type { EndpointRecord } from '../../../shared/model';
import { DataTable } from '../../components/DataTable';
import { formatSize } from '../../format/time-format';
import { accountFilters } from '../side-panel/row-filters';
import { useActions } from '../../app/analyzer-context';
import { endpointMenu } from './endpoint-links';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';

const EMPTY: EndpointRecord[] = [];

/** "10.0.0.5:6891", "[fe80::1]:6891". */
export function endpointAddress(e: EndpointRecord): string {
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
}

const col = createColumnHelper<EndpointRecord>();
// What identifies an endpoint and its outcome first, so a side panel of ~400 px shows them; the
// rest scrolls sideways (or shows in full with the panel detached below the packets).
const columns = [
  col.accessor((e) => endpointAddress(e), { id: 'address', header: 'Address:port', size: 140 }),
  col.accessor('kind', { header: 'Kind', size: 92 }),
  col.accessor('status', { header: 'Status', size: 72 }),
  col.accessor((e) => (e.observed ? 'yes' : 'no'), { id: 'observed', header: 'Seen', size: 46 }),
  col.accessor((e) => e.offeredBy ?? '', { id: 'offeredBy', header: 'Offered by', size: 140 }),
  col.accessor((e) => e.offeredTo ?? '', { id: 'offeredTo', header: 'Offered to', size: 140 }),
  col.accessor((e) => (e.file ? `${e.file.name} (${formatSize(e.file.size)})` : ''), { id: 'file', header: 'File', size: 140 }),
  col.accessor('transport', { header: 'Transport', size: 64 }),
  col.accessor((e) => e.scope ?? 'unknown', { id: 'scope', header: 'Int/ext', size: 58 }),
  col.accessor('source', { header: 'Via', size: 86 }),
  col.accessor('frame', { header: 'Frame', size: 54 }),
];

export function EndpointsView() {
  const endpoints = useAnalyzer((s) => s.result?.endpoints ?? EMPTY);
  const actions = useActions();
  return (
    <DataTable
      label="P2P endpoints"
      data={endpoints}
      columns={columns}
      getRowId={(_, i) => String(i)}
      onActivate={(e) => analyzerStore.getState().selectFrame(e.frame, true)}
      rowTestId="endpoint-row"
      rowFilters={(e) => accountFilters(e.offeredBy, e.offeredTo)}
      rowEntries={(e) => endpointMenu(actions, e)}
      rowClassName={(e) => (e.observed ? 'observed' : '')}
      emptyText="No peer-to-peer endpoints were offered in this capture."
    />
  );
}
