// The browser mode's access token: read from the URL the server printed (?token=…) once, kept
// for this tab in sessionStorage (a reload or an upload still needs it), and taken out of the
// address bar and the history entry with history.replaceState, so it does not linger in the URL
// bar, the history, bookmarks or a screenshot. The page and the WebSocket are then let in by the
// HttpOnly cookie the server set on that first load.

import { TOKEN_QUERY } from '../../shared/ws-protocol';

const STORAGE_KEY = 'msnp-analyzer.token';

export interface TokenEnvironment {
  location: { search: string; pathname?: string; hash?: string };
  history?: { replaceState(data: unknown, unused: string, url: string): void } | null;
  storage?: { getItem(key: string): string | null; setItem(key: string, value: string): void } | null;
}

/** The token for this tab ('' when there is none); removes it from the address bar. */
export function takeAccessToken(env: TokenEnvironment): string {
  const params = new URLSearchParams(env.location.search);
  const fromUrl = params.get(TOKEN_QUERY);
  if (fromUrl === null) return safely(() => env.storage?.getItem(STORAGE_KEY)) ?? '';
  safely(() => env.storage?.setItem(STORAGE_KEY, fromUrl));
  params.delete(TOKEN_QUERY);
  const rest = params.toString();
  safely(() => env.history?.replaceState(null, '', `${env.location.pathname ?? '/'}${rest ? `?${rest}` : ''}${env.location.hash ?? ''}`));
  return fromUrl;
}

/** Storage can be switched off, and a sandboxed page may refuse history changes: the token still works for this page. */
function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
