// Golden test: Wireshark's 2005 sample (MSNP11-era client, no SYN/VER: starts mid-session).
// Expected values: tshark (per-stream counts of text/plain and TypingUser payloads, NLN lines).
import { beforeAll, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';
import { analyze } from './golden-helpers';

let r: AnalysisResult;
beforeAll(async () => {
  r = await analyze(CAPTURES.wireshark2005);
});

it('counts every command although no connection starts with a SYN', () => {
  expect(r.frames).toBe(364);
  expect(r.commandCounts).toEqual({ ANS: 6, BYE: 2, CAL: 4, IRO: 3, JOI: 2, MSG: 244, NLN: 10, OUT: 5, PNG: 40, QNG: 40, RNG: 3, UBX: 1, USR: 2, XFR: 2 });
});

it('infers one notification and five switchboard connections from content', () => {
  expect(r.connections.map((c) => c.role)).toEqual(['switchboard', 'notification', 'switchboard', 'switchboard', 'switchboard', 'switchboard']);
  const ns = r.connections[1];
  expect(ns).toMatchObject({ client: '192.168.1.14:1037', server: '207.46.107.149:1863', version: 'MSNP11', versionSource: 'inferred' });
});

it('rebuilds each switchboard transcript with the message and typing counts of the wire', () => {
  // tshark: text/plain payloads per tcp.stream 0,2,3,4,5 = 1,11,6,3,13; TypingUser = 11,76,55,9,59.
  expect(r.sessions.map((s) => [s.messages.length, s.typing])).toEqual([[1, 11], [11, 76], [6, 55], [3, 9], [13, 59]]);
  const s2 = r.sessions[1];
  expect(s2.participants.map((p) => p.account).sort()).toEqual(['cecile260992@hotmail.com', 'jujurius@msn.com']);
  expect(s2.messages[0]).toMatchObject({ from: 'cecile260992@hotmail.com', nick: 'choupi', text: 'je te comprend' });
});

it('decodes raw UTF-8 nicknames in presence and URL-encoded ones', () => {
  // NLN IDL cirederf68@hotmail.com Famille%20VERNE%20-%20Etape%205,%20Freebox%20<c3 a0>%20la%20Poste
  expect(r.presence[0]).toMatchObject({ account: 'cirederf68@hotmail.com', status: 'IDL', nick: 'Famille VERNE - Etape 5, Freebox à la Poste' });
  expect(r.presence.map((p) => p.status)).toContain('AWY');
});
