// What a stop at frame 230 of the bundled sample must keep, for the file and live watchdog tests.
// From the capture (tshark): frames 211 and 224 carry the chat's first two messages ("… message
// 1 …", "… (message 2)."), 234, 244 and 258 the later ones, so exactly the first two stay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { BackendOptions } from '../../src/main/backend/analyzer-backend';
import { readCaptureFile } from '../../src/main/engine/capture/capture-reader';
import { backendHarness, type Harness } from './backend-harness';

export const SAMPLE = resolve('assets/sample.pcap');
export const HANG_AT = 230;
export const STOPPED = `Analysis stopped at frame ${HANG_AT}: it stopped responding`;
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/**
 * A back end whose workers spin forever on frame `hangAt` (test-only SessionOptions hook), with
 * the watchdog's bounds given and the workers' temporary directories under `workerTemp`; closed
 * and removed after the file's tests.
 */
export function hangingBackend(hangAt: number, watchdog: BackendOptions['watchdog'], opts: BackendOptions = {}): { h: Harness; workerTemp: string } {
  const workerTemp = mkdtempSync(join(tmpdir(), 'watchdog-test-'));
  const h = backendHarness({ ...opts, analysis: { __testHangAtFrame: hangAt }, watchdog, tempDir: workerTemp });
  afterAll(async () => {
    await h.close();
    rmSync(workerTemp, { recursive: true, force: true });
  });
  return { h, workerTemp };
}

/** Rows, a frame's bytes and the transcript of frames 1–229 are served after the stop. */
export async function expectFramesBeforeHangKept(h: Harness): Promise<void> {
  expect(await h.rows()).toEqual(range(HANG_AT - 1));
  const frames: Uint8Array[] = [];
  for await (const f of readCaptureFile(SAMPLE, 0)) frames.push(new Uint8Array(f.data));
  const detail = await h.backend.request('frames:detail', { number: 224 });
  expect(Buffer.from(detail!.bytes)).toEqual(Buffer.from(frames[223]));
  expect(await h.backend.request('frames:detail', { number: HANG_AT })).toBeNull();
  const result = await h.finalResult();
  expect(result.frames).toBe(HANG_AT - 1);
  expect(result.sessions.flatMap((s) => s.messages.map((m) => m.text))).toEqual([
    'Hi Bob! This is message 1 from Alice.',
    'Hello Alice, Bob here (message 2).',
  ]);
}
