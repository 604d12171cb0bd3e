// The Electron preload (sandboxed, context-isolated; bundled to dist/main/preload.cjs) and the
// ONLY file that touches ipcRenderer: exposes one typed AnalyzerApi as window.msnpAnalyzer, with
// every channel checked against the allowlist. Dropped files' paths come from webUtils here,
// because only the preload can resolve a File to its path.

import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { AnalyzerApi, EventChannel, EventChannels, RequestArg, RequestChannel, RequestResult } from '../../shared/ipc-contract';
import { ALLOWED_EVENT_CHANNELS, ALLOWED_REQUEST_CHANNELS } from './channel-allowlist';

function request<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestResult<C>> {
  if (!ALLOWED_REQUEST_CHANNELS.has(channel)) return Promise.reject(new Error(`unknown channel '${String(channel)}'`));
  return ipcRenderer.invoke(channel, arg) as Promise<RequestResult<C>>;
}

const api: AnalyzerApi = {
  mode: 'electron',
  request,
  on<E extends EventChannel>(channel: E, listener: (payload: EventChannels[E]) => void): () => void {
    if (!ALLOWED_EVENT_CHANNELS.has(channel)) throw new Error(`unknown event channel '${String(channel)}'`);
    // Never hand the IpcRendererEvent (and its sender) to page code.
    const wrapped = (_event: IpcRendererEvent, payload: EventChannels[E]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  async openDropped(files: File[]) {
    const paths = files.map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '');
    if (paths.length === 0) return { ok: false, error: 'the dropped items are not files on disk' };
    return request('file:open', { paths });
  },
};

contextBridge.exposeInMainWorld('msnpAnalyzer', api);
