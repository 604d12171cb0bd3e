// Presence: one record per change per connection; personal messages from UBX and UUX.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

describe('presence', () => {
  it('MSNP12 capture: own CHG and contacts NLN/ILN/FLN, personal messages, no echoes', () => {
    const r = runScript(captureScript('msnp12-pecan-escargot-login-presence-chat'));
    const seen = r.analysis.presence().map((p) => [p.frame, p.account, p.status, p.personalMessage ?? null]);
    expect(seen).toEqual([
      [66, 'alice@example.com', 'NLN', null], // alice's CHG; the server's echo (67) is not repeated
      [136, 'bob@example.com', 'NLN', null],
      [139, 'alice@example.com', 'NLN', null], // ILN on bob's connection: another observation
      [147, 'bob@example.com', 'NLN', null], // NLN on alice's; the second NLN (150) changes nothing
      [158, 'alice@example.com', 'NLN', 'Alice is testing MSNP'], // UUX
      [160, 'alice@example.com', 'NLN', 'Alice is testing MSNP'], // UBX on bob's connection
      [163, 'bob@example.com', 'AWY', null],
      [167, 'bob@example.com', 'AWY', null],
      [175, 'bob@example.com', 'NLN', null],
      [180, 'bob@example.com', 'NLN', null],
      [264, 'bob@example.com', 'BSY', null],
      [266, 'bob@example.com', 'BSY', 'Bob is busy now'],
      [269, 'bob@example.com', 'BSY', null],
      [272, 'bob@example.com', 'BSY', 'Bob is busy now'],
      [279, 'bob@example.com', 'FLN', null],
    ]);
    expect(r.analysis.presence()[0]).toEqual({ frame: 66, time: '2026-11-23T12:04:19.551190Z', account: 'alice@example.com', status: 'NLN', nick: 'Alice' });
  });

  it('MSNP18: `1:` prefixes, the same NLN twice (two points of presence) recorded once', () => {
    const r = runScript(captureScript('msnp18-pidgin-escargot-login-presence-chat'));
    const onAlice = r.analysis.presence().filter((p) => p.account === 'bob@example.com' && p.frame < 300 && p.frame > 230);
    // NLN at 234, AWY at 261 and 265, NLN at 282 and 286: the repeats add nothing.
    expect(onAlice.map((p) => [p.frame, p.status])).toEqual([
      [234, 'NLN'],
      [258, 'AWY'], // bob's own CHG on his connection
      [261, 'AWY'],
      [279, 'NLN'],
      [282, 'NLN'],
    ]);
    expect(r.analysis.presence().find((p) => p.personalMessage === 'Alice is testing MSNP18')?.frame).toBe(241);
    expect(r.analysis.presence().filter((p) => p.status === 'FLN').map((p) => [p.frame, p.account])).toEqual([[435, 'bob@example.com']]);
  });

  it('friendly names are URL-decoded, raw UTF-8 accepted (2005 sample)', () => {
    const r = runScript(captureScript('msnms-2005-wireshark-sample'));
    const first = r.analysis.presence()[0];
    expect(first).toMatchObject({ frame: 138, account: 'cirederf68@hotmail.com', status: 'IDL', nick: 'Famille VERNE - Etape 5, Freebox à la Poste' });
  });

  it('a personal message cleared to empty is a change; XML entities are decoded', () => {
    const r = runScript(`conn 1 10.0.0.2:1025 10.0.0.1:1863
1 1 S: NLN NLN bob@example.com Bob 0
2 1 S: UBX bob@example.com 68
| <Data><PSM>Tom &amp; Jerry</PSM><CurrentMedia></CurrentMedia></Data>
3 1 S: UBX bob@example.com 53
| <Data><PSM></PSM><CurrentMedia></CurrentMedia></Data>
`);
    expect(r.analysis.presence().map((p) => [p.frame, p.status, p.personalMessage ?? null])).toEqual([
      [1, 'NLN', null],
      [2, 'NLN', 'Tom & Jerry'],
      [3, 'NLN', ''],
    ]);
    expect(r.at(2).kind).toBe('presence');
    expect(r.at(2).texts).toEqual(['Tom & Jerry']);
  });

  it('UUX without a PSM element (EndpointData) says nothing about the personal message', () => {
    const r = runScript(`conn 1 10.0.0.2:1025 10.0.0.1:1863
1 1 C: USR 3 SSO I alice@example.com
2 1 C: CHG 4 NLN 0
3 1 C: UUX 5 67
| <EndpointData><Capabilities>262180:00</Capabilities></EndpointData>
`);
    expect(r.analysis.presence()).toHaveLength(1);
  });
});
