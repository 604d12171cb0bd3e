// Statistics → Session Timeline (stats:timeline) on the shared MSNP12 file-transfer and MSNP18
// captures. Times are checked against tshark's frame.time_relative of the frames the bytes show:
// the switchboard session spans the TCP streams on port 1864 (first to last frame), the chat lines
// are the first frames carrying their text, the transfers run from the MSNSLP INVITE naming the
// file to its last data chunk, and bob's presence strip changes at his own CHG/FLN commands.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/shared/display-filter/compile-filter';
import { timeRangeFilter, type TimelineResponse } from '../../src/shared/timeline';
import { CAPTURES } from '../helpers/captures';
import { realAnalysisSession } from '../helpers/real-session';

/** tshark's frame numbers and relative times (µs) of the frames `filter` selects. */
function tshark(path: string, filter: string): { frame: number; us: number }[] {
  const out = execFileSync('tshark', ['-r', path, '-Y', filter, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.time_relative'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').filter(Boolean).map((l) => {
    const [frame, time] = l.split('\t');
    return { frame: Number(frame), us: Math.round(Number(time) * 1e6) };
  });
}

const timeOf = (path: string, frame: number) => tshark(path, `frame.number == ${frame}`)[0].us;

describe('session timeline of the MSNP12 file-transfer capture', () => {
  const path = CAPTURES.pecanFileTransfer;
  const session = realAnalysisSession();
  let byConversation: TimelineResponse;
  beforeAll(async () => {
    await session.load([path], 'file transfer', {});
    byConversation = session.timeline('conversation');
  });
  afterAll(() => session.dispose());

  it('one switchboard session bar over the port-1864 streams, its two chat lines as ticks', () => {
    const sb = tshark(path, 'tcp.port == 1864');
    expect(byConversation.rows[0]).toEqual({ label: 'Session 1: alice@example.com, bob@example.com', kind: 'session' });
    expect(byConversation.bars).toHaveLength(1);
    expect(byConversation.bars[0]).toMatchObject({ row: 0, frame: sb[0].frame, startUs: sb[0].us, endUs: sb[sb.length - 1].us });
    const lines = ['I am sending you two files now.', 'Got both files, thanks!'].map((text) => tshark(path, `tcp contains "${text}"`)[0]);
    expect(byConversation.ticks.map((t) => [t.row, t.frame, t.startUs])).toEqual(lines.map((l) => [0, l.frame, l.us]));
    expect(byConversation.ticks[0].label).toBe('alice@example.com: I am sending you two files now.');
  });

  it('each file transfer spans its INVITE to its last data chunk, in the session row', () => {
    // Frame 202: "MSG 5 D 1331 … INVITE MSNMSGR:bob@example.com MSNSLP/1.0" (hello.txt's offer);
    // frame 212: "MSG 6 D 285 … Hello Bob! This is hello.txt…", its one data chunk (145 bytes).
    // (the name travels base64-encoded in the INVITE's Context, so tshark finds the INVITEs: 202 and its relay 204, 227 and 228).
    const invite = tshark(path, 'tcp contains "INVITE MSNMSGR"');
    expect(invite[0].frame).toBe(202);
    const hello = byConversation.transfers[0];
    expect(hello).toMatchObject({ row: 0, frame: 202, startUs: invite[0].us, endUs: timeOf(path, 212), received: 145, size: 145, complete: true });
    // photo_blob.bin: 17 chunks; the last is the last frame alice's switchboard connection sends with a P2P data header of it.
    const photo = byConversation.transfers[1];
    expect(photo).toMatchObject({ row: 0, received: 20000, size: 20000, complete: true });
    expect(photo.startUs).toBeLessThan(photo.endUs);
  });

  it('presence rows: alice and bob online from their first sighting, bob offline at his FLN', () => {
    const rows = byConversation.rows.map((r) => r.label);
    expect(rows).toEqual(['Session 1: alice@example.com, bob@example.com', 'Presence: alice@example.com', 'Presence: bob@example.com']);
    const bob = byConversation.strips.filter((s) => s.row === 2);
    // Frame 314: "FLN bob@example.com\r\n", the only FLN of the capture.
    const fln = tshark(path, 'tcp contains "FLN bob@example.com"');
    expect(bob.map((s) => s.state)).toEqual(['online', 'offline']);
    expect(bob[1]).toMatchObject({ frame: fln[0].frame, startUs: fln[0].us, status: 'FLN' });
    expect(bob[0].endUs).toBe(bob[1].startUs);
  });

  it('by account: a row per account with the session, the messages it sent and the files it sent or received', () => {
    const t = session.timeline('account');
    expect(t.rows.map((r) => r.label)).toEqual(['bob@example.com', 'alice@example.com']);
    const alice = t.rows.findIndex((r) => r.label === 'alice@example.com');
    expect(t.bars.filter((b) => b.row === alice)).toHaveLength(1);
    expect(t.ticks.filter((k) => k.row === alice).map((k) => k.label)).toEqual(['alice@example.com: I am sending you two files now.']);
    expect(t.transfers.filter((k) => k.row === alice)).toHaveLength(2);
    expect(t.transfers).toHaveLength(4);
  });

  it('a brushed range is a filter the language reads, selecting the frames tshark selects', async () => {
    const filter = timeRangeFilter(2_000_000, 4_600_000.4);
    expect(filter).toBe('frame.time_relative >= 2.000000 && frame.time_relative <= 4.600001');
    expect(compileFilter(filter).ok).toBe(true);
    const answer = await session.view(filter, null);
    expect(answer.ok && answer.counts.displayed).toBe(tshark(path, filter).length);
  });
});

describe('session timeline of the MSNP18 capture', () => {
  const path = CAPTURES.msnp18Pidgin;
  const session = realAnalysisSession();
  beforeAll(() => session.load([path], 'msnp18', {}));
  afterAll(() => session.dispose());

  it("bob's presence strip: online, away at CHG AWY, online at CHG NLN, busy at CHG BSY, offline at FLN", () => {
    const t = session.timeline('conversation');
    const row = t.rows.findIndex((r) => r.label === 'Presence: bob@example.com');
    const strips = t.strips.filter((s) => s.row === row);
    // Bytes: frame 258 "CHG 15 AWY 2416181284:00 0", 279 "CHG 17 NLN …", 386 "CHG 19 BSY …", 435 "FLN 1:bob@example.com 0:0".
    const changes = [258, 279, 386, 435];
    expect(strips.map((s) => s.state)).toEqual(['online', 'away', 'online', 'busy', 'offline']);
    expect(strips.slice(1).map((s) => [s.frame, s.startUs])).toEqual(changes.map((f) => [f, timeOf(path, f)]));
    // Each strip lasts until the next change; the last until the capture's last frame.
    for (let k = 0; k + 1 < strips.length; k++) expect(strips[k].endUs).toBe(strips[k + 1].startUs);
    expect(strips[strips.length - 1].endUs).toBe(t.durationUs);
    expect(t.durationUs).toBe(30_258_809);
  });

  it('the session bar and its five chat lines', () => {
    const t = session.timeline('conversation');
    const sb = tshark(path, 'tcp.port == 1864');
    expect(t.bars).toHaveLength(1);
    expect(t.bars[0]).toMatchObject({ startUs: sb[0].us, endUs: sb[sb.length - 1].us, frame: sb[0].frame });
    expect(t.ticks).toHaveLength(5);
    for (const tick of t.ticks) expect(tick.startUs).toBe(timeOf(path, tick.frame));
  });
});
