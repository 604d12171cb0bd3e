// The words for an analysis that stopped responding, the same in the status bar and in the back
// end's error event.

import type { LoadProgress } from './ipc-contract';

const seconds = (s: number): string => `${Number.isFinite(s) ? Math.round(s * 10) / 10 : '?'} s`;

/** "Frame 250 has taken more than 5 s to analyse". */
export function stalledText(stalled: NonNullable<LoadProgress['stalled']>): string {
  return stalled.frame === null
    ? `The analysis has not responded for more than ${seconds(stalled.seconds)}`
    : `Frame ${stalled.frame} has taken more than ${seconds(stalled.seconds)} to analyse`;
}

/** "Analysis stopped at frame 250: it stopped responding". */
export function stoppedText(stopped: NonNullable<LoadProgress['stopped']>): string {
  return stopped.frame === null
    ? `Analysis stopped after frame ${stopped.lastFrame}: it stopped responding`
    : `Analysis stopped at frame ${stopped.frame}: it stopped responding`;
}
