// Wireshark's navigation moves, asked of the back end (which holds the packet list): next and
// previous packet, in the same conversation and marked; Find Packet; marking; time references;
// the Time Display Format. Each answer selects the frame it names and scrolls to it,
// or says in words why nothing moved.

import type { AnalyzerApi } from '../../shared/ipc-contract';
import type { Direction, FindAnswer, NeighbourKind } from '../../shared/navigation';
import type { TimeFormat, TimePrecision } from '../format/time-display';
import type { AnalyzerStore } from '../store/analyzer-state';
import type { ActionSupport } from './action-support';

const NOTHING: Record<NeighbourKind, string> = {
  packet: '',
  conversation: 'No further packet of this conversation is displayed.',
  marked: 'No packet is marked (Ctrl+M marks the selected one).',
};

/** The find bar's message for an answer that selected nothing. */
export function findMessage(answer: FindAnswer, text: string): string {
  if ('error' in answer) return answer.error;
  if (answer.found) return answer.wrapped ? 'Found: the search went past the end and continued from the other end.' : '';
  const searched = `${answer.searched.toLocaleString('en-US')} ${answer.searched === 1 ? 'packet' : 'packets'}`;
  switch (answer.stopped) {
    case 'cancelled': return `Search stopped after ${searched}.`;
    case 'time-limit': return `Search gave up after ${searched}: it took too long. Narrow the display filter and search again.`;
    default: return `No packet matches "${text}" (searched ${searched}).`;
  }
}

export function createNavigationActions(api: AnalyzerApi, store: AnalyzerStore, { attempt }: ActionSupport) {
  const get = store.getState;

  const selected = (): number => get().selectedFrame ?? 0;
  const select = (number: number, position: number): void => get().selectFrame(number, true, position);

  async function moveTo(kind: NeighbourKind, direction: Direction): Promise<void> {
    if (!get().hasCapture) return;
    const answer = await attempt('Could not move', () => api.request('frames:neighbour', { kind, direction, from: selected() }));
    if (answer) select(answer.number, answer.position);
    else if (answer === null && NOTHING[kind]) get().notify('info', NOTHING[kind]);
  }

  async function find(direction: Direction): Promise<void> {
    const { findQuery, hasCapture } = get();
    if (!hasCapture || findQuery.text.trim() === '') return;
    store.setState({ findBusy: true, findMessage: 'Searching…' });
    const answer = await attempt('Find Packet', () => api.request('frames:find', { ...findQuery, direction, from: selected() }));
    store.setState({ findBusy: false, findMessage: answer ? findMessage(answer, findQuery.text) : '' });
    if (answer && 'found' in answer && answer.found) select(answer.number, answer.position);
  }

  async function mark(op: 'toggle' | 'mark-displayed' | 'unmark-all'): Promise<void> {
    const frame = get().selectedFrame;
    if (!get().hasCapture || (op === 'toggle' && frame === null)) return;
    await attempt('Could not mark', () => api.request('frames:mark', op === 'toggle' ? { op, number: frame! } : { op }));
  }

  async function timeReference(op: 'toggle' | 'clear'): Promise<void> {
    const frame = get().selectedFrame;
    if (!get().hasCapture || (op === 'toggle' && frame === null)) return;
    await attempt('Could not set the time reference', () => api.request('frames:time-reference', op === 'toggle' ? { op, number: frame! } : { op }));
  }

  /** The window's preferences remember it (window-preferences.ts: localStorage, or Electron's config directory). */
  function setTimeDisplay(change: { format?: TimeFormat; precision?: TimePrecision }): void {
    const s = get();
    store.setState({ timeFormat: change.format ?? s.timeFormat, timePrecision: change.precision ?? s.timePrecision });
  }

  /** Selects the first frame after `after` that `filter` shows (Find Packet in the back end), or says `none`. */
  async function goToFirstAfter(filter: string, after: number, none: string): Promise<void> {
    const answer = await attempt('Could not go there', () => api.request('frames:find', {
      mode: 'filter', text: filter, scope: 'list', caseSensitive: false, encoding: 'both', direction: 'next', from: after,
    }));
    if (!answer) return;
    if ('found' in answer && answer.found && !answer.wrapped) select(answer.number, answer.position);
    else get().notify('info', 'error' in answer ? answer.error : none);
  }

  return {
    moveTo,
    goToFirstAfter,
    find,
    cancelFind: (): Promise<void> => api.request('frames:find-cancel', undefined).catch(() => undefined),
    mark,
    timeReference,
    setTimeDisplay,
  };
}
