// Legacy invitations end to end (legacy-scenario.ts): every advertised address becomes an
// endpoint with its kind, transport, scope, who offered it to whom and its status; PortX values
// are XORed with 0x3141; an endpoint is "observed" when a later TCP connection (or UDP traffic)
// goes to it. Expected values are the fields written in the scenario.
import { describe, expect, it } from 'vitest';
import type { EndpointRecord } from '../../src/shared/model';
import { ALICE, ALICE_LAN, ALICE_WAN, BOB, BOB_WAN, CANCELLED_PORT, FILE_BYTES, FILE_COOKIE, FILE_NAME, legacyFrames, PORT, PORTX, PORTX_INTERNAL, VOICE_PORT, WHITEBOARD } from './legacy-scenario';
import { analyzeFrames, frameContaining } from './synthetic';

const result = await analyzeFrames(legacyFrames);
const at = (address: string, port: number): EndpointRecord | undefined => result.endpoints.find((e) => e.address === address && e.port === port);

describe('legacy file-transfer invitation', () => {
  const offerFrame = frameContaining(legacyFrames, `PortX-Internal: ${PORTX_INTERNAL ^ 0x3141}`);
  const file = { name: FILE_NAME, size: FILE_BYTES.length };

  it('offers IP-Address + Port, observed by the later MSNFTP connection', () => {
    expect(at(ALICE_WAN, PORT)).toMatchObject({
      frame: offerFrame,
      kind: 'file-transfer',
      transport: 'tcp',
      scope: 'external',
      offeredBy: ALICE,
      offeredTo: BOB,
      status: 'accepted',
      source: 'msmsgsinvite',
      file,
      observed: true,
    });
  });

  it('un-XORs PortX (external) and PortX-Internal (internal address)', () => {
    expect(at(ALICE_WAN, PORTX)).toMatchObject({ kind: 'file-transfer', transport: 'tcp', scope: 'external', file, observed: false });
    expect(at(ALICE_LAN, PORTX_INTERNAL)).toMatchObject({ kind: 'file-transfer', transport: 'tcp', scope: 'internal', file, observed: false });
    // The raw PortX values are not ports anyone listens on.
    expect(at(ALICE_WAN, PORTX ^ 0x3141)).toBeUndefined();
    expect(at(ALICE_LAN, PORTX_INTERNAL ^ 0x3141)).toBeUndefined();
  });

  it('keeps the invitation cookie on its endpoints', () => {
    expect(at(ALICE_WAN, PORT)?.cookie).toBe(FILE_COOKIE);
  });

  it('marks the invitation cancelled after its address was offered', () => {
    expect(at(ALICE_WAN, CANCELLED_PORT)).toMatchObject({ kind: 'file-transfer', status: 'cancelled', observed: false, file: { name: 'late.bin', size: 99 } });
  });

  it('shows the invitations, the declined one included, as session events', () => {
    const events = (result.sessions[0].events ?? []).filter((e) => e.kind === 'invitation');
    const declined = events.find((e) => e.frame === frameContaining(legacyFrames, 'Cancel-Code: REJECT'));
    expect(declined?.account).toBe(BOB);
    expect(declined?.detail).toMatch(/declin/i);
    expect(declined?.detail).toContain('secret.zip');
    expect(events.some((e) => e.frame === frameContaining(legacyFrames, `Application-File: ${FILE_NAME}`) && e.account === ALICE)).toBe(true);
  });
});

describe('legacy voice invitation (UDP, seed 002 Chinese Application-Name)', () => {
  it('offers a UDP voice endpoint, observed by later UDP traffic', () => {
    expect(at(ALICE_WAN, VOICE_PORT)).toMatchObject({
      frame: frameContaining(legacyFrames, `IP-Address: ${ALICE_WAN}:${VOICE_PORT}`),
      kind: 'voice',
      transport: 'udp',
      offeredBy: ALICE,
      offeredTo: BOB,
      status: 'accepted',
      file: null,
      observed: true,
    });
  });

  it('makes no endpoint of an address without a port', () => {
    expect(result.endpoints.filter((e) => e.address === BOB_WAN)).toEqual([]);
  });
});

describe('legacy whiteboard invitation (Context-Data)', () => {
  it('offers bob\'s Context-Data address to alice, observed by her TCP connection', () => {
    expect(at(WHITEBOARD.ip, WHITEBOARD.port)).toMatchObject({
      frame: frameContaining(legacyFrames, 'Context-Data: 10.1.1.211'),
      kind: 'whiteboard',
      transport: 'tcp',
      offeredBy: BOB,
      offeredTo: ALICE,
      source: 'msmsgsinvite',
      observed: true,
    });
  });
});

describe('nothing else', () => {
  it('every endpoint is one the scenario offered', () => {
    const offered = new Set([`${ALICE_WAN}:${PORT}`, `${ALICE_WAN}:${PORTX}`, `${ALICE_LAN}:${PORTX_INTERNAL}`, `${ALICE_LAN}:${PORT}`, `${ALICE_WAN}:${VOICE_PORT}`, `${WHITEBOARD.ip}:${WHITEBOARD.port}`, `${ALICE_WAN}:${CANCELLED_PORT}`]);
    for (const e of result.endpoints) expect(offered).toContain(`${e.address}:${e.port}`);
  });

  it('reports no warnings', () => {
    expect(result.expert.filter((e) => e.severity !== 'note')).toEqual([]);
  });
});
