// The back end's navigation moves on the MSNP12 chat capture (293 frames), with the real analyzer,
// each checked against tshark: neighbours in the same conversation are the frames of
// `tshark -Y 'tcp.stream == N'` (also under a display filter); Find Packet (string in bytes,
// case folded, hex, regex, display filter, packet list columns, packet details) walks the frames
// of the matching tshark filter and wraps around; marks drive `frame.marked`, next/previous
// marked (wrapping) and a marked-only save; the row page's times equal tshark's
// frame.time_relative / time_delta / time_delta_displayed, and a time reference restarts them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSession } from '../../src/main/backend/analysis-session';
import { DisplayOrder } from '../../src/main/backend/display-order';
import type { FrameTexts } from '../../src/main/backend/find-matcher';
import { FrameSearch } from '../../src/main/backend/frame-search';
import type { PacketTable } from '../../src/main/backend/packet-table';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import type { FindQuery, NeighbourKind } from '../../src/shared/navigation';
import { ROW_MARKED, ROW_TIME_REFERENCE } from '../../src/shared/packet-page';
import { CAPTURES } from '../helpers/captures';
import { tsharkFields, tsharkFrames } from '../helpers/tshark-frames';

const PATH = CAPTURES.pecanChat;
const FRAMES = 293;
/** The session's packet table (private: read for the search test's own display order). */
const sessionTable = (s: AnalysisSession): PacketTable => (s as unknown as { table: PacketTable }).table;
let session: AnalysisSession;

beforeAll(async () => {
  session = new AnalysisSession({ createAnalyzer: (o, l) => new Analyzer(o, l), readCaptures: mergeCaptureBatches, emit: () => undefined });
  await session.load([PATH], 'chat', {});
});
afterAll(() => session.dispose());

/** Every frame a neighbour walk visits from `from` until it stops (or comes round again). */
function walk(kind: NeighbourKind, direction: 'next' | 'previous', from: number): number[] {
  const out: number[] = [];
  for (let at = from; out.length < 400;) {
    const next = session.neighbour({ kind, direction, from: at });
    if (!next || next.wrapped) break;
    out.push(next.number);
    at = next.number;
  }
  return out;
}

/** Every frame Find Next visits from the top until it wraps around. */
async function findAll(query: Partial<FindQuery> & { text: string }): Promise<number[]> {
  const out: number[] = [];
  for (let from = 0; out.length < 400;) {
    const answer = await session.find({ mode: 'string', scope: 'bytes', caseSensitive: true, encoding: 'narrow', ...query, direction: 'next', from });
    if (!('found' in answer) || !answer.found || answer.wrapped) break;
    out.push(answer.number);
    from = answer.number;
  }
  return out;
}

const seconds = (us: number | undefined) => (us ?? NaN) / 1e6;

describe('next / previous packet and conversation', () => {
  it('steps through the displayed packets and stops at the ends', () => {
    expect(session.neighbour({ kind: 'packet', direction: 'next', from: 1 })).toEqual({ number: 2, position: 1, wrapped: false });
    expect(session.neighbour({ kind: 'packet', direction: 'next', from: 293 })).toBeNull();
    expect(session.neighbour({ kind: 'packet', direction: 'previous', from: 1 })).toBeNull();
    expect(session.neighbour({ kind: 'packet', direction: 'previous', from: 0 })?.number).toBe(293);
  });

  it('walks one tcp.stream forwards and back as tshark lists it', () => {
    const stream3 = tsharkFrames(PATH, 'tcp.stream == 3');
    expect(stream3.length).toBe(65);
    expect([stream3[0], ...walk('conversation', 'next', stream3[0])]).toEqual(stream3);
    expect([stream3.at(-1)!, ...walk('conversation', 'previous', stream3.at(-1)!)]).toEqual([...stream3].reverse());
  });

  it('keeps to the displayed frames under a display filter, also from a hidden frame', async () => {
    await session.view('tcp.len > 0', null);
    const shown = tsharkFrames(PATH, 'tcp.stream == 3 && tcp.len > 0');
    // Frame 73 (the SYN) is hidden by the filter: the walk starts where it would be.
    expect(walk('conversation', 'next', 73)).toEqual(shown);
    expect(walk('packet', 'next', 0)).toEqual(tsharkFrames(PATH, 'tcp.len > 0'));
    await session.view('', null);
  });
});

