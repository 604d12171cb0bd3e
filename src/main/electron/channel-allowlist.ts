// The channels the Electron bridge lets through, written out by hand on purpose: the preload and
// ipc-main check every call against these sets, and a test proves they equal the IPC contract,
// so a channel added to the contract must be allowed here deliberately (and vice versa).

import type { EventChannel, RequestChannel } from '../../shared/ipc-contract';

export const ALLOWED_REQUEST_CHANNELS: ReadonlySet<RequestChannel> = new Set<RequestChannel>([
  'file:open',
  'file:close',
  'file:recent',
  'file:sample',
  'file:export',
  'analysis:cancel',
  'frames:detail',
  'frames:rows',
  'frames:view',
  'frames:position',
  'frames:neighbour',
  'frames:find',
  'frames:find-cancel',
  'frames:mark',
  'frames:time-reference',
  'stats:get',
  'stats:io-graph',
  'stats:timeline',
  'stream:follow',
  'flow:get',
  'flow:svg',
  'flow:export',
  'capture:interfaces',
  'capture:check-filter',
  'capture:start',
  'capture:stop',
  'capture:save',
  'export:dissections',
  'export:objects',
  'objects:preview',
  'export:transcript',
  'prefs:load',
  'prefs:save',
]);

export const ALLOWED_EVENT_CHANNELS: ReadonlySet<EventChannel> = new Set<EventChannel>([
  'analysis:reset',
  'frames:count',
  'analysis:result',
  'analysis:progress',
  'analysis:error',
  'menu:action',
]);

/** The renderer's origin: the app:// protocol that serves dist/renderer (renderer-protocol.ts). */
export const RENDERER_SCHEME = 'app';
export const RENDERER_ORIGIN = 'app://renderer';
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`;

/** True for URLs of our own renderer, the only frames allowed to call the back end. */
export function isRendererUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    // Node's URL gives non-special schemes the origin "null": compare scheme and host instead.
    const u = new URL(url);
    return u.protocol === `${RENDERER_SCHEME}:` && u.host === 'renderer';
  } catch {
    return false;
  }
}
