// Where the back end writes is never the renderer's to say: a save, export or ring request that
// names a path is refused and nothing appears there; with an AskWhere (Electron's dialogs) the
// file goes where the user chose (and is not offered as a download), a closed dialog is
// 'cancelled'; a ring's directory comes from AskWhere or the server's --ring-dir, else a ring is
// refused.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_RING_DIRECTORY } from '../../src/main/backend/analyzer-backend';
import type { AskWhere } from '../../src/main/backend/ask-where';
import { backendHarness } from './backend-harness';
import { RecordingCapture } from './recording-capture';

const SAMPLE = resolve('assets/sample.pcap');
const chosen = mkdtempSync(join(tmpdir(), 'msnp-chosen-'));
afterAll(() => rmSync(chosen, { recursive: true, force: true }));

describe('write destinations', () => {
  const answers: Array<string | null> = [];
  const asked: Array<{ label: string; suffix: string }> = [];
  const askWhere: AskWhere = {
    saveFile: async (label, suffix) => {
      asked.push({ label, suffix });
      return answers.shift() ?? null;
    },
    ringDirectory: async () => answers.shift() ?? null,
  };
  const h = backendHarness({ askWhere });
  afterAll(() => h.close());

  it('refuses a save or export naming a path, and writes nothing there', async () => {
    expect(await h.backend.request('file:open', { paths: [SAMPLE] })).toEqual({ ok: true });
    await h.finalResult();
    const target = join(chosen, 'planted');
    await expect(h.backend.request('capture:save', { msnpOnly: false, path: `${target}.pcapng` } as never)).rejects.toThrow('(no path: the back end chooses where to write)');
    await expect(h.backend.request('file:export', { format: 'json', path: `${target}.json` } as never)).rejects.toThrow('(no path: the back end chooses where to write)');
    expect(readdirSync(chosen)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('writes where AskWhere says, not as a download; a closed dialog is cancelled', async () => {
    answers.push(join(chosen, 'mine.pcapng'));
    expect(await h.backend.request('capture:save', { msnpOnly: true })).toEqual({ ok: true, path: join(chosen, 'mine.pcapng'), frames: 227 });
    expect(asked).toEqual([{ label: 'sample.pcap', suffix: '-msnp.pcapng' }]);
    expect(h.backend.outputFile('mine.pcapng')).toBeNull();
    expect(await h.backend.request('file:export', { format: 'csv' })).toEqual({ ok: false, error: 'cancelled' });
    expect(readdirSync(chosen)).toEqual(['mine.pcapng']);
  });
});

describe('ring directory', () => {
  it('comes from the server option; without one a ring is refused and nothing starts', async () => {
    const live = new RecordingCapture();
    const without = backendHarness({ liveCapture: live });
    expect(await without.backend.request('capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 5, files: 3 } })).toEqual({ ok: false, error: NO_RING_DIRECTORY });
    expect(live.started).toEqual([]);
    await without.close();

    const withDir = backendHarness({ liveCapture: live, ringDirectory: chosen });
    expect(await withDir.backend.request('capture:start', { device: 'lo', filter: 'tcp', ring: { fileSizeMb: 5, files: 3 } })).toEqual({ ok: true });
    expect(live.started).toEqual([{ device: 'lo', filter: 'tcp', ring: { directory: chosen, fileSizeMb: 5, files: 3 } }]);
    await withDir.close();
  });

  it('comes from AskWhere when there is one (closed dialog: cancelled)', async () => {
    const live = new RecordingCapture();
    const dirs: Array<string | null> = [null, chosen];
    const h = backendHarness({ liveCapture: live, ringDirectory: '/not/this/one', askWhere: { saveFile: async () => null, ringDirectory: async () => dirs.shift() ?? null } });
    expect(await h.backend.request('capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 1, files: 2 } })).toEqual({ ok: false, error: 'cancelled' });
    expect(await h.backend.request('capture:start', { device: 'lo', filter: '', ring: { fileSizeMb: 1, files: 2 } })).toEqual({ ok: true });
    expect(live.started.map((r) => r.ring?.directory)).toEqual([chosen]);
    expect(existsSync('/not/this/one')).toBe(false);
    await h.close();
  });
});
