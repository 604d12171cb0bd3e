// MSNSLP file transfer over a direct connection, P2P version 1 (MSN 7.x, MSNP12): on the
// switchboard alice sends an INVITE with a sessionreqbody (file-transfer EUF-GUID, Context with
// name and size), bob answers 200 OK; alice offers transports (transreqbody), bob answers with a
// transrespbody listing his external and internal addresses. Alice then connects to one of them:
// `foo\0`, nonce handshakes, the file in P2P v1 data chunks (length-prefixed, no footer), bob's
// ACK. Expected: the offered endpoints (one observed) and the file with the SHA-1 of its bytes.
import { describe, expect, it } from 'vitest';
import type { EndpointRecord } from '../../src/shared/model';
import { analyzeFrames, frameContaining } from './synthetic';
import { ALICE, BOB, BOB_LAN, BOB_WAN, DC_PORT, FILE, FILE_NAME, SHA1, frames } from './direct-v1-scenario';

const result = await analyzeFrames(frames);
const at = (address: string, port: number): EndpointRecord | undefined => result.endpoints.find((e) => e.address === address && e.port === port);

describe('MSNSLP transport negotiation (P2P v1)', () => {
  const offerFrame = frameContaining(frames, 'IPv4Internal-Addrs');
  const common = { frame: offerFrame, kind: 'file-transfer', transport: 'tcp', source: 'msnslp', offeredBy: BOB, offeredTo: ALICE, file: { name: FILE_NAME, size: FILE.length } };

  it('lists bob\'s external and internal addresses as endpoints', () => {
    expect(at(BOB_WAN, DC_PORT)).toMatchObject({ ...common, scope: 'external' });
    expect(at(BOB_LAN[0], DC_PORT)).toMatchObject({ ...common, scope: 'internal' });
    expect(at(BOB_LAN[1], DC_PORT)).toMatchObject({ ...common, scope: 'internal' });
    expect(result.endpoints).toHaveLength(3);
  });

  it('marks observed only the address alice connected to', () => {
    expect(at(BOB_LAN[0], DC_PORT)?.observed).toBe(true);
    expect(at(BOB_LAN[1], DC_PORT)?.observed).toBe(false);
    expect(at(BOB_WAN, DC_PORT)?.observed).toBe(false);
  });
});

describe('file over the direct connection (P2P v1)', () => {
  it('rebuilds the file with its SHA-1', () => {
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ kind: 'file-transfer', name: FILE_NAME, size: FILE.length, sha1: SHA1, from: ALICE, to: BOB, complete: true, via: 'direct' });
  });

  it('does not mistake the direct connection for MSNP', () => {
    expect(result.connections.filter((c) => c.role !== 'peer').map((c) => c.server)).toEqual(['207.46.108.110:1863']);
    expect(result.expert.filter((e) => e.severity !== 'note')).toEqual([]);
  });
});
