// Saving and exporting from the UI: the browser mode downloads what the back end wrote, Electron
// says where it went, a cancelled save dialog is not an error, a refusal is.
import { describe, expect, it } from 'vitest';
import type { AnalyzerApi, RequestChannel } from '../../src/shared/ipc-contract';
import { createAnalyzerActions } from '../../src/renderer/app/analyzer-actions';
import { downloadUrl } from '../../src/renderer/api/download-output';
import { createAnalyzerStore } from '../../src/renderer/store/analyzer-state';
import { fakeApi, memoryStorage } from './fake-analyzer-api';

function setup(mode: AnalyzerApi['mode'], handle: (channel: RequestChannel, arg: unknown) => unknown) {
  const store = createAnalyzerStore();
  const downloads: string[] = [];
  const fake = fakeApi(handle, mode);
  const actions = createAnalyzerActions(fake.api, store, { storage: memoryStorage(), download: (p) => downloads.push(p) });
  return { store, actions, downloads, ...fake };
}

describe('save and export', () => {
  it('browser: saves MSNP frames and downloads the file the back end wrote', async () => {
    const { store, actions, calls, downloads } = setup('browser', () => ({ ok: true, path: '/tmp/out/chat-msnp.pcapng', frames: 227 }));
    await actions.saveCapture({ msnpOnly: true });
    expect(calls).toEqual([{ channel: 'capture:save', arg: { msnpOnly: true } }]);
    expect(downloads).toEqual(['/tmp/out/chat-msnp.pcapng']);
    expect(store.getState().notice).toMatchObject({ kind: 'info', text: 'Saved 227 MSNP frames: downloading chat-msnp.pcapng' });
  });

  it('browser: JSON and CSV exports download too', async () => {
    const { actions, calls, downloads } = setup('browser', (_c, arg) => ({ ok: true, path: `/tmp/out/chat-analysis.${(arg as { format: string }).format}` }));
    await actions.exportAnalysis('json');
    await actions.exportAnalysis('csv');
    expect(calls.map((c) => c.arg)).toEqual([{ format: 'json' }, { format: 'csv' }]);
    expect(downloads).toEqual(['/tmp/out/chat-analysis.json', '/tmp/out/chat-analysis.csv']);
  });

  it('Electron: says where the file went and downloads nothing', async () => {
    const { store, actions, downloads } = setup('electron', () => ({ ok: true, path: '/home/me/chat.pcapng', frames: 1 }));
    await actions.saveCapture({ msnpOnly: false });
    expect(downloads).toEqual([]);
    expect(store.getState().notice?.text).toBe('Saved 1 frame to /home/me/chat.pcapng');
  });

  it('a cancelled save dialog is silent; a refusal is an error notice', async () => {
    const cancelled = setup('electron', () => ({ ok: false, error: 'cancelled' }));
    await cancelled.actions.saveCapture({ msnpOnly: false });
    expect(cancelled.store.getState().notice).toBeNull();
    const refused = setup('browser', () => ({ ok: false, error: 'nothing to save: no capture is open' }));
    await refused.actions.saveCapture({ msnpOnly: true });
    expect(refused.store.getState().notice).toMatchObject({ kind: 'error', text: 'nothing to save: no capture is open' });
    expect(refused.downloads).toEqual([]);
  });

  it('asks the server for the file by its name only', () => {
    expect(downloadUrl('/tmp/msnp-analyzer-output-x/lo_live_-msnp.pcapng')).toBe('/api/download?name=lo_live_-msnp.pcapng');
    expect(downloadUrl('C:\\Users\\me\\a b&c.json')).toBe('/api/download?name=a%20b%26c.json');
  });
});
