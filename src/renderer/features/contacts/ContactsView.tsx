// Contacts (from the contact list: SYN/LST, ADL…) and every presence change seen (ILN/NLN/FLN, CHG,
// UBX personal messages), in wire order, once, with the accounts whose connections saw it. Clicking a presence change selects its frame.

import { createColumnHelper } from '@tanstack/react-table';
import { useShallow } from 'zustand/react/shallow';
import type { ContactRecord, PresenceRecord } from '../../../shared/model';
import { DataTable } from '../../components/DataTable';
import { TableSection } from '../../components/TableSection';
import { formatClock } from '../../format/time-format';
import { analyzerStore, useAnalyzer } from '../../store/analyzer-state';
import { accountFilters } from '../side-panel/row-filters';

const NO_CONTACTS: ContactRecord[] = [];
const NO_PRESENCE: PresenceRecord[] = [];

/** MSNP status codes as Messenger showed them. */
const STATUS_NAMES: Record<string, string> = {
  NLN: 'Online', BSY: 'Busy', IDL: 'Idle', BRB: 'Be right back', AWY: 'Away', PHN: 'On the phone', LUN: 'Out to lunch', HDN: 'Appear offline', FLN: 'Offline',
};

export function statusText(code: string): string {
  const name = STATUS_NAMES[code.toUpperCase()];
  return name ? `${name} (${code})` : code;
}

const c = createColumnHelper<ContactRecord>();
const contactColumns = [
  c.accessor('account', { header: 'Account', size: 190 }),
  c.accessor('nick', { header: 'Nick', size: 150 }),
  c.accessor((r) => r.groups.join(', '), { id: 'groups', header: 'Groups', size: 110 }),
  c.accessor((r) => (r.lists ?? []).join(' '), { id: 'lists', header: 'Lists', size: 90 }),
];

const p = createColumnHelper<PresenceRecord>();
const presenceColumns = [
  p.accessor('frame', { header: 'Frame', size: 56 }),
  // Time of day only: the date is in the session and packet views, the changes are minutes apart.
  p.accessor((r) => formatClock(r.time), { id: 'time', header: 'UTC', size: 66 }),
  p.accessor('account', { header: 'Account', size: 160 }),
  p.accessor((r) => statusText(r.status), { id: 'status', header: 'Status', size: 104 }),
  // Who saw the change: the accounts logged in on the observing connections (or the connection).
  p.accessor((r) => r.seenBy.map((o) => o.account ?? `#${o.connection}`).join(', '), { id: 'seenBy', header: 'Seen by', size: 150 }),
  p.accessor((r) => r.personalMessage ?? '', { id: 'personalMessage', header: 'Personal message', size: 150 }),
  p.accessor((r) => r.nick ?? '', { id: 'nick', header: 'Nick', size: 100 }),
];

export function ContactsView() {
  const { contacts, presence } = useAnalyzer(useShallow((s) => ({ contacts: s.result?.contacts ?? NO_CONTACTS, presence: s.result?.presence ?? NO_PRESENCE })));
  return (
    <div className="stacked-tables">
      <TableSection title="Contacts" count={contacts.length} grow={2}>
        <DataTable label="Contacts" data={contacts} columns={contactColumns} getRowId={(_, i) => String(i)} rowTestId="contact-row" rowFilters={(r) => accountFilters(r.account)} emptyText="No contact list in this capture." />
      </TableSection>
      <TableSection title="Presence" count={presence.length} grow={3}>
        <DataTable
          label="Presence"
          data={presence}
          columns={presenceColumns}
          getRowId={(_, i) => String(i)}
          onActivate={(r) => analyzerStore.getState().selectFrame(r.frame, true)}
          rowTestId="presence-row"
          rowFilters={(r) => accountFilters(r.account)}
          emptyText="No presence changes in this capture."
        />
      </TableSection>
    </div>
  );
}
