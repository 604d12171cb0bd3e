// The lanes of a flow graph, as Wireshark's sequence diagram has one per host: here a client lane
// per account (or per client endpoint when the login was not seen), a lane per server by its role
// and address (notification server, switchboard), and a lane per address for everything else
// (direct P2P peers, other TCP). Lanes are added in the order they first appear.

import type { FlowLane, FlowLaneRole } from '../../../shared/flow-graph';
import type { ConnectionRecord, Role } from '../../../shared/model';

const SERVER_LABEL: Partial<Record<Role, string>> = {
  notification: 'Notification server',
  switchboard: 'Switchboard',
  dispatch: 'Dispatch server',
};

export class FlowLanes {
  readonly lanes: FlowLane[] = [];
  private readonly byKey = new Map<string, number>();

  private lane(key: string, make: () => FlowLane): number {
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.lanes.length;
      this.lanes.push(make());
      this.byKey.set(key, index);
    }
    return index;
  }

  /** The lane of a connection's client: its account, else its endpoint. */
  client(c: ConnectionRecord): number {
    return this.lane(`client:${c.account ?? c.client}`, () => ({ label: c.account ?? c.client, role: 'client', address: c.client }));
  }

  /** The lane of a connection's server, by role and address. */
  server(c: ConnectionRecord): number {
    const role = SERVER_LABEL[c.role] ? (c.role as FlowLaneRole) : 'host';
    const label = SERVER_LABEL[c.role];
    return this.lane(`${role}:${c.server}`, () => ({ label: label ? `${label} ${c.server}` : c.server, role, address: c.server }));
  }

  /** The lane of an endpoint outside any MSNP connection ("ip:port"); `peer` for a direct P2P connection. */
  endpoint(address: string, peer: boolean): number {
    return this.lane(`host:${address}`, () => ({ label: peer ? `peer ${address}` : address, role: peer ? 'peer' : 'host', address }));
  }
}
