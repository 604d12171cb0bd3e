// The MSNP HTTP gateway's addressing (PROTOCOL.md "HTTP gateway"; hypothetic.org "HTTP
// Connections"): requests are `POST /gateway/gateway.dll?Action=open&Server=NS|SB&IP=host`,
// then `?SessionID=…` or `?Action=poll&SessionID=…`, in origin or absolute form (proxies);
// replies carry `X-MSN-Messenger: SessionID=…; GW-IP=…` (and `Session=close` when the server
// ends the session).

export interface GatewayTarget {
  /** `open`, `poll`, `close`… lower-cased; null for a plain send (`?SessionID=…`). */
  action: string | null;
  /** `NS` or `SB` on open requests (upper-cased as sent), else null. */
  server: string | null;
  /** The MSNP server the client asked for (`IP=`), on open requests. */
  ip: string | null;
  sessionId: string | null;
}

export interface GatewayReply {
  sessionId: string | null;
  gatewayIp: string | null;
  /** `Session=close`: the server ended the logical connection. */
  sessionClose: boolean;
}

const GATEWAY_PATH = /^\/+gateway\/gateway\.dll$/i;

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The gateway fields of a request target, or null when it is not a gateway.dll request. */
export function parseGatewayTarget(target: string): GatewayTarget | null {
  const originForm = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const q = originForm.indexOf('?');
  const path = q < 0 ? originForm : originForm.slice(0, q);
  if (!GATEWAY_PATH.test(path)) return null;
  const out: GatewayTarget = { action: null, server: null, ip: null, sessionId: null };
  if (q < 0) return out;
  for (const pair of originForm.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
    if (key === 'action') out.action = value.toLowerCase();
    else if (key === 'server') out.server = value.toUpperCase();
    else if (key === 'ip') out.ip = value;
    else if (key === 'sessionid') out.sessionId = value;
  }
  return out;
}

/** Fields of an `X-MSN-Messenger` header value. */
export function parseGatewayReply(value: string): GatewayReply {
  const out: GatewayReply = { sessionId: null, gatewayIp: null, sessionClose: false };
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const v = part.slice(eq + 1).trim();
    if (key === 'sessionid') out.sessionId = v;
    else if (key === 'gw-ip') out.gatewayIp = v;
    else if (key === 'session' && v.toLowerCase() === 'close') out.sessionClose = true;
  }
  return out;
}
