// DEV ONLY (never part of the product build): an in-memory AnalyzerApi that "loads" the synthetic
// capture in batches with progress, answers detail and filter requests, and fakes a live capture.
// Used by dev/fake.html (`npx vite --config vite.config.ts`, then /dev/fake.html?rows=1000000).

import { compileFilter } from '../../shared/display-filter/compile-filter';
import type { FrameFields } from '../../shared/display-filter/frame-fields';
import type { AnalyzerApi, EventChannel, EventChannels, RequestArg, RequestChannel, RequestResult } from '../../shared/ipc-contract';
import type { FrameRow } from '../../shared/model';
import { fakeDetail, fakeResult, fakeRows } from './fake-capture';

type Listener = (payload: never) => void;

export function createFakeApi(totalRows: number): AnalyzerApi {
  const listeners = new Map<EventChannel, Set<Listener>>();
  let rows: FrameRow[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;
  const emit = <E extends EventChannel>(channel: E, payload: EventChannels[E]): void => {
    for (const l of listeners.get(channel) ?? []) (l as (p: EventChannels[E]) => void)(payload);
  };
  const stop = (): void => { if (timer) clearInterval(timer); timer = null; };

  const load = (label: string, source: 'file' | 'live'): void => {
    stop();
    rows = [];
    emit('analysis:reset', { label, source });
    const batch = source === 'live' ? 7 : Math.max(1000, Math.ceil(totalRows / 40));
    const started = Date.now();
    timer = setInterval(() => {
      const next = fakeRows(rows.length + 1, source === 'live' ? batch : Math.min(batch, totalRows - rows.length));
      rows.push(...next);
      emit('frames:appended', { rows: next });
      const done = source === 'file' && rows.length >= totalRows;
      const seconds = (Date.now() - started) / 1000;
      emit('analysis:progress', {
        source, label, bytesDone: rows.length * 100, bytesTotal: totalRows * 100, frames: rows.length, framesPerSecond: rows.length / Math.max(seconds, 0.001),
        done, captured: rows.length, dropped: 0, elapsedSeconds: seconds,
      });
      emit('analysis:result', { result: fakeResult(rows.length), final: done });
      if (done) stop();
    }, source === 'live' ? 250 : 60);
  };

  const fieldsOf = (row: FrameRow): FrameFields => ({
    number: row.number, ipSrc: row.source, ipDst: row.destination, tcpStream: row.stream,
    msnp: row.protocol === 'MSNP' ? { commands: [row.info.split(' ')[0]], trids: [], accounts: [], sessions: [], errors: [], version: 'MSNP12', contentTypes: [], texts: [] } : undefined,
  });

  const handlers: { [C in RequestChannel]: (arg: RequestArg<C>) => RequestResult<C> } = {
    'file:open': ({ paths }) => { load(paths[0] ?? 'capture.pcap', 'file'); return { ok: true }; },
    'file:close': () => { stop(); rows = []; },
    'file:recent': () => ['/home/analyst/captures/msnp12-login.pcap', '/home/analyst/cases/2005/msnms.pcap'],
    'file:sample': () => '/opt/msnp-analyzer/assets/sample.pcap',
    'analysis:cancel': () => stop(),
    'frames:detail': ({ number }) => { const row = rows[number - 1]; return row ? fakeDetail(row) : null; },
    'frames:filter': ({ expression }) => {
      const compiled = compileFilter(expression);
      if (!compiled.ok) return { ok: false, error: compiled.error, position: compiled.position };
      return { ok: true, frames: rows.filter((r) => compiled.predicate(fieldsOf(r))).map((r) => r.number) };
    },
    'capture:interfaces': () => ({ ok: true, interfaces: [
      { name: 'eth0', description: 'Ethernet', addresses: ['192.168.1.20'], loopback: false, up: true, isDefault: true },
      { name: 'lo', description: 'Loopback', addresses: ['127.0.0.1'], loopback: true, up: true, isDefault: false },
    ] }),
    'capture:check-filter': ({ filter }) => (/^[\w\s\-.]*$/.test(filter) ? { ok: true } : { ok: false, error: 'syntax error in filter expression' }),
    'capture:start': ({ device }) => { load(device, 'live'); return { ok: true }; },
    'capture:stop': () => stop(),
    'capture:save': () => ({ ok: false, error: 'not in the fake' }),
    'file:export': ({ format }) => ({ ok: true, path: `/tmp/analysis.${format}` }),
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