describe('Find Packet', () => {
  it('finds a string in the bytes, case sensitive or folded, as frame contains / matches (?i)', async () => {
    expect(await findAll({ text: 'MSG' })).toEqual(tsharkFrames(PATH, 'frame contains "MSG"'));
    expect(await findAll({ text: 'Bye', caseSensitive: true })).toEqual(tsharkFrames(PATH, 'frame contains "Bye"'));
    expect(await findAll({ text: 'bye', caseSensitive: false })).toEqual(tsharkFrames(PATH, 'frame matches "(?i)bye"'));
  });

  it('finds a hex value and a regular expression in the bytes', async () => {
    expect(await findAll({ mode: 'hex', text: '4d:53:47 20' })).toEqual(tsharkFrames(PATH, 'frame contains 4d:53:47:20'));
    expect(await findAll({ mode: 'regex', text: 'MSG \\d+ [AUN] ' })).toEqual(tsharkFrames(PATH, 'frame matches "MSG [0-9]+ [AUN] "'));
  });

  it('finds by display filter', async () => {
    expect(await findAll({ mode: 'filter', text: 'tcp.flags.syn == 1' })).toEqual(tsharkFrames(PATH, 'tcp.flags.syn == 1'));
  });

  it('finds a string in the packet list columns (notification-server verbs, which tshark dissects there too)', async () => {
    const info = tsharkFields(PATH, ['-T', 'fields', '-e', 'frame.number', '-e', '_ws.col.Info']).map((l) => l.split('\t'));
    for (const verb of ['CHG', 'CVR', 'XFR']) {
      expect(await findAll({ text: verb, scope: 'list' })).toEqual(info.filter(([, text]) => text.includes(verb)).map(([n]) => Number(n)));
    }
  });

  it('finds a string in the packet details (tree text)', async () => {
    expect(await findAll({ text: 'Alice is testing MSNP', scope: 'details' })).toEqual(tsharkFrames(PATH, 'frame contains "Alice is testing MSNP"'));
  }, 20_000);

  it('wraps around, goes backwards, and says "not found" or why it cannot search', async () => {
    const msg = tsharkFrames(PATH, 'frame contains "MSG"');
    const base = { mode: 'string', scope: 'bytes', caseSensitive: true, encoding: 'narrow', text: 'MSG' } as const;
    expect(await session.find({ ...base, direction: 'next', from: msg.at(-1)! })).toEqual({ found: true, number: msg[0], position: msg[0] - 1, wrapped: true });
    expect(await session.find({ ...base, direction: 'previous', from: msg[1] })).toMatchObject({ found: true, number: msg[0], wrapped: false });
    expect(await session.find({ ...base, direction: 'next', from: 1, text: 'no such text anywhere' })).toEqual({ found: false, searched: 293, stopped: 'no' });
    expect(await session.find({ ...base, mode: 'hex', direction: 'next', from: 1, text: '4d5' })).toHaveProperty('error');
    expect(await session.find({ ...base, mode: 'regex', direction: 'next', from: 1, text: '(' })).toHaveProperty('error');
    expect(await session.find({ ...base, mode: 'filter', direction: 'next', from: 1, text: 'tcp.port ==' })).toHaveProperty('error');
  });

  it('stops a running search when cancelled, and a newer search stops the older one', async () => {
    // Over the chat capture's own display order, with packet details that take 2 ms a frame.
    const order = new DisplayOrder(sessionTable(session));
    const slow: FrameTexts = { columns: () => [], bytes: () => null, filter: () => false, details: () => new Promise((r) => setTimeout(() => r(['x']), 2)) };
    const search = new FrameSearch(order, slow, { maxMs: 60_000, sliceMs: 1 });
    const query = { mode: 'string', scope: 'details', caseSensitive: true, encoding: 'narrow', text: 'never', direction: 'next', from: 0 } as const;
    const first = search.find(query);
    await new Promise((resolve) => setTimeout(resolve, 30));
    search.cancel();
    const answer = await first;
    expect(answer).toMatchObject({ found: false, stopped: 'cancelled' });
    expect((answer as { searched: number }).searched).toBeLessThan(FRAMES);
    const older = search.find(query);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const newer = search.find({ ...query, text: 'x' });
    expect(await older).toMatchObject({ found: false, stopped: 'cancelled' });
    expect(await newer).toEqual({ found: true, number: 1, position: 0, wrapped: false });
    const bounded = new FrameSearch(order, slow, { maxMs: 20, sliceMs: 1 });
    expect(await bounded.find(query)).toMatchObject({ found: false, stopped: 'time-limit' });
  });
});

