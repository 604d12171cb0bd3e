// Connects one browser WebSocket to the back end: requests in, responses and events out, as the
// JSON messages of src/shared/ws-protocol.ts. Anything that is not a well-formed request for a
// contract channel gets an error response (or, if it has no id, is dropped). A frame `ws` itself
// refuses (over the size cap, invalid UTF-8, reserved opcode, unmasked) closes only that socket,
// with the code `ws` picked (1009, 1007, 1002): the 'error' listener is what keeps such a frame
// from becoming an uncaught exception that would end the whole server. Everything sent goes
// through the client's outbox (client-outbox.ts), which bounds what waits for a slow client.

import type { RawData, WebSocket } from 'ws';
import { REQUEST_CHANNELS, type RequestChannel } from '../../shared/ipc-contract';
import { decodeWsMessage } from '../../shared/ws-protocol';
import type { AnalyzerBackend } from '../backend/analyzer-backend';
import { ClientOutbox, DEFAULT_OUTBOX_LIMITS, type OutboxLimits } from './client-outbox';

const CHANNELS = new Set<string>(REQUEST_CHANNELS);

function parseRequest(data: RawData): { id: number; channel: string; arg: unknown } | { id: number | null; error: string } {
  let message: unknown;
  try {
    message = decodeWsMessage(data.toString());
  } catch {
    return { id: null, error: 'invalid JSON' };
  }
  const m = message as { type?: unknown; id?: unknown; channel?: unknown; arg?: unknown } | null;
  const id = typeof m?.id === 'number' && Number.isSafeInteger(m.id) ? m.id : null;
  if (!m || m.type !== 'request' || id === null) return { id, error: 'expected {type: "request", id, channel, arg}' };
  if (typeof m.channel !== 'string' || !CHANNELS.has(m.channel)) return { id, error: `unknown channel '${String(m.channel)}'` };
  return { id, channel: m.channel, arg: m.arg };
}

export function bridgeSocket(ws: WebSocket, backend: AnalyzerBackend, limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS): void {
  const outbox = new ClientOutbox(ws, limits);
  const unsubscribe = backend.onEvent((channel, payload) => outbox.send({ type: 'event', channel, payload }));
  ws.on('close', unsubscribe);
  // `ws` has already sent the close frame with the reason's code; nothing else to do.
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const request = parseRequest(data);
    if ('error' in request) {
      if (request.id !== null) outbox.send({ type: 'response', id: request.id, ok: false, error: request.error });
      return;
    }
    backend.request(request.channel as RequestChannel, request.arg as never).then(
      (result) => outbox.send({ type: 'response', id: request.id, ok: true, result }),
      (err: unknown) => outbox.send({ type: 'response', id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}
