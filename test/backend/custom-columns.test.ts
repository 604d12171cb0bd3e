// Custom packet-list columns (Apply as Column) are computed by the back end for the rows of a
// page: on the MSNP12 login/chat capture (293 frames, window scaling on its connections), every
// field a column can show equals what `tshark -T fields -e …` prints for every frame (values of a
// field joined by ",", flags in hex, seconds to the nanosecond), with a filter and a sort applied
// too; fields that cannot be columns are refused by the request's check.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURES } from '../helpers/captures';
import { backendHarness, type Harness } from './backend-harness';

const PATH = CAPTURES.pecanChat;
const FRAMES = 293;
// tcp.ack is left out: for a SYN without ACK tshark prints 0 where the field table has no value.
const FIELDS = [
  'frame.len', 'frame.cap_len', 'frame.time_relative', 'frame.time_delta', 'ip.src', 'ip.dst', 'ip.addr', 'ip.proto',
  'tcp.srcport', 'tcp.dstport', 'tcp.port', 'tcp.stream', 'tcp.len', 'tcp.seq', 'tcp.window_size_value', 'tcp.window_size',
  'tcp.flags', 'tcp.flags.syn', 'tcp.flags.push',
];

/** tshark's text of FIELDS per frame number. */
function tsharkFields(filter?: string): Map<number, string[]> {
  const args = ['-r', PATH, '-T', 'fields', '-e', 'frame.number', ...FIELDS.flatMap((f) => ['-e', f]), ...(filter ? ['-Y', filter] : [])];
  const out = execFileSync('tshark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return new Map(out.trim().split('\n').map((line) => {
    const [number, ...values] = line.split('\t');
    return [Number(number), values];
  }));
}

let h: Harness;
beforeAll(async () => {
  h = backendHarness();
  expect(await h.backend.request('file:open', { paths: [PATH] })).toEqual({ ok: true });
  await h.waitFor('analysis:progress', (p) => p.done);
});
afterAll(() => h.close());

/** Our text of FIELDS per frame number, asked in two pages (a page carries at most 16 columns). */
async function columns(count: number): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const fields of [FIELDS.slice(0, 10), FIELDS.slice(10)]) {
    const page = await h.backend.request('frames:rows', { start: 0, count, fields });
    expect(page.custom).toHaveLength(fields.length);
    page.number.forEach((n, i) => out.set(n, [...(out.get(n) ?? []), ...fields.map((_, k) => page.custom![k][i])]));
  }
  return out;
}

describe('custom columns from the back end', () => {
  it('every column field equals tshark -T fields on every frame', async () => {
    const expected = tsharkFields();
    expect(expected.size).toBe(FRAMES);
    const ours = await columns(FRAMES);
    expect(ours.size).toBe(FRAMES);
    for (const [frame, values] of expected) expect({ frame, values: ours.get(frame) }).toEqual({ frame, values });
    // The capture's windows are scaled: the two window fields differ on most frames.
    expect([...expected.values()].filter((v) => v[14] !== v[15]).length).toBeGreaterThan(200);
  });

  it('follows the display order: filtered and sorted rows carry their own values', async () => {
    const filter = 'tcp.len > 0 && tcp.stream == 2';
    expect(await h.backend.request('frames:view', { filter, sort: { column: 'length', desc: true } })).toMatchObject({ ok: true });
    const expected = tsharkFields(filter);
    const page = await h.backend.request('frames:rows', { start: 0, count: 2000, fields: ['frame.len', 'tcp.stream'] });
    expect(page.number.length).toBe(expected.size);
    expect(page.custom![0]).toEqual(page.length.map(String));
    expect(page.custom![0]).toEqual(page.number.map((n) => expected.get(n)![0]));
    expect(new Set(page.custom![1])).toEqual(new Set(['2']));
    await h.backend.request('frames:view', { filter: '', sort: null });
  });

  it('a page without fields carries no custom columns; names that cannot be columns are refused', async () => {
    expect((await h.backend.request('frames:rows', { start: 0, count: 5 })).custom).toBeUndefined();
    for (const fields of [['tcp'], ['tcp.payload'], ['no.such.field'], Array(17).fill('frame.len'), 'frame.len']) {
      await expect(h.backend.request('frames:rows', { start: 0, count: 5, fields } as never)).rejects.toThrow(/fields\?/);
    }
    await expect(h.backend.request('frames:rows', { start: 0, count: 5, path: '/tmp/x' } as never)).rejects.toThrow(/frames:rows/);
  });
});
