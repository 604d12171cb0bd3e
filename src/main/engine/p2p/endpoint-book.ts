// The negotiated peer endpoints (Wireshark's "expected conversations"): every address and port
// an invitation or an MSNSLP transport negotiation offered, with its status, and whether a
// connection to it (or UDP traffic with it) was seen after the offer.
// Spec: PROTOCOL.md "Legacy invitations", "P2P / MSNSLP"; HOUSE-STYLE (expected conversations).

import type { EndpointRecord } from '../../../shared/model';
import { canonicalIpText } from '../decode/ip-address-text';

/** Endpoints kept at most; a hostile capture could offer thousands. */
const MAX_ENDPOINTS = 10_000;

export type EndpointOffer = Omit<EndpointRecord, 'observed'>;

export class EndpointBook {
  private readonly records: EndpointRecord[] = [];
  /** "address|port" → indexes into records (port 0: address-only offers). */
  private readonly byAddress = new Map<string, number[]>();
  /** Grouping key (cookie or Call-ID) → indexes, for status changes. */
  private readonly byGroup = new Map<string, number[]>();
  private dropped = 0;

  /** Adds an offer, or updates the same one seen again (both clients are often captured). */
  offer(group: string, given: EndpointOffer): EndpointRecord | null {
    // Peers write IPv6 addresses in any form; compare (and show) the canonical one.
    const offer = { ...given, address: canonicalIpText(given.address) };
    const key = `${offer.address}|${offer.port}`;
    for (const i of this.byGroup.get(group) ?? []) {
      const r = this.records[i];
      if (r.address === offer.address && r.port === offer.port && r.transport === offer.transport) {
        if (offer.frame < r.frame) r.frame = offer.frame;
        if (r.file === null && offer.file !== null) r.file = offer.file;
        if (r.kind === 'unknown' && offer.kind !== 'unknown') r.kind = offer.kind;
        return r;
      }
    }
    if (this.records.length >= MAX_ENDPOINTS) {
      this.dropped++;
      return null;
    }
    const record: EndpointRecord = { ...offer, observed: false };
    const index = this.records.push(record) - 1;
    push(this.byAddress, key, index);
    push(this.byGroup, group, index);
    return record;
  }

  /** Sets the status of every endpoint of a group (an invitation cookie, an SLP Call-ID). */
  setStatus(group: string, status: string, only?: (r: EndpointRecord) => boolean): void {
    for (const i of this.byGroup.get(group) ?? []) {
      const r = this.records[i];
      if (!only || only(r)) r.status = status;
    }
  }

  /** Fills in kind and file for the endpoints of a group once they are known. */
  describeGroup(group: string, kind: string, file: { name: string; size: number } | null): void {
    for (const i of this.byGroup.get(group) ?? []) {
      const r = this.records[i];
      if (r.kind === 'unknown') r.kind = kind;
      if (r.file === null && file !== null) r.file = file;
    }
  }

  hasGroup(group: string): boolean {
    return this.byGroup.has(group);
  }

  /** A TCP connection to, or UDP traffic with, `ip:port` at `frame`. Cheap: called per UDP packet. */
  noteConnection(ip: string, port: number, transport: 'tcp' | 'udp', frame: number): void {
    if (this.records.length === 0) return;
    for (const i of this.byAddress.get(`${ip}|${port}`) ?? []) {
      const r = this.records[i];
      if (!r.observed && r.transport === transport && frame > r.frame) r.observed = true;
    }
    // Offers without a port (voice's Public-IP / Private-IP): any traffic with the address counts.
    for (const i of this.byAddress.get(`${ip}|0`) ?? []) {
      const r = this.records[i];
      if (!r.observed && frame > r.frame) r.observed = true;
    }
  }

  all(): EndpointRecord[] {
    return this.records;
  }

  droppedCount(): number {
    return this.dropped;
  }
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}
