// An AnalyzerBackend with the real analysis worker (run from source through tsx), a throw-away
// config/output directory, and helpers to wait for its events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyzerBackend, type BackendOptions } from '../../src/main/backend/analyzer-backend';
import type { EventChannel, EventChannels } from '../../src/shared/ipc-contract';
import type { AnalysisResult } from '../../src/shared/model';
import { MAX_PAGE_ROWS } from '../../src/shared/packet-page';
import { applyResultDelta } from '../../src/shared/result-delta';

export type Event = { [E in EventChannel]: { channel: E; payload: EventChannels[E] } }[EventChannel];

export interface Harness {
  backend: AnalyzerBackend;
  dir: string;
  events: Event[];
  /** Resolves with the first event (after `from`) that matches. */
  waitFor<E extends EventChannel>(channel: E, match?: (p: EventChannels[E]) => boolean, from?: number): Promise<EventChannels[E]>;
  /** Frame numbers of the whole packet list as displayed, paged from the back end. */
  rows(): Promise<number[]>;
  /** Waits for the final increment after event `from`, and returns the result built from the increments of that capture. */
  finalResult(from?: number): Promise<AnalysisResult>;
  close(): Promise<void>;
}

export function backendHarness(opts: BackendOptions = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'backend-test-'));
  const backend = new AnalyzerBackend({ configDir: join(dir, 'config'), outputDir: dir, ...opts });
  const events: Event[] = [];
  const waiters: (() => void)[] = [];
  backend.onEvent((channel, payload) => {
    events.push({ channel, payload } as Event);
    for (const w of waiters.splice(0)) w();
  });
  function waitFor<E extends EventChannel>(channel: E, match: (p: EventChannels[E]) => boolean = () => true, from = 0): Promise<EventChannels[E]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${channel}`)), 20_000);
      const check = () => {
        const hit = events.slice(from).find((e) => e.channel === channel && match(e.payload as EventChannels[E]));
        if (hit) {
          clearTimeout(timer);
          resolve(hit.payload as EventChannels[E]);
        } else waiters.push(check);
      };
      check();
    });
  }
  return {
    backend,
    dir,
    events,
    waitFor,
    async rows() {
      const numbers: number[] = [];
      for (;;) {
        const page = await backend.request('frames:rows', { start: numbers.length, count: MAX_PAGE_ROWS });
        numbers.push(...page.number);
        if (page.number.length === 0 || numbers.length >= page.displayed) return numbers;
      }
    },
    async finalResult(from = 0) {
      await waitFor('analysis:result', (p) => p.final, from);
      const start = events.findLastIndex((e, i) => i >= from && e.channel === 'analysis:reset');
      let result: AnalysisResult | null = null;
      for (const e of events.slice(Math.max(start, from))) {
        if (e.channel === 'analysis:result') {
          result = applyResultDelta(result, e.payload.delta);
          if (e.payload.final) return result;
        }
      }
      throw new Error('no final result');
    },
    async close() {
      await backend.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
