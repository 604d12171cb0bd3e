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

  it('browser: dissections, recovered files and transcripts download, each with its own notice', async () => {
    const answers: Record<string, unknown> = {
      'export:dissections': { ok: true, path: '/tmp/out/chat-dissections.csv', frames: 293 },
      'export:objects': { ok: true, path: '/tmp/out/chat-files.zip', files: 2 },
      'export:transcript': { ok: true, path: '/tmp/out/chat-session-3.html' },
    };
    const { store, actions, calls, downloads } = setup('browser', (channel) => answers[channel]);
    await actions.exportDissections({ format: 'csv', displayedOnly: true });
    expect(store.getState().notice?.text).toBe('Exported 293 packets: downloading chat-dissections.csv');
    await actions.exportObjects();
    expect(store.getState().notice?.text).toBe('Saved 2 files as a zip: downloading chat-files.zip');
    await actions.exportTranscript(3, 'html');
    expect(store.getState().notice?.text).toBe('Transcript of session 3 exported: downloading chat-session-3.html');
    expect(calls.map((c) => [c.channel, c.arg])).toEqual([
      ['export:dissections', { format: 'csv', displayedOnly: true }], ['export:objects', {}], ['export:transcript', { session: 3, format: 'html' }],
    ]);
    expect(downloads).toEqual(['/tmp/out/chat-dissections.csv', '/tmp/out/chat-files.zip', '/tmp/out/chat-session-3.html']);
  });

  it('Electron: one recovered file goes where the dialog said; a closed dialog is silent', async () => {
    const saved = setup('electron', () => ({ ok: true, path: '/home/me/12-hello.txt', files: 1 }));
    await saved.actions.exportObjects(0);
    expect(saved.calls).toEqual([{ channel: 'export:objects', arg: { index: 0 } }]);
    expect(saved.store.getState().notice?.text).toBe('Saved the file to /home/me/12-hello.txt');
    const cancelled = setup('electron', () => ({ ok: false, error: 'cancelled' }));
    await cancelled.actions.exportTranscript(1, 'json');
    expect(cancelled.store.getState().notice).toBeNull();
  });

  it('asks the server for the file by its name only', () => {
    expect(downloadUrl('/tmp/msnp-analyzer-output-x/lo_live_-msnp.pcapng')).toBe('/api/download?name=lo_live_-msnp.pcapng');
    expect(downloadUrl('C:\\Users\\me\\a b&c.json')).toBe('/api/download?name=a%20b%26c.json');
  });
});
