// From a P2P endpoint (an address and port a peer offered) to the traffic that used it: the
// display filter for that address and port, and the first frame of it after the offer, found by
// the back end's Find Packet (the packet table knows every TCP and UDP frame; the analysis says
// whether one was seen: EndpointRecord.observed).

import { fieldFilter } from '../../../shared/display-filter/filter-expression';
import type { EndpointRecord } from '../../../shared/model';
import type { AnalyzerActions } from '../../app/analyzer-actions';
import { applyFilterText } from '../../app/filter-menu';
import type { MenuEntry } from '../../components/ContextMenu';
import { endpointAddress } from './EndpointsView';

/** `ip.addr == A && tcp.port == P` (udp.port for UDP); null when the address cannot be a filter literal. */
export function endpointFilter(e: EndpointRecord): string | null {
  const address = fieldFilter({ name: 'ip.addr', value: e.address });
  const port = fieldFilter({ name: e.transport === 'udp' ? 'udp.port' : 'tcp.port', value: e.port });
  return address && port ? `${address} && ${port}` : null;
}

export function endpointMenu(actions: AnalyzerActions, e: EndpointRecord): MenuEntry[] {
  const filter = endpointFilter(e);
  return [
    {
      label: e.observed ? 'Go to the connection that used it' : 'Go to the connection that used it (none was seen)',
      testId: 'endpoint-connection',
      disabled: !e.observed || filter === null,
      onSelect: () => filter && void actions.goToFirstAfter(filter, e.frame, `No traffic to ${endpointAddress(e)} follows the offer in frame ${e.frame}.`),
    },
    { label: `Filter on this endpoint: ${filter ?? ''}`, testId: 'endpoint-filter', disabled: filter === null, onSelect: () => filter && applyFilterText(actions, filter) },
  ];
}
