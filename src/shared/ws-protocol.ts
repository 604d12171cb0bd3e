// The browser mode's WebSocket protocol (src/main/server ↔ src/renderer/api): the IPC contract's
// requests, responses and events as JSON text messages.
//   client → server  {"type":"request","id":7,"channel":"frames:detail","arg":{"number":12}}
//   server → client  {"type":"response","id":7,"ok":true,"result":…} | {"type":"response","id":7,"ok":false,"error":"…"}
//   server → client  {"type":"event","channel":"frames:count","payload":{"frames":…,"displayed":…}}
// Binary data (FrameDetail.bytes) travels inside the JSON as {"$bytes":"<base64>"} and is decoded
// back to a Uint8Array on arrival. Plain TypeScript: no Buffer, no atob.

export type ClientMessage = { type: 'request'; id: number; channel: string; arg: unknown };

export type ServerMessage =
  | { type: 'response'; id: number; ok: true; result: unknown }
  | { type: 'response'; id: number; ok: false; error: string }
  | { type: 'event'; channel: string; payload: unknown };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63] +
      (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? ALPHABET[n & 63] : '=');
    // Join in pieces: one long += chain is quadratic on some engines.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes standard base64 (padding optional); returns null on any invalid character. */
export function base64ToBytes(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let pos = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const d = code < 128 ? DECODE[code] : -1;
    if (d < 0) return null;
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[pos++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  // `this[key]` is the value before toJSON (a Node Buffer would otherwise arrive as {type, data}).
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Uint8Array ? { $bytes: bytesToBase64(raw) } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const encoded = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof encoded === 'string') return base64ToBytes(encoded) ?? value;
  }
  return value;
}

export function encodeWsMessage(message: ClientMessage | ServerMessage): string {
  return JSON.stringify(message, replacer);
}

/** Parses a message; the caller still checks its shape (it comes from the other side of a socket). */
export function decodeWsMessage(text: string): unknown {
  return JSON.parse(text, reviver);
}

/** Path of the WebSocket endpoint and the header/query/cookie names that carry the access token. */
export const WS_PATH = '/ws';
export const UPLOAD_PATH = '/api/upload';
/** GET ?name=: a file the back end wrote into its output directory (saves, exports), as a download. */
export const DOWNLOAD_PATH = '/api/download';
export const TOKEN_QUERY = 'token';
export const TOKEN_HEADER = 'x-msnp-token';
/** Per port: browsers share cookies across the ports of a host, so one name would let instances overwrite each other's. */
export const tokenCookieName = (port: number): string => `msnp_token_${port}`;
