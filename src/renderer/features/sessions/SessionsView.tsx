// Sessions (switchboard chats), offline messages when the capture has any, and the MSNP
// connections behind them. Clicking a session opens its transcript; clicking a connection or an
// offline message selects its frame.

import { createColumnHelper } from '@tanstack/react-table';
import { useShallow } from 'zustand/react/shallow';
import type { ConnectionRecord, OfflineMessageRecord, SessionRecord } from '../../../shared/model';
import type { MenuEntry } from '../../components/ContextMenu';
import { DataTable } from '../../components/DataTable';
import { TableSection } from '../../components/TableSection';
import { formatDateTime, formatDuration, formatSize } from '../../format/time-format';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { openFlowGraph } from '../flow-graph/flow-graph-state';
import { OfflineMessagesTable } from '../offline-messages/OfflineMessagesTable';
import { accountFilters, sessionFilters } from '../side-panel/row-filters';
import { sessionSpan } from '../../../shared/session-summary';

const NO_SESSIONS: SessionRecord[] = [];
const NO_CONNECTIONS: ConnectionRecord[] = [];
const NO_OFFLINE: OfflineMessageRecord[] = [];

const s = createColumnHelper<SessionRecord>();
const sessionColumns = [
  s.accessor('id', { header: '#', size: 34 }),
  // Accounts, not nicks: a nick is whatever the peer chose to call itself.
  s.accessor((r) => r.participants.map((p) => p.account).join(', '), { id: 'participants', header: 'Participants', size: 190 }),
  s.accessor((r) => formatDateTime(sessionSpan(r).start), { id: 'start', header: 'Start (UTC)', size: 142 }),
  s.accessor((r) => { const span = sessionSpan(r); return formatDuration(span.start, span.end); }, { id: 'duration', header: 'Duration', size: 82, sortingFn: 'alphanumeric' }),
  s.accessor((r) => r.messages.length, { id: 'messages', header: 'Msgs', size: 44 }),
  s.accessor((r) => r.connections.length, { id: 'connections', header: 'Conns', size: 46 }),
];

const c = createColumnHelper<ConnectionRecord>();
const connectionColumns = [
  c.accessor('id', { header: '#', size: 40 }),
  c.accessor('role', { header: 'Role', size: 90 }),
  c.accessor('client', { header: 'Client', size: 150 }),
  c.accessor('server', { header: 'Server', size: 150 }),
  c.accessor((r) => (r.peer ? (r.peer.protocol === 'msnftp' ? 'MSNFTP' : `P2P v${r.peer.p2pVersion ?? '?'}`) : (r.version ?? '')), { id: 'version', header: 'Version', size: 70 }),
  // A direct peer connection joins two accounts (connecting → listening).
  c.accessor((r) => (r.peer ? `${r.peer.accounts.client ?? '?'} → ${r.peer.accounts.server ?? '?'}` : (r.account ?? '')), { id: 'account', header: 'Account', size: 170 }),
  c.accessor((r) => r.clientVersion ?? '', { id: 'clientVersion', header: 'Client software', size: 130 }),
  c.accessor((r) => (r.transport === 'http-gateway' ? 'HTTP gateway' : 'TCP'), { id: 'transport', header: 'Transport', size: 90 }),
  c.accessor('commands', { header: 'Cmds', size: 55 }),
  c.accessor((r) => r.session ?? '', { id: 'session', header: 'Session', size: 60 }),
  c.accessor((r) => peerDetail(r), { id: 'peer', header: 'Endpoint · traffic', size: 260 }),
];

/** A connection row's flow graphs: the MSNP connection's own (every TCP connection it used), and its account's whole activity. */
function connectionFlowMenu(r: ConnectionRecord): MenuEntry[] {
  const entries: MenuEntry[] = [{ label: 'Flow graph of this connection', testId: 'flow-graph-connection', onSelect: () => openFlowGraph({ kind: 'connection', connection: r.id }) }];
  const account = r.account;
  if (account) entries.push({ label: `Flow graph of ${account}`, testId: 'flow-graph-account', onSelect: () => openFlowGraph({ kind: 'account', account }) });
  return entries;
}

/** A peer connection's endpoint (and how it was matched) and its frames/bytes each way. */
function peerDetail(r: ConnectionRecord): string {
  const p = r.peer;
  if (!p) return '';
  const endpoint = p.endpoint ? `${p.endpoint.address}:${p.endpoint.port} by ${p.endpoint.matchedBy}` : 'no endpoint matched';
  return `${endpoint} · →${p.packets.c2s} (${formatSize(p.bytes.c2s)}) ←${p.packets.s2c} (${formatSize(p.bytes.s2c)})`;
}

export function SessionsView() {
  const { result, selectedSession } = useAnalyzer(useShallow((st) => ({ result: st.result, selectedSession: st.selectedSession })));
  const sessions = result?.sessions ?? NO_SESSIONS;
  const connections = result?.connections ?? NO_CONNECTIONS;
  const offline = result?.offlineMessages ?? NO_OFFLINE;
  return (
    <div className="stacked-tables">
      <TableSection title="Sessions" count={sessions.length} grow={2}>
        <DataTable
          label="Sessions"
          data={sessions}
          columns={sessionColumns}
          getRowId={(r) => String(r.id)}
          selectedId={selectedSession === null ? null : String(selectedSession)}
          onActivate={(r) => analyzerStore.getState().openSession(r.id)}
          rowTestId="session-row"
          rowFilters={(r) => sessionFilters(r.id)}
          rowEntries={(r) => [{ label: 'Flow graph of this session', testId: 'flow-graph-session', onSelect: () => openFlowGraph({ kind: 'session', session: r.id }) }]}
          emptyText="No switchboard sessions in this capture."
        />
      </TableSection>
      {offline.length > 0 && (
        <TableSection title="Offline messages" count={offline.length} grow={2}>
          <OfflineMessagesTable messages={offline} />
        </TableSection>
      )}
      <TableSection title="Connections" count={connections.length} grow={3}>
        <DataTable
          label="Connections"
          data={connections}
          columns={connectionColumns}
          getRowId={(r) => String(r.id)}
          onActivate={(r) => analyzerStore.getState().selectFrame(r.firstFrame, true)}
          rowTestId="connection-row"
          rowFilters={(r) => [...sessionFilters(r.session), ...accountFilters(r.account)]}
          rowEntries={(r) => connectionFlowMenu(r)}
          rowClassName={(r) => (selectedSession !== null && r.session === selectedSession ? 'related' : '')}
          emptyText="No MSNP or peer connections found."
        />
      </TableSection>
    </div>
  );
}
