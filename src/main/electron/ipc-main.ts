// The ONLY file that touches ipcMain: registers one handler per allowed request channel, each of
// which first checks that the calling frame is our own renderer (app://renderer), and forwards
// back-end events to the window. What a request does is up to `handle` (electron-main.ts).

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventChannel, EventChannels, RequestChannel } from '../../shared/ipc-contract';
import { ALLOWED_EVENT_CHANNELS, ALLOWED_REQUEST_CHANNELS, isRendererUrl } from './channel-allowlist';

export type RequestHandler = (channel: RequestChannel, arg: unknown) => Promise<unknown>;

function trusted(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return !!frame && event.sender === window.webContents && isRendererUrl(frame.url);
}

/** Registers the handlers; returns a function that removes them. */
export function registerIpc(window: BrowserWindow, handle: RequestHandler): () => void {
  for (const channel of ALLOWED_REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!trusted(event, window)) throw new Error(`refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return handle(channel, arg);
    });
  }
  return () => {
    for (const channel of ALLOWED_REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Sends an event to the window's renderer, if the channel is allowed and the window still exists. */
export function sendEvent<E extends EventChannel>(window: BrowserWindow, channel: E, payload: EventChannels[E]): void {
  if (!ALLOWED_EVENT_CHANNELS.has(channel) || window.isDestroyed()) return;
  window.webContents.send(channel, payload);
}
