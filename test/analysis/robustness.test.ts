// Everything in a capture is attacker-controlled: odd shapes and garbage must never throw.
import { describe, expect, it } from 'vitest';
import { ExpertLog } from '../../src/main/engine/analysis/expert-log';
import { MsnpAnalysis } from '../../src/main/engine/analysis/msnp-analysis';
import type { MsnpCommand } from '../../src/main/engine/msnp/msnp-command';
import { KNOWN_VERBS } from '../../src/main/engine/msnp/known-verbs';
import { RecordingP2p } from './script';

/** Deterministic pseudo-random numbers (xorshift32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

const TOKENS = ['', '0', '1', '12', 'OK', 'SB', 'NS', 'CKI', 'RINGING', 'TWN', 'SSO', 'MD5', 'SHA', 'I', 'S', 'A', 'U', 'N', 'D', 'FL', 'AL',
  'alice@example.com', '1:bob@example.com', 'bob@example.com;{960748A6-B9D0-312A-4569-B15F5BE85736}', '%', '%E9%B2', 'N=x@y', 'C=', 'F=%ZZ',
  '127.0.0.1:1864', '4242', '45c924cd-0bec-431b-ab4d-502471cf289e', 'x'.repeat(5000), '<msnobj/>', 'Hotmail'];

const BODIES = [
  '', 'MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhi', 'Content-Type: text/x-msmsgscontrol\r\n\r\n', 'no headers at all',
  'Content-Type: application/x-msnmsgrp2p\r\nP2P-Dest: bob@example.com\r\n\r\n\0\0\0', 'Routing: 1.0\r\n\r\n', '<Data><PSM>',
  '<ml><d n="x"><c n="y" l="abc"/></ml>', 'Message-ID: {1}\r\nChunks: 99999999\r\nContent-Type: text/plain\r\n\r\nx', 'Message-ID: {1}\r\nChunk: 5\r\n\r\ny',
  'Content-Type: text/x-msmsgsinvite\r\n\r\nInvitation-Command: INVITE\r\n', 'Content-Type: text/x-msnmsgr-datacast\r\n\r\nID: 99\r\n',
];

describe('robustness', () => {
  it('random commands of every verb, both directions, with and without bodies, never throw', () => {
    const rand = rng(20050614);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const expert = new ExpertLog();
    const a = new MsnpAnalysis({ showSecrets: false, expert, p2p: new RecordingP2p() });
    for (let c = 1; c <= 6; c++) a.openConnection({ id: c, client: `10.0.0.${c}:1025`, server: '10.0.0.1:1863', transport: 'tcp', firstFrame: 1, tsUs: 0 });
    const verbs = [...KNOWN_VERBS, '911', '282', 'VER', ''];
    const enc = new TextEncoder();
    for (let i = 0; i < 20_000; i++) {
      const verb = pick(verbs);
      const params = Array.from({ length: Math.floor(rand() * 8) }, () => pick(TOKENS));
      const trid = rand() < 0.5 && params.length > 0 && /^\d+$/.test(params[0]) ? Number(params[0]) : null;
      const body = rand() < 0.4 ? enc.encode(pick(BODIES)) : null;
      const cmd: MsnpCommand = {
        index: i, direction: rand() < 0.5 ? 'c2s' : 's2c', verb, trid, params, line: [verb, ...params].join(' '), body,
        frames: [i + 1], frame: i + 1, tsUs: i * 1000, streamOffset: 0,
      };
      if (verb === '') cmd.malformed = 'not an MSNP command line';
      const connection = 1 + Math.floor(rand() * 6);
      const annotation = a.command(connection, cmd);
      expect(typeof annotation.summary).toBe('string');
      if (i % 97 === 0) a.describe(connection, cmd);
      if (i % 4999 === 0) a.closeConnection(connection, i + 1, i * 1000);
    }
    a.finish();
    const all = JSON.stringify({ c: a.connections(), s: a.sessions(), k: a.contacts(), p: a.presence(), n: a.commandCounts() });
    expect(all.length).toBeGreaterThan(0);
  });
});
