// Subscribes to every back-end event: state events go through the per-animation-frame queue
// into the store; menu actions (forwarded by Electron's menu) run the matching command at once.

import { useEffect } from 'react';
import type { AnalyzerApi, EventChannels } from '../../shared/ipc-contract';
import type { AnalyzerStore } from '../store/analyzer-state';
import { reduceBackendEvents, type BackendEvent, type StateEventChannel } from '../store/apply-event';
import { EventQueue } from '../store/event-queue';

const STATE_CHANNELS: readonly StateEventChannel[] = ['analysis:reset', 'frames:count', 'analysis:result', 'analysis:progress', 'analysis:error'];

export type MenuAction = EventChannels['menu:action']['action'];

export function useBackendEvents(api: AnalyzerApi, store: AnalyzerStore, onMenu: (action: MenuAction) => void): void {
  useEffect(() => {
    const dropped = (error: unknown, event: BackendEvent): void => console.warn(`Dropped a malformed ${event.channel} event:`, error);
    const queue = new EventQueue<BackendEvent>((events) => store.setState((s) => reduceBackendEvents(s, events, dropped)));
    const unsubscribe = STATE_CHANNELS.map((channel) =>
      api.on(channel, (payload) => queue.push({ channel, payload } as BackendEvent)),
    );
    unsubscribe.push(api.on('menu:action', (payload) => onMenu(payload?.action)));
    return () => {
      for (const off of unsubscribe) off();
      queue.flush();
    };
  }, [api, store, onMenu]);
}
