// Direct P2P connections are listed as connections (role `peer`, issue 10): the connection row's
// frames and bytes each way equal `tshark -qz conv,tcp` on the same capture (run here), the
// accounts come from the transport negotiation whose Nonce the handshake repeats, and the endpoint
// used is matched by nonce and by address. The shared captures have no direct connection (their
// README says so), so the three synthetic scenarios stand in: P2P v1 (direct-v1-scenario), P2P v2
// with reversed WLM 2009 fields (direct-v2-scenario) and the v2 connection that stalls.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';
import type { FrameSpec } from './synthetic';
import { writeFrames } from './synthetic';
import * as v1 from './direct-v1-scenario';
import * as v2 from './direct-v2-scenario';
import * as stalled from './stalled-direct-scenario';

/** tshark's row for client <-> server: frames and bytes A→B ("->") and B→A ("<-"); sizes under 10 kB are exact. */
function tsharkConversation(path: string, client: string, server: string) {
  const out = execFileSync('tshark', ['-r', path, '-qz', 'conv,tcp'], { encoding: 'utf8' });
  for (const line of out.split('\n')) {
    const m = /^(\S+)\s+<->\s+(\S+)\s+(\d+) (\d+) bytes\s+(\d+) (\d+) bytes\s/.exec(line.trim());
    if (m && m[1] === client && m[2] === server) return { packets: { c2s: +m[5], s2c: +m[3] }, bytes: { c2s: +m[6], s2c: +m[4] } };
  }
  throw new Error(`tshark lists no ${client} <-> ${server} with exact byte counts`);
}

const cases: Array<[string, FrameSpec[], { client: string; server: string; version: 1 | 2; nonce: string; accounts: { client: string; server: string } }]> = [
  ['P2P v1', v1.frames, { client: `${v1.ALICE_IP}:1600`, server: `${v1.BOB_LAN[0]}:${v1.DC_PORT}`, version: 1, nonce: v1.NONCE, accounts: { client: v1.ALICE, server: v1.BOB } }],
  ['P2P v2', v2.frames, { client: `${v2.ALICE_IP}:50200`, server: `${v2.BOB_LAN}:${v2.INTERNAL_PORT}`, version: 2, nonce: v2.NONCE, accounts: { client: v2.ALICE, server: v2.BOB } }],
  ['P2P v2, stalled', stalled.frames, { client: `${stalled.ALICE_IP}:50200`, server: `${stalled.BOB_LAN}:${stalled.DC_PORT}`, version: 2, nonce: stalled.NONCE, accounts: { client: stalled.ALICE, server: stalled.BOB } }],
];

describe.each(cases)('the %s direct connection', (_name, frames, want) => {
  const path = writeFrames(frames);
  const analysis = analyzeCaptureFiles([path]);

  it('is one peer connection with tshark\'s frames and bytes each way', async () => {
    const { result } = await analysis;
    const peers = result.connections.filter((c) => c.role === 'peer');
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ client: want.client, server: want.server, transport: 'tcp', account: want.accounts.client });
    const { packets, bytes } = peers[0].peer!;
    expect({ packets, bytes }).toEqual(tsharkConversation(path, want.client, want.server));
  });

  it('names both accounts from the negotiation its nonce matches, and the endpoint it used', async () => {
    const { result } = await analysis;
    const peer = result.connections.find((c) => c.role === 'peer')!;
    const [address, port] = [want.server.slice(0, want.server.lastIndexOf(':')), Number(want.server.slice(want.server.lastIndexOf(':') + 1))];
    expect(peer.peer).toMatchObject({ protocol: 'p2p', p2pVersion: want.version, nonce: want.nonce, accounts: want.accounts, accountsFrom: 'nonce' });
    expect(peer.peer!.endpoint).toMatchObject({ address, port, matchedBy: 'nonce+address' });
    const used = result.endpoints.filter((e) => e.usedBy?.length);
    expect(used.map((e) => [e.address, e.port, e.usedBy])).toEqual([[address, port, [{ connection: peer.id, matchedBy: 'nonce+address' }]]]);
  });
});

describe('matching by nonce alone', () => {
  it('ties a connection to another address (a NAT in between) by its nonce, and says so', async () => {
    // The v1 scenario's direct connection moved to an address nobody offered: only the nonce matches.
    const moved = v1.frames.map((f) => f);
    const path = writeFrames(moved.map((f) => ({ ...f, data: swapAddress(f.data, v1.BOB_LAN[0], '172.16.9.9') })));
    const { result } = await analyzeCaptureFiles([path]);
    const peer = result.connections.find((c) => c.role === 'peer')!;
    expect(peer.server).toBe(`172.16.9.9:${v1.DC_PORT}`);
    expect(peer.peer).toMatchObject({ accounts: { client: v1.ALICE, server: v1.BOB }, accountsFrom: 'nonce' });
    expect(peer.peer!.endpoint).toMatchObject({ matchedBy: 'nonce' });
    expect(result.endpoints.every((e) => e.usedBy?.[0]?.matchedBy === 'nonce')).toBe(true);
  });
});

/** The frame with every IPv4 address `from` (in the IP header) replaced by `to`, checksum fixed. */
function swapAddress(frame: Uint8Array, from: string, to: string): Uint8Array {
  const out = frame.slice();
  const a = Uint8Array.from(from.split('.').map(Number));
  const b = Uint8Array.from(to.split('.').map(Number));
  for (const at of [14 + 12, 14 + 16]) {
    if (a.every((x, i) => out[at + i] === x)) out.set(b, at);
  }
  // IPv4 header checksum over the 20-byte header.
  out[24] = 0;
  out[25] = 0;
  let sum = 0;
  for (let i = 14; i < 34; i += 2) sum += (out[i] << 8) | out[i + 1];
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  const check = ~sum & 0xffff;
  out[24] = check >> 8;
  out[25] = check & 0xff;
  return out;
}
