// The MSNP21 file-transfer scenario captured on both parties' notification connections: every
// SDG is seen twice (sent by one client, relayed to the other). Expected: each text once, one
// file, complete, with the SHA-1 of the bytes put in, and each transcript event once.
import { describe, expect, it } from 'vitest';
import { msnp21Connection } from './msnp21-builders';
import { ALICE, BOB, FILE, FILE_NAME, scenarioOn, SHA1, TEXTS } from './msnp21-file-scenario';
import { analyzeFrames, T0_US, timeline } from './synthetic';

const alice = msnp21Connection(ALICE, T0_US, scenarioOn('alice'));
// Bob's copy of each SDG arrives 500 µs after alice's: the relay is the later sighting.
const bob = msnp21Connection(BOB, T0_US + 500, scenarioOn('bob'), { ip: '192.168.5.6', port: 52000 });
const result = await analyzeFrames(timeline(alice, bob));

describe('MSNP21 SDG file transfer seen on both connections', () => {
  it('transcribes each text once, in one conversation over both connections', () => {
    expect(result.sessions).toHaveLength(1);
    expect(result.sessions[0].connections).toHaveLength(2);
    expect(result.sessions[0].messages.map((m) => [m.from, m.text])).toEqual(TEXTS);
  });

  it('rebuilds one file, complete, with its SHA-1', () => {
    expect(result.files.map((f) => [f.name, f.size, f.sha1, f.complete, f.from, f.to])).toEqual([[FILE_NAME, FILE.length, SHA1, true, ALICE, BOB]]);
  });

  it('has each invitation step and the completion once', () => {
    expect((result.sessions[0].events ?? []).map((e) => [e.kind, e.account])).toEqual([
      ['invitation', ALICE],
      ['invitation', BOB],
      ['invitation', BOB],
      ['file', ALICE],
    ]);
  });
});
