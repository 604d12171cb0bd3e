// The capture process's line to the app, whichever way it was started (capture-launch.ts):
// - a child process (plain Node running the script, or the dedicated capture helper): Node's IPC
//   channel, process.send / 'message' / 'disconnect';
// - an Electron utility process (utilityProcess.fork, what the app uses when no helper is
//   installed, since the RunAsNode fuse is off): process.parentPort, which has no 'disconnect', so
//   the app's side (src/main/electron/utility-capture.ts) posts CLOSE_MESSAGE instead.

import type { CaptureMessage, CaptureRequest } from './capture-protocol';

/** Posted by the app to a utility process in place of a disconnect. */
export const CLOSE_MESSAGE = { channel: 'close' } as const;

export interface ParentChannel {
  connected(): boolean;
  /** `written` runs once the message has left this process (at once where that is not known). */
  send(message: CaptureMessage, written?: () => void): void;
  onRequest(handler: (request: CaptureRequest) => void): void;
  onClose(handler: () => void): void;
}

/** Electron's process.parentPort, as far as we use it. */
export interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function isClose(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === CLOSE_MESSAGE.channel;
}

/** The channel of this process, or null when it was started with none. */
export function parentChannel(proc: NodeJS.Process & { parentPort?: ParentPort } = process): ParentChannel | null {
  if (proc.send) {
    return {
      connected: () => proc.connected === true,
      send: (message, written) => void proc.send!(message, undefined, {}, () => written?.()),
      onRequest: (handler) => void proc.on('message', (m) => handler(m as CaptureRequest)),
      onClose: (handler) => void proc.on('disconnect', handler),
    };
  }
  const port = proc.parentPort;
  if (!port) return null;
  let open = true;
  const closeHandlers: Array<() => void> = [];
  const requestHandlers: Array<(request: CaptureRequest) => void> = [];
  port.on('message', ({ data }) => {
    if (!open) return;
    if (isClose(data)) {
      open = false;
      for (const h of closeHandlers) h();
    } else for (const h of requestHandlers) h(data as CaptureRequest);
  });
  return {
    connected: () => open,
    send: (message, written) => {
      if (open) port.postMessage(message);
      written?.();
    },
    onRequest: (handler) => void requestHandlers.push(handler),
    onClose: (handler) => void closeHandlers.push(handler),
  };
}
