// Statistics → I/O Graph (stats:io-graph) on every shared capture, against tshark's
// `-qz io,stat,INTERVAL,FILTER…` of the same file (frames and bytes per interval, one column per
// filter; stored by test/tools/tshark-endpoints-io.sh, per 1 s and, for captures under 100 s, per
// 0.1 s). MSNP commands add up to the independent count of count-commands-tshark.py, and the chat
// messages of the file-transfer capture fall in the intervals of the first frames tshark finds
// carrying their text.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IoGraphLine, IoLineAnswer } from '../../src/shared/io-graph';
import { CAPTURES } from '../helpers/captures';
import { realAnalysisSession } from '../helpers/real-session';

/** Must match IO_FILTERS of test/tools/tshark-endpoints-io.sh. */
const FILTERS = ['frame', 'tcp.port == 1863', 'tcp.len > 0', 'tcp.flags.syn == 1'];

/** Per filter column: frames per interval and bytes per interval. */
function tsharkIoStat(path: URL): { frames: number[]; bytes: number[] }[] {
  const columns = FILTERS.map(() => ({ frames: [] as number[], bytes: [] as number[] }));
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!/^\|\s*[\d.]+ <>/.test(line)) continue;
    const cells = line.split('|').slice(2, -1).map((c) => Number(c.trim()));
    columns.forEach((c, k) => {
      c.frames.push(cells[2 * k]);
      c.bytes.push(cells[2 * k + 1]);
    });
  }
  return columns;
}

const values = (answer: IoLineAnswer) => {
  if (!answer.ok) throw new Error(answer.error);
  return answer.values;
};

describe.each(Object.values(CAPTURES).map((p) => basename(p, '.pcap')))('I/O graph of %s, against tshark -qz io,stat', (name) => {
  const session = realAnalysisSession();
  beforeAll(() => session.load([new URL(`../fixtures/captures/${name}.pcap`, import.meta.url).pathname], name, {}));
  afterAll(() => session.dispose());

  it.each([['1s', 1_000_000], ['100ms', 100_000]] as const)('frames and bytes per %s interval, one line per filter', async (suffix, intervalUs) => {
    const fixture = new URL(`../fixtures/tshark/${name}.io-${suffix}.txt`, import.meta.url);
    if (!existsSync(fixture)) {
      // Only captures of 100 s and more have no 0.1 s fixture.
      expect(suffix).toBe('100ms');
      expect(readFileSync(new URL(`../fixtures/tshark/${name}.io-1s.txt`, import.meta.url), 'utf8')).toMatch(/Duration: \d{3,}\./);
      return;
    }
    const expected = tsharkIoStat(fixture);
    const lines: IoGraphLine[] = FILTERS.flatMap((filter) => [{ metric: 'packets', filter }, { metric: 'bytes', filter }]);
    const answer = await session.ioGraph({ intervalUs, lines });
    expect(answer.intervalUs).toBe(intervalUs);
    expect(answer.buckets).toBe(expected[0].frames.length);
    FILTERS.forEach((filter, k) => {
      expect(values(answer.lines[2 * k]), `${filter} frames`).toEqual(expected[k].frames);
      expect(values(answer.lines[2 * k + 1]), `${filter} bytes`).toEqual(expected[k].bytes);
    });
    // A point's first frame is a frame of that interval that the line's filter selects.
    const first = answer.lines[0];
    if (!first.ok) throw new Error(first.error);
    first.firstFrames.forEach((frame, k) => expect(frame > 0).toBe(first.values[k] > 0));
  });

  it('MSNP commands add up to the independent count of count-commands-tshark.py', async () => {
    const counted = JSON.parse(readFileSync(new URL(`../fixtures/tshark/${name}.commands.txt`, import.meta.url), 'utf8').replace(/'/g, '"')) as Record<string, number>;
    const answer = await session.ioGraph({ intervalUs: null, lines: [{ metric: 'commands', filter: 'tcp.port == 1863 || tcp.port == 1864' }] });
    const total = values(answer.lines[0]).reduce((a, b) => a + b, 0);
    expect(total).toBe(Object.values(counted).reduce((a, b) => a + b, 0));
  });
});

describe('I/O graph of the MSNP12 file-transfer capture', () => {
  const session = realAnalysisSession();
  beforeAll(() => session.load([CAPTURES.pecanFileTransfer], 'file transfer', {}));
  afterAll(() => session.dispose());

  const firstFrameWith = (text: string) => {
    const out = execFileSync('tshark', ['-r', CAPTURES.pecanFileTransfer, '-Y', `tcp contains "${text}"`, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.time_relative'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [frame, time] = out.trim().split('\n')[0].split('\t');
    return { frame: Number(frame), time: Number(time) };
  };

  it('auto interval: the smallest offered one keeping 14.6 s under 400 intervals (50 ms)', async () => {
    const answer = await session.ioGraph({ intervalUs: null, lines: [{ metric: 'packets', filter: '' }] });
    // capinfos: 14.600623 s; 14.6 / 0.02 = 730 intervals, 14.6 / 0.05 = 292.
    expect(answer.intervalUs).toBe(50_000);
    expect(answer.buckets).toBe(Math.floor(14_600_623 / 50_000) + 1);
    expect(values(answer.lines[0]).reduce((a, b) => a + b, 0)).toBe(332);
  });

  it("chat messages: one in each message's interval, where its first frame is", async () => {
    const answer = await session.ioGraph({ intervalUs: 100_000, lines: [{ metric: 'messages', filter: '' }] });
    const line = answer.lines[0];
    if (!line.ok) throw new Error(line.error);
    const expected = new Array<number>(answer.buckets).fill(0);
    const frames = new Array<number>(answer.buckets).fill(0);
    for (const text of ['I am sending you two files now.', 'Got both files, thanks!']) {
      const { frame, time } = firstFrameWith(text);
      const k = Math.floor(time / 0.1);
      expected[k]++;
      frames[k] = frame;
    }
    expect(line.values).toEqual(expected);
    expect(line.firstFrames).toEqual(frames);
  });

  it('a bad filter is refused on its line only, with the reason; a too small interval is refused', async () => {
    const answer = await session.ioGraph({ intervalUs: 1_000_000, lines: [{ metric: 'packets', filter: 'tcp.port ==' }, { metric: 'packets', filter: 'tcp' }] });
    expect(answer.lines[0].ok).toBe(false);
    expect(answer.lines[1].ok).toBe(true);
    const tooFine = await session.ioGraph({ intervalUs: 1, lines: [{ metric: 'packets', filter: '' }] });
    expect(tooFine.buckets).toBe(0);
    expect(tooFine.error).toMatch(/choose a longer one/);
  });
});
