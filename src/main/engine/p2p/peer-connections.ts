// Direct peer connections as connections (role `peer`): what their handshake and packets said,
// and, when the result is built, whom they joined and which offered endpoint they used. An
// endpoint matches by nonce (the handshake repeats the transport negotiation's `Nonce`) and by
// address (the connection's listening side is the offered address and port); the record says
// which matched. The accounts come from the negotiation whose nonce matched, else from the
// endpoint at the connection's address, else from MSNSLP sent over the connection itself, else
// (MSNFTP) from its invitation.
// Spec: PROTOCOL.md "P2P / MSNSLP" (direct connections); Wireshark's expected conversations.

import type { ConnectionRecord, Direction, EndpointMatch, EndpointRecord, PeerConnectionInfo, TrafficCounts } from '../../../shared/model';
import { formatTimeUs } from '../analysis/time-format';
import { canonicalIpText } from '../decode/ip-address-text';
import { slpAccount, type SlpMessage } from './msnslp';

export interface PeerOpen {
  id: number;
  protocol: PeerConnectionInfo['protocol'];
  /** "ip:port" of the side that connected, and of the side that listened. */
  client: string;
  server: string;
  firstFrame: number;
  tsUs: number;
  /** Frames and bytes each way so far, and the last frame (any: handshake, ACK, FIN). */
  traffic: () => TrafficCounts & { lastFrame: number; lastTsUs: number };
}

interface PeerState {
  open: PeerOpen;
  lastFrame: number;
  lastTsUs: number;
  packets: number;
  p2pVersion: 1 | 2 | null;
  nonce: string | null;
  /** Accounts named by MSNSLP messages sent over this connection. */
  slpAccounts: { client: string | null; server: string | null };
  callId: string | null;
  /** MSNFTP: the invitation's accounts and cookie. */
  invitation: { from: string | null; to: string | null; cookie: string } | null;
}

const MAX_PEERS = 10_000;

/** "1.2.3.4:6891" / "[::1]:6891" → address and port. */
function splitEndpoint(text: string): { address: string; port: number } {
  const at = text.lastIndexOf(':');
  return { address: canonicalIpText(text.slice(0, at).replace(/^\[|\]$/g, '')), port: Number(text.slice(at + 1)) };
}

export class PeerConnections {
  private readonly peers = new Map<number, PeerState>();

  open(o: PeerOpen): void {
    if (this.peers.size >= MAX_PEERS || this.peers.has(o.id)) return;
    this.peers.set(o.id, { open: o, lastFrame: o.firstFrame, lastTsUs: o.tsUs, packets: 0, p2pVersion: null, nonce: null, slpAccounts: { client: null, server: null }, callId: null, invitation: null });
  }

  has(id: number): boolean {
    return this.peers.has(id);
  }

  /** A packet (handshake, P2P message, MSNFTP line) completed at `frame`. */
  packet(id: number, frame: number, tsUs: number, version: 1 | 2 | null): void {
    const p = this.peers.get(id);
    if (!p) return;
    p.packets++;
    if (frame > p.lastFrame) p.lastFrame = frame;
    if (tsUs > p.lastTsUs) p.lastTsUs = tsUs;
    if (version !== null) p.p2pVersion ??= version;
  }

  handshake(id: number, nonce: string): void {
    const p = this.peers.get(id);
    if (p) p.nonce ??= nonce;
  }

  /** An MSNSLP message sent over the connection by its client (`c2s`) or server side. */
  slp(id: number, direction: Direction, slp: SlpMessage): void {
    const p = this.peers.get(id);
    if (!p) return;
    const from = slpAccount(slp.from);
    const to = slpAccount(slp.to);
    const [mine, theirs] = direction === 'c2s' ? (['client', 'server'] as const) : (['server', 'client'] as const);
    p.slpAccounts[mine] ??= from;
    p.slpAccounts[theirs] ??= to;
    p.callId ??= slp.callId;
  }

  /** MSNFTP: the invitation the connection carries out. */
  invitation(id: number, from: string | null, to: string | null, cookie: string): void {
    const p = this.peers.get(id);
    if (p) p.invitation ??= { from, to, cookie };
  }

  /** The connection records; marks on each endpoint which connections used it (`usedBy`). */
  records(endpoints: EndpointRecord[]): ConnectionRecord[] {
    for (const e of endpoints) delete e.usedBy;
    const out: ConnectionRecord[] = [];
    for (const p of this.peers.values()) out.push(this.record(p, endpoints));
    return out;
  }

  private record(p: PeerState, endpoints: EndpointRecord[]): ConnectionRecord {
    const traffic = p.open.traffic();
    const server = splitEndpoint(p.open.server);
    const byNonce = p.nonce !== null ? endpoints.filter((e) => e.nonce === p.nonce && e.frame <= p.open.firstFrame) : [];
    const byAddress = endpoints.filter((e) => e.address === server.address && e.port === server.port && e.frame <= p.open.firstFrame);
    const both = byNonce.filter((e) => byAddress.includes(e));
    // The endpoint it used: the one both say; else the address (the nonce may be missing); else
    // the negotiation's first endpoint (reached through a NAT or a relay at another address).
    const used = both[0] ?? byAddress.at(-1) ?? byNonce[0] ?? null;
    const matchedBy: EndpointMatch | null = used === null ? null : both.includes(used) ? 'nonce+address' : byAddress.includes(used) ? 'address' : 'nonce';
    if (used && matchedBy) {
      for (const e of matchedBy === 'nonce' ? byNonce : [used]) (e.usedBy ??= []).push({ connection: p.open.id, matchedBy });
    }
    const named = byNonce[0] ?? used;
    let accounts = { client: null as string | null, server: null as string | null };
    let accountsFrom: PeerConnectionInfo['accountsFrom'] = null;
    if (named && (named.offeredBy || named.offeredTo)) {
      // Whoever offered an endpoint listens on it.
      accounts = { client: named.offeredTo, server: named.offeredBy };
      accountsFrom = byNonce.length > 0 ? 'nonce' : 'address';
    } else if (p.slpAccounts.client || p.slpAccounts.server) {
      accounts = { ...p.slpAccounts };
      accountsFrom = 'slp';
    } else if (p.invitation) {
      // MSNFTP: the receiver connects to the sender's listening port.
      accounts = { client: p.invitation.to, server: p.invitation.from };
      accountsFrom = 'invitation';
    }
    const peer: PeerConnectionInfo = {
      protocol: p.open.protocol,
      p2pVersion: p.p2pVersion,
      nonce: p.nonce,
      accounts,
      accountsFrom,
      endpoint: used && matchedBy ? { address: used.address, port: used.port, frame: used.frame, matchedBy } : null,
      callId: (named?.cookie ?? null) || p.callId || (p.invitation?.cookie ?? null),
      packets: traffic.packets,
      bytes: traffic.bytes,
    };
    return {
      id: p.open.id,
      client: p.open.client,
      server: p.open.server,
      role: 'peer',
      version: p.open.protocol === 'msnftp' ? 'MSNFTP' : null,
      account: accounts.client,
      firstFrame: p.open.firstFrame,
      lastFrame: Math.max(p.lastFrame, traffic.lastFrame),
      transport: 'tcp',
      commands: p.packets,
      firstTime: formatTimeUs(p.open.tsUs),
      lastTime: formatTimeUs(Math.max(p.lastTsUs, traffic.lastTsUs)),
      peer,
    };
  }
}
