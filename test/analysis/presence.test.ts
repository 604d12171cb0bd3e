// Presence: one record per change, with the connections that saw it (a change seen on several
// connections within 5 s is folded into its first sighting); personal messages from UBX and UUX.
// Connections 1 and 2 are alice's and bob's notification connections in both captures' scripts.
import { describe, expect, it } from 'vitest';
import { captureScript, runScript } from './script';

describe('presence', () => {
  it('MSNP12 capture: own CHG and contacts NLN/ILN/FLN, personal messages, no echoes', () => {
    const r = runScript(captureScript('msnp12-pecan-escargot-login-presence-chat'));
    const seen = r.analysis.presence().map((p) => [p.frame, p.account, p.status, p.personalMessage ?? null, p.seenBy.map((o) => [o.connection, o.frame])]);
    // Times from tshark (frame.time_relative): each second sighting is 0.2–2.4 s after the first.
    expect(seen).toEqual([
      // alice's CHG (0.248 s; the server's echo, 67, is not repeated), ILN on bob's connection (2.579 s)
      [66, 'alice@example.com', 'NLN', null, [[1, 66], [2, 139]]],
      // bob's CHG (2.578 s), NLN on alice's (2.778 s); the second NLN (150) changes nothing
      [136, 'bob@example.com', 'NLN', null, [[2, 136], [1, 147]]],
      [158, 'alice@example.com', 'NLN', 'Alice is testing MSNP', [[1, 158], [2, 160]]], // UUX, UBX on bob's
      [163, 'bob@example.com', 'AWY', null, [[2, 163], [1, 167]]],
      [175, 'bob@example.com', 'NLN', null, [[2, 175], [1, 180]]],
      // CHG BSY then UUX on bob's connection are two changes; alice's NLN BSY and UBX see each
      [264, 'bob@example.com', 'BSY', null, [[2, 264], [1, 269]]],
      [266, 'bob@example.com', 'BSY', 'Bob is busy now', [[2, 266], [1, 272]]],
      [279, 'bob@example.com', 'FLN', null, [[1, 279]]],
    ]);
    expect(r.analysis.presence()[0]).toEqual({
      frame: 66, time: '2026-11-23T12:04:19.551190Z', account: 'alice@example.com', status: 'NLN', nick: 'Alice',
      seenBy: [{ connection: 1, account: 'alice@example.com', frame: 66 }, { connection: 2, account: 'bob@example.com', frame: 139 }],
    });
  });

  it('MSNP18: `1:` prefixes, the same NLN twice (two points of presence) recorded once', () => {
    const r = runScript(captureScript('msnp18-pidgin-escargot-login-presence-chat'));
    const bob = r.analysis.presence().filter((p) => p.account === 'bob@example.com').map((p) => [p.frame, p.status, p.personalMessage ?? null, p.seenBy.map((o) => [o.connection, o.frame])]);
    // On alice's connection NLN comes twice for each change (234/236 on bob's, 261/265, 282/286):
    // the repeats add nothing; each of bob's CHGs (215 is his login's, in the segment of UUX 10)
    // is seen by alice's connection 0.1–0.2 s later.
    expect(bob).toEqual([
      [215, 'NLN', null, [[2, 215], [1, 234]]],
      [258, 'AWY', null, [[2, 258], [1, 261]]],
      [279, 'NLN', null, [[2, 279], [1, 282]]],
      // bob sets his message while online (UUX 18), then goes busy (CHG 19); alice's connection
      // gets NLN BSY (389), then the message (UBX, 391): one change for her.
      [384, 'NLN', 'Bob is busy now', [[2, 384]]],
      [386, 'BSY', 'Bob is busy now', [[2, 386], [1, 389]]],
      [435, 'FLN', null, [[1, 435]]],
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