describe('marks and time references', () => {
  it('marks frames, walks them with wrap-around, filters on frame.marked and saves only them', async () => {
    for (const n of [5, 100, 200]) session.mark({ op: 'toggle', number: n });
    expect(session.mark({ op: 'toggle', number: 100 })).toEqual({ marked: 2 });
    expect(walk('marked', 'next', 0)).toEqual([5, 200]);
    expect(session.neighbour({ kind: 'marked', direction: 'next', from: 200 })).toMatchObject({ number: 5, wrapped: true });
    expect(session.neighbour({ kind: 'marked', direction: 'previous', from: 5 })).toMatchObject({ number: 200, wrapped: true });
    expect(session.rows(4, 1).flags).toEqual([ROW_MARKED]);
    await session.view('frame.marked == 1', null);
    expect(session.rows(0, 10).number).toEqual([5, 200]);
    await session.view('', null);

    const dir = mkdtempSync(join(tmpdir(), 'marked-save-'));
    try {
      const saved = join(dir, 'marked.pcapng');
      expect(await session.save(saved, { msnpOnly: false, markedOnly: true })).toBe(2);
      const epoch = tsharkFields(PATH, ['-Y', 'frame.number == 5 || frame.number == 200', '-T', 'fields', '-e', 'frame.time_epoch']);
      expect(tsharkFields(saved, ['-T', 'fields', '-e', 'frame.time_epoch'])).toEqual(epoch);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    session.mark({ op: 'mark-displayed' });
    expect(session.mark({ op: 'unmark-all' })).toEqual({ marked: 0 });
    expect(session.neighbour({ kind: 'marked', direction: 'next', from: 0 })).toBeNull();
  });

  it('gives each row its relative, delta and delta-displayed times as tshark computes them', async () => {
    const fields = tsharkFields(PATH, ['-T', 'fields', '-e', 'frame.time_relative', '-e', 'frame.time_delta']).map((l) => l.split('\t').map(Number));
    const page = session.rows(0, 293);
    page.relativeUs!.forEach((us, i) => expect(seconds(us)).toBeCloseTo(fields[i][0], 6));
    page.deltaUs!.forEach((us, i) => expect(seconds(us)).toBeCloseTo(fields[i][1], 6));

    const filter = 'tcp.port == 1863 && tcp.len > 0';
    const displayed = tsharkFields(PATH, ['-Y', filter, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.time_delta_displayed']).map((l) => l.split('\t').map(Number));
    await session.view(filter, null);
    const ns = session.rows(0, 293);
    expect(ns.number).toEqual(displayed.map(([n]) => n));
    ns.deltaDisplayedUs!.forEach((us, i) => expect(seconds(us)).toBeCloseTo(displayed[i][1], 6));
    // Sorted, the previous displayed frame is still the previous one in frame order.
    await session.view(filter, { column: 'length', desc: true });
    const sorted = session.rows(0, 293);
    const byFrame = new Map(displayed.map(([n, delta]) => [n, delta]));
    sorted.number.forEach((n, i) => expect(seconds(sorted.deltaDisplayedUs![i])).toBeCloseTo(byFrame.get(n)!, 6));
    await session.view('', null);
  });

  it('restarts relative time at each time reference (*REF*), as Wireshark', () => {
    const epoch = tsharkFields(PATH, ['-T', 'fields', '-e', 'frame.time_epoch']).map(Number);
    session.timeReference({ op: 'toggle', number: 100 });
    expect(session.timeReference({ op: 'toggle', number: 250 })).toEqual({ references: 2 });
    const page = session.rows(0, 293);
    for (const n of [1, 99, 100, 101, 249, 250, 293]) {
      const base = n >= 250 ? 250 : n >= 100 ? 100 : 1;
      expect(seconds(page.relativeUs![n - 1])).toBeCloseTo(epoch[n - 1] - epoch[base - 1], 6);
    }
    expect(page.flags![99] & ROW_TIME_REFERENCE).toBe(ROW_TIME_REFERENCE);
    expect(page.flags![100] & ROW_TIME_REFERENCE).toBe(0);
    expect(session.timeReference({ op: 'clear' })).toEqual({ references: 0 });
    expect(seconds(session.rows(149, 1).relativeUs![0])).toBeCloseTo(epoch[149] - epoch[0], 6);
  });
});
