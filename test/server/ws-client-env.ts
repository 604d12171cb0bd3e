// Runs the renderer's browser-mode client (src/renderer/api/ws-client.ts) in Node: the `ws`
// WebSocket with the Origin a browser would send, and fetch against the fixture's base URL.
import { WebSocket } from 'ws';
import type { WsClientEnvironment } from '../../src/renderer/api/ws-client';
import type { Fixture } from './server-fixture';

export function clientEnvironment(f: Fixture, token = f.token): WsClientEnvironment {
  class BrowserLikeSocket extends WebSocket {
    constructor(url: string) {
      super(url, { origin: f.base });
    }
  }
  return {
    location: { protocol: 'http:', host: f.host, search: `?token=${token}` },
    WebSocket: BrowserLikeSocket as unknown as WsClientEnvironment['WebSocket'],
    fetch: ((input: string, init?: RequestInit) => fetch(f.base + input, init)) as typeof fetch,
  };
}
