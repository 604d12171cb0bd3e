// The IPC contract's runtime channel lists against its type maps, and the Electron bridge's
// allowlists against the contract. The Record literals below fail type-checking (npm test runs
// tsc) when a channel is added to or removed from a type map without updating them.
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS, type EventChannel, type RequestChannel } from '../../src/shared/ipc-contract';
import { ALLOWED_EVENT_CHANNELS, ALLOWED_REQUEST_CHANNELS, isRendererUrl } from '../../src/main/electron/channel-allowlist';
import { validateRequest } from '../../src/main/backend/request-validation';

const EVERY_REQUEST: Record<RequestChannel, true> = {
  'file:open': true, 'file:close': true, 'file:recent': true, 'file:sample': true, 'analysis:cancel': true,
  'frames:detail': true, 'frames:rows': true, 'frames:view': true, 'frames:position': true,
  'frames:neighbour': true, 'frames:find': true, 'frames:find-cancel': true, 'frames:mark': true, 'frames:time-reference': true, 'stats:get': true, 'stats:io-graph': true, 'stats:timeline': true, 'stream:follow': true, 'flow:get': true, 'flow:svg': true, 'flow:export': true, 'capture:interfaces': true, 'capture:check-filter': true,
  'capture:start': true, 'capture:stop': true, 'capture:save': true, 'file:export': true,
  'export:dissections': true, 'export:objects': true, 'objects:preview': true, 'export:transcript': true, 'prefs:load': true, 'prefs:save': true,
};
const EVERY_EVENT: Record<EventChannel, true> = {
  'analysis:reset': true, 'frames:count': true, 'analysis:result': true, 'analysis:progress': true,
  'analysis:error': true, 'menu:action': true,
};

const sorted = (items: Iterable<string>) => [...items].sort();

describe('IPC contract', () => {
  it('REQUEST_CHANNELS lists every request channel of the type map, once', () => {
    expect(sorted(REQUEST_CHANNELS)).toEqual(sorted(Object.keys(EVERY_REQUEST)));
    expect(new Set(REQUEST_CHANNELS).size).toBe(REQUEST_CHANNELS.length);
  });

  it('EVENT_CHANNELS lists every event channel of the type map, once', () => {
    expect(sorted(EVENT_CHANNELS)).toEqual(sorted(Object.keys(EVERY_EVENT)));
    expect(new Set(EVENT_CHANNELS).size).toBe(EVENT_CHANNELS.length);
  });

  it('channel names are domain:verb', () => {
    for (const c of [...REQUEST_CHANNELS, ...EVENT_CHANNELS]) expect(c).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('the preload/ipc-main allowlists are exactly the contract', () => {
    expect(sorted(ALLOWED_REQUEST_CHANNELS)).toEqual(sorted(REQUEST_CHANNELS));
    expect(sorted(ALLOWED_EVENT_CHANNELS)).toEqual(sorted(EVENT_CHANNELS));
  });

  it('the back end validates an argument for every request channel and no other', () => {
    for (const c of REQUEST_CHANNELS) expect(validateRequest(c, {})).not.toBe(`unknown channel '${c}'`);
    expect(validateRequest('menu:action', {})).toBe("unknown channel 'menu:action'");
  });
});

describe('renderer origin check', () => {
  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/assets/x.js', true],
    ['app://evil/index.html', false],
    ['file:///tmp/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['https://renderer/', false],
    ['not a url', false],
    ['', false],
    [null, false],
  ])('%s → %s', (url, trusted) => {
    expect(isRendererUrl(url)).toBe(trusted);
  });
});
