// The browser mode's AnalyzerApi: requests and events over one WebSocket to the local server
// (src/main/server), in the JSON format of src/shared/ws-protocol.ts. The access token comes from
// the page URL (?token=…) and then leaves it (access-token.ts). No reconnection: if the server
// goes away, requests fail with a message and the page must be reloaded.

import type { AnalyzerApi, EventChannel, EventChannels, RequestArg, RequestChannel, RequestResult } from '../../shared/ipc-contract';
import { TOKEN_HEADER, TOKEN_QUERY, UPLOAD_PATH, WS_PATH, decodeWsMessage, encodeWsMessage, type ServerMessage } from '../../shared/ws-protocol';
import { takeAccessToken, type TokenEnvironment } from './access-token';

type Listener = (payload: never) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface WsClientEnvironment extends TokenEnvironment {
  location: { protocol: string; host: string; search: string; pathname?: string; hash?: string };
  WebSocket: new (url: string) => WebSocket;
  fetch: typeof fetch;
}

function browserEnvironment(): WsClientEnvironment {
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    // storage switched off: the token lives as long as the page
  }
  return { location: window.location, history: window.history, storage, WebSocket: window.WebSocket, fetch: window.fetch.bind(window) };
}

export function createWsApi(env: WsClientEnvironment = browserEnvironment()): AnalyzerApi {
  const token = takeAccessToken(env);
  const scheme = env.location.protocol === 'https:' ? 'wss:' : 'ws:';
  // Without a token (storage off, after a reload) the HttpOnly cookie lets the socket in.
  const socket = new env.WebSocket(`${scheme}//${env.location.host}${WS_PATH}${token ? `?${TOKEN_QUERY}=${encodeURIComponent(token)}` : ''}`);
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let nextId = 0;
  let closedReason: string | null = null;

  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text);
  });
  const fail = () => {
    closedReason ??= 'connection to the analyzer closed; reload the page';
    for (const p of pending.values()) p.reject(new Error(closedReason));
    pending.clear();
    queue.length = 0;
  };
  socket.addEventListener('close', fail);
  socket.addEventListener('error', fail);
  socket.addEventListener('message', (event: MessageEvent) => {
    let message: ServerMessage;
    try {
      message = decodeWsMessage(String(event.data)) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === 'event') {
      for (const listener of listeners.get(message.channel) ?? []) {
        try {
          listener(message.payload as never);
        } catch (err) {
          console.error(`listener for ${message.channel} failed`, err);
        }
      }
      return;
    }
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.ok) p.resolve(message.result);
    else p.reject(new Error(message.error));
  });

  function request<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<RequestResult<C>> {
    if (closedReason) return Promise.reject(new Error(closedReason));
    const id = ++nextId;
    const text = encodeWsMessage({ type: 'request', id, channel, arg });
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (socket.readyState === 1 /* OPEN */) socket.send(text);
      else queue.push(text);
    });
  }

  async function upload(file: File): Promise<string> {
    const response = await env.fetch(`${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    const reply = (await response.json().catch(() => null)) as { ok: boolean; path?: string; error?: string } | null;
    if (!reply?.ok || !reply.path) throw new Error(`${file.name}: ${reply?.error ?? `upload failed (HTTP ${response.status})`}`);
    return reply.path;
  }

  return {
    mode: 'browser',
    request,
    on<E extends EventChannel>(channel: E, listener: (payload: EventChannels[E]) => void) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
    async openDropped(files: File[]) {
      if (files.length === 0) return { ok: false, error: 'no files dropped' };
      try {
        const paths: string[] = [];
        for (const file of files) paths.push(await upload(file));
        return await request('file:open', { paths });
      } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
