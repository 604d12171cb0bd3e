// Turns back-end events into state changes. Pure: (state, events) → state. Each event is applied
// in its own try/catch, so one malformed event is dropped and reported, never fatal to the view
// (HTTP Toolkit's events-store pattern).

import type { EventChannels } from '../../shared/ipc-contract';
import { applyResultDelta } from '../../shared/result-delta';
import type { AnalyzerData } from './analyzer-state';
import { initialAnalysis, normalizeResult } from './analysis-slice';
import { initialPacketList, receiveCounts } from './packet-list-slice';
import { RowCache } from './row-cache';
import { initialSelection } from './selection-slice';
import { makeNotice } from './ui-slice';

/** Events that change state (menu actions are commands, handled elsewhere). */
export type StateEventChannel = Exclude<keyof EventChannels, 'menu:action'>;
export type BackendEvent = { [C in StateEventChannel]: { channel: C; payload: EventChannels[C] } }[StateEventChannel];

/** Clears everything that belonged to the previous capture; the applied display filter and sort stay (the back end keeps them). */
function reset(state: AnalyzerData, payload: EventChannels['analysis:reset']): Partial<AnalyzerData> {
  return {
    ...initialPacketList(),
    rowCache: new RowCache(0, null, state.rowCache.fields),
    sort: state.sort,
    ...initialSelection(),
    ...initialAnalysis(),
    epoch: state.epoch + 1,
    hasCapture: true,
    captureLabel: String(payload.label ?? ''),
    captureSource: payload.source === 'live' ? 'live' : 'file',
    filterRequest: null,
    progress: null,
    capturing: payload.source === 'live' ? state.capturing : false,
    selectedSession: null,
    scrollToken: state.scrollToken,
  };
}

/** After `file:close`: back to the start screen. */
export function closedCapture(state: AnalyzerData): Partial<AnalyzerData> {
  return { ...reset(state, { label: '', source: 'file' }), hasCapture: false, captureSource: null };
}

export function reduceBackendEvent(state: AnalyzerData, event: BackendEvent): Partial<AnalyzerData> {
  switch (event.channel) {
    case 'analysis:reset':
      // The back end closes a capture (File > Close, file:close) with a reset without a label.
      return event.payload.label ? reset(state, event.payload) : closedCapture(state);
    case 'frames:count':
      if (typeof event.payload !== 'object' || event.payload === null) throw new Error('frames:count without counts');
      return receiveCounts(state, event.payload);
    case 'analysis:result': {
      const delta = event.payload.delta;
      if (typeof delta !== 'object' || delta === null) throw new Error('analysis:result without delta');
      return { result: normalizeResult(applyResultDelta(state.result, delta)), resultFinal: event.payload.final === true };
    }
    case 'analysis:progress': {
      const progress = event.payload;
      const liveEnded = progress.source === 'live' && progress.done;
      return liveEnded ? { progress, capturing: false } : { progress };
    }
    case 'analysis:error':
      return { notice: makeNotice(state.notice, 'error', String(event.payload.message ?? 'Unknown error')) };
    default:
      throw new Error(`unknown event ${(event as { channel: string }).channel}`);
  }
}

/** Applies a batch of events in order; a failing event is skipped and passed to `onError`. */
export function reduceBackendEvents(state: AnalyzerData, events: readonly BackendEvent[], onError: (error: unknown, event: BackendEvent) => void): AnalyzerData {
  let next = state;
  for (const event of events) {
    try {
      next = { ...next, ...reduceBackendEvent(next, event) };
    } catch (error) {
      onError(error, event);
    }
  }
  return next;
}
