// DEV ONLY (never part of the product build): an in-memory AnalyzerApi that "loads" the synthetic
// capture in batches with progress, pages rows made on demand, answers detail and filter requests, and fakes a live capture.
// Used by dev/fake.html (`npx vite --config vite.config.ts`, then /dev/fake.html?rows=1000000).

import { compileFilter } from '../../shared/display-filter/compile-filter';
import type { FrameFields } from '../../shared/display-filter/frame-fields';
import { emptyFlowPage } from '../../shared/flow-graph';
import type { AnalyzerApi, EventChannel, EventChannels, RequestArg, RequestChannel, RequestResult } from '../../shared/ipc-contract';
import type { FrameRow } from '../../shared/model';
import type { FramePage } from '../../shared/packet-page';
import { RESULT_LISTS } from '../../shared/result-delta';
import { fakeDetail, fakeResult, fakeRows } from './fake-capture';

type Listener = (payload: never) => void;

/** Rows repeat a script of SCRIPT_LENGTH frames, so any count of rows is made on demand. */
const SCRIPT_LENGTH = 13;

export function createFakeApi(totalRows: number): AnalyzerApi {
  const listeners = new Map<EventChannel, Set<Listener>>();
  let frames = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  /** Script indices the display filter shows (all by default); descending frame order or not. */
  let shown = Array.from({ length: SCRIPT_LENGTH }, (_, i) => i);
  let desc = false;
  let version = 0;
  const emit = <E extends EventChannel>(channel: E, payload: EventChannels[E]): void => {
    for (const l of listeners.get(channel) ?? []) (l as (p: EventChannels[E]) => void)(payload);
  };
  const stop = (): void => { if (timer) clearInterval(timer); timer = null; };
  const displayed = (): number => Math.floor(frames / SCRIPT_LENGTH) * shown.length + shown.filter((i) => i < frames % SCRIPT_LENGTH).length;
  const counts = () => ({ frames, displayed: displayed(), version, firstTimeUs: frames > 0 ? fakeRows(1, 1)[0].timeUs : null });
  /** Frame number shown at a display position. */
  const frameAt = (position: number): number => {
    const p = desc ? displayed() - 1 - position : position;
    return Math.floor(p / shown.length) * SCRIPT_LENGTH + shown[p % shown.length] + 1;
  };

  const load = (label: string, source: 'file' | 'live'): void => {
    stop();
    frames = 0;
    emit('analysis:reset', { label, source });
    const batch = source === 'live' ? 7 : Math.max(1000, Math.ceil(totalRows / 40));
    const started = Date.now();
    timer = setInterval(() => {
      frames = source === 'live' ? frames + batch : Math.min(totalRows, frames + batch);
      emit('frames:count', counts());
      const done = source === 'file' && frames >= totalRows;
      const seconds = (Date.now() - started) / 1000;
      emit('analysis:progress', {
        source, label, bytesDone: frames * 100, bytesTotal: totalRows * 100, frames, framesPerSecond: frames / Math.max(seconds, 0.001),
        done, captured: frames, dropped: 0, elapsedSeconds: seconds,
      });
      const result = fakeResult(frames);
      const lists = Object.fromEntries(RESULT_LISTS.map((key) => [key, { length: result[key].length, changed: (result[key] as unknown[]).map((item, i) => [i, item]) }]));
      emit('analysis:result', { delta: { captures: result.captures, frames, commandCounts: result.commandCounts, lists }, final: done });
      if (done) stop();
    }, source === 'live' ? 250 : 60);
  };

  const fieldsOf = (row: FrameRow): FrameFields => ({
    number: row.number, ipSrc: row.source, ipDst: row.destination, tcpStream: row.stream,
    msnp: row.protocol === 'MSNP' ? { commands: [row.info.split(' ')[0]], trids: [], accounts: [], sessions: [], errors: [], version: 'MSNP12', contentTypes: [], texts: [] } : undefined,
  });

  const page = (start: number, count: number): FramePage => {
    const rows = [];
    for (let p = start; p < Math.min(displayed(), start + count); p++) rows.push(fakeRows(frameAt(p), 1)[0]);
    return {
      ...counts(), start,
      number: rows.map((r) => r.number), timeUs: rows.map((r) => r.timeUs), source: rows.map((r) => r.source), destination: rows.map((r) => r.destination),
      protocol: rows.map((r) => r.protocol), length: rows.map((r) => r.length), info: rows.map((r) => r.info), kind: rows.map((r) => r.kind),
      stream: rows.map((r) => r.stream), connection: rows.map(() => -1),
    };
  };

  const handlers: { [C in RequestChannel]: (arg: RequestArg<C>) => RequestResult<C> } = {
    'file:open': ({ paths }) => { load(paths[0] ?? 'capture.pcap', 'file'); return { ok: true }; },
    'file:close': () => { stop(); frames = 0; },
    'file:recent': () => ['/home/analyst/captures/msnp12-login.pcap', '/home/analyst/cases/2005/msnms.pcap'],
    'file:sample': () => '/opt/msnp-analyzer/assets/sample.pcap',
    'analysis:cancel': () => stop(),
    'frames:detail': ({ number }) => (number >= 1 && number <= frames ? fakeDetail(fakeRows(number, 1)[0]) : null),
    'frames:rows': ({ start, count }) => page(start, count),
    'frames:view': ({ filter, sort }) => {
      const compiled = compileFilter(filter);
      if (!compiled.ok) return { ok: false, error: compiled.error, position: compiled.position };
      if (sort && sort.column !== 'number') return { ok: false, error: 'the fake back end sorts by No. only' };
      shown = Array.from({ length: SCRIPT_LENGTH }, (_, i) => i).filter((i) => compiled.predicate(fieldsOf(fakeRows(i + 1, 1)[0])));
      desc = sort?.desc ?? false;
      version++;
      return { ok: true, counts: counts() };
    },
    'frames:position': ({ number }) => {
      const i = (number - 1) % SCRIPT_LENGTH;
      const k = shown.indexOf(i);
      if (number < 1 || number > frames || k < 0) return -1;
      const p = Math.floor((number - 1) / SCRIPT_LENGTH) * shown.length + k;
      return desc ? displayed() - 1 - p : p;
    },
    'frames:neighbour': () => null,
    'frames:find': () => ({ found: false, searched: 0, stopped: 'no' }),
    'frames:find-cancel': () => undefined,
    'frames:mark': () => ({ marked: 0 }),
    'frames:time-reference': () => ({ references: 0 }),
    'stats:get': ({ kind }) => ({ kind, tables: [] }),
    'stats:io-graph': ({ intervalUs }) => ({ intervalUs: intervalUs ?? 1e6, startUs: null, buckets: 0, lines: [] }),
    'stats:timeline': ({ grouping }) => ({ grouping, startUs: null, durationUs: 0, rows: [], bars: [], ticks: [], transfers: [], strips: [] }),
    'stream:follow': () => null,
    'flow:get': ({ start }) => emptyFlowPage(start),
    'flow:svg': () => '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'flow:export': () => ({ ok: false, error: 'not in the fake' }),
    'capture:interfaces': () => ({ ok: true, interfaces: [
      { name: 'eth0', description: 'Ethernet', addresses: ['192.168.1.20'], loopback: false, up: true, isDefault: true },
      { name: 'lo', description: 'Loopback', addresses: ['127.0.0.1'], loopback: true, up: true, isDefault: false },
    ] }),
    'capture:check-filter': ({ filter }) => (/^[\w\s\-.]*$/.test(filter) ? { ok: true } : { ok: false, error: 'syntax error in filter expression' }),
    'capture:start': ({ device }) => { load(device, 'live'); return { ok: true }; },
    'capture:stop': () => stop(),
    'capture:save': () => ({ ok: false, error: 'not in the fake' }),
    'file:export': ({ format }) => ({ ok: true, path: `/tmp/analysis.${format}` }),
    'export:dissections': () => ({ ok: false, error: 'not in the fake' }),
    'export:objects': () => ({ ok: false, error: 'not in the fake' }),
    'objects:preview': () => ({ kind: 'none', reason: 'not in the fake' }),
    'export:transcript': () => ({ ok: false, error: 'not in the fake' }),
    'prefs:load': () => null,
    'prefs:save': () => undefined,
  };

  return {
    mode: 'browser',
    async request<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestResult<C>> {
      await new Promise((r) => setTimeout(r, 20));
      return (handlers[channel] as (a: RequestArg<C>) => RequestResult<C>)(arg);
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    async openDropped(files) {
      load(files[0]?.name ?? 'dropped.pcap', 'file');
      return { ok: true };
    },
  };
}
