// An AnalyzerBackend with the real analysis worker (run from source through tsx), a throw-away
// config/output directory, and helpers to wait for its events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyzerBackend, type BackendOptions } from '../../src/main/backend/analyzer-backend';
import type { EventChannel, EventChannels } from '../../src/shared/ipc-contract';

export type Event = { [E in EventChannel]: { channel: E; payload: EventChannels[E] } }[EventChannel];

export interface Harness {
  backend: AnalyzerBackend;
  dir: string;
  events: Event[];
  /** Resolves with the first event (after `from`) that matches. */
  waitFor<E extends EventChannel>(channel: E, match?: (p: EventChannels[E]) => boolean, from?: number): Promise<EventChannels[E]>;
  rows(from?: number): number[];
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
    rows: (from = 0) => events.slice(from).flatMap((e) => (e.channel === 'frames:appended' ? e.payload.rows.map((r) => r.number) : [])),
    async close() {
      await backend.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
