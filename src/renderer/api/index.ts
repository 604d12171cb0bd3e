// The renderer's way to the back end: Electron's preload bridge (window.msnpAnalyzer) when it is
// there, else the browser mode's WebSocket client.

import type { AnalyzerApi } from '../../shared/ipc-contract';
import { createWsApi } from './ws-client';

export function createApi(): AnalyzerApi {
  const bridged = (globalThis as { msnpAnalyzer?: AnalyzerApi }).msnpAnalyzer;
  return bridged ?? createWsApi();
}

export { createWsApi };
