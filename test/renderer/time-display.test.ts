// The Time column's formats on the MSNP12 chat capture against tshark 4.0's own `-t r`, `-t d`,
// `-t dd` (under a display filter), `-t ad` (local time, in Asia/Tokyo for both), `-t ud` and
// `-t e`: rows come from the back end's row page (real analyzer) through the renderer's page
// reader. Lower precisions are tshark's text truncated (Wireshark truncates; tshark 4.0 has no
// precision option); nanoseconds are the microseconds tshark prints and three zeros (a pcap with
// microsecond timestamps). A time reference shows *REF*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisSession } from '../../src/main/backend/analysis-session';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import { REF_TEXT, timeColumnText, type TimeFormat, type TimePrecision } from '../../src/renderer/format/time-display';
import { pageRows } from '../../src/renderer/store/row-cache';
import type { FrameRow } from '../../src/shared/model';
import { CAPTURES } from '../helpers/captures';
import { tsharkFields } from '../helpers/tshark-frames';

const PATH = CAPTURES.pecanChat;
const ZONE = 'Asia/Tokyo';
let session: AnalysisSession;
const savedZone = process.env.TZ;

beforeAll(async () => {
  process.env.TZ = ZONE;
  session = new AnalysisSession({ createAnalyzer: (o, l) => new Analyzer(o, l), readCaptures: mergeCaptureBatches, emit: () => undefined });
  await session.load([PATH], 'chat', {});
});
afterAll(async () => {
  process.env.TZ = savedZone;
  await session.dispose();
});

const rows = (): FrameRow[] => pageRows(session.rows(0, 2000));
const texts = (list: FrameRow[], format: TimeFormat, precision: TimePrecision = 'auto') =>
  list.map((row) => timeColumnText(row, { format, precision, firstTimeUs: null }));

function tshark(format: string, filter?: string): string[] {
  return tsharkFields(PATH, ['-t', format, ...(filter ? ['-Y', filter] : []), '-T', 'fields', '-e', '_ws.col.Time']);
}

/** tshark's 6-digit text cut to `digits` (0: no fraction), or padded to nanoseconds. */
function truncated(text: string, digits: number): string {
  const [whole, fraction] = text.split('.');
  if (digits === 0) return whole;
  return `${whole}.${fraction.padEnd(9, '0').slice(0, digits)}`;
}

describe('Time Display Format against tshark', () => {
  it('relative, delta captured, absolute local and UTC, epoch', () => {
    const list = rows();
    expect(list).toHaveLength(293);
    expect(texts(list, 'relative')).toEqual(tshark('r'));
    expect(texts(list, 'delta')).toEqual(tshark('d'));
    expect(texts(list, 'absolute-utc')).toEqual(tshark('ud'));
    expect(texts(list, 'epoch')).toEqual(tshark('e'));
    // tshark inherits this process's TZ.
    const local = tshark('ad');
    expect(texts(list, 'absolute-local')).toEqual(local);
    // Tokyo is 9 hours ahead of UTC on that day: the two must differ.
    expect(local[0]).not.toBe(tshark('ud')[0]);
  });

  it('delta displayed under a display filter', async () => {
    const filter = 'tcp.port == 1863 && tcp.len > 0';
    await session.view(filter, null);
    expect(texts(rows(), 'delta-displayed')).toEqual(tshark('dd', filter));
    await session.view('', null);
  });

  it('precisions: seconds, milliseconds, microseconds, nanoseconds', () => {
    const list = rows();
    const [relative, utc] = [tshark('r'), tshark('ud')];
    for (const [precision, digits] of [['s', 0], ['ms', 3], ['us', 6], ['ns', 9]] as const) {
      expect(texts(list, 'relative', precision)).toEqual(relative.map((t) => truncated(t, digits)));
      expect(texts(list, 'absolute-utc', precision)).toEqual(utc.map((t) => truncated(t, digits)));
    }
  });

  it('shows *REF* on a time reference and counts the frames after it from there', () => {
    session.timeReference({ op: 'toggle', number: 100 });
    const list = rows();
    const epoch = tsharkFields(PATH, ['-T', 'fields', '-e', 'frame.time_epoch']).map(Number);
    const relative = texts(list, 'relative');
    expect(relative[99]).toBe(REF_TEXT);
    expect(texts(list, 'epoch')[99]).toBe(REF_TEXT);
    expect(Number(relative[150])).toBeCloseTo(epoch[150] - epoch[99], 6);
    expect(relative[98]).toBe(tshark('r')[98]);
    session.timeReference({ op: 'clear' });
  });
});
