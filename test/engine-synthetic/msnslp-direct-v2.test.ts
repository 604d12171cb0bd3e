// MSNSLP between two MSNP18 (WLM 2009) clients: P2P version 2 headers on the switchboard (with
// P2P-Src / P2P-Dest carrying `;{machine-guid}`), a transrespbody whose internal address headers
// are written reversed, names and values (`srddA-lanretnI4vPI: 02.1.861.291`), then a direct
// connection: `foo\0`, the bare 16-byte nonce handshakes, the file in v2 packets (TF 6, data
// remaining TLV). Expected: endpoints un-reversed, the file rebuilt with its SHA-1.
import { describe, expect, it } from 'vitest';
import type { EndpointRecord } from '../../src/shared/model';
import { analyzeFrames, frameContaining } from './synthetic';
import { reversed } from './p2p-builders';
import { ALICE, BOB, BOB_LAN, BOB_WAN, EXTERNAL_PORT, FILE, FILE_NAME, INTERNAL_PORT, SHA1, frames } from './direct-v2-scenario';

const result = await analyzeFrames(frames);
const at = (address: string, port: number): EndpointRecord | undefined => result.endpoints.find((e) => e.address === address && e.port === port);

describe('WLM 2009 transport negotiation (reversed headers, P2P v2)', () => {
  it('un-reverses the internal address and port', () => {
    expect(at(BOB_LAN, INTERNAL_PORT)).toMatchObject({
      frame: frameContaining(frames, reversed('IPv4Internal-Addrs')),
      kind: 'file-transfer',
      transport: 'tcp',
      scope: 'internal',
      source: 'msnslp',
      offeredBy: BOB,
      offeredTo: ALICE,
      file: { name: FILE_NAME, size: FILE.length },
      observed: true,
    });
  });

  it('keeps the external address, not observed', () => {
    expect(at(BOB_WAN, EXTERNAL_PORT)).toMatchObject({ scope: 'external', observed: false, offeredBy: BOB });
  });

  it('invents no address from the reversed text', () => {
    expect(result.endpoints.map((e) => `${e.address}:${e.port}`).sort()).toEqual([`${BOB_LAN}:${INTERNAL_PORT}`, `${BOB_WAN}:${EXTERNAL_PORT}`].sort());
  });
});

describe('file over the direct connection (P2P v2)', () => {
  it('rebuilds the file with its SHA-1', () => {
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({ name: FILE_NAME, size: FILE.length, sha1: SHA1, from: ALICE, to: BOB, complete: true, via: 'direct' });
  });

  it('names accounts without the machine GUID in the session', () => {
    expect(result.sessions[0].participants.map((p) => p.account).sort()).toEqual([ALICE, BOB]);
  });
});
