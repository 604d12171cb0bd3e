// The status bar's words for an analysis that stopped responding (src/shared/watchdog-text.ts).
import { describe, expect, it } from 'vitest';
import { stalledText, stoppedText } from '../../src/shared/watchdog-text';

describe('watchdog texts', () => {
  it('name the stuck frame, or say the analysis is stuck outside any frame', () => {
    expect(stalledText({ frame: 1234, seconds: 5 })).toBe('Frame 1234 has taken more than 5 s to analyse');
    expect(stalledText({ frame: null, seconds: 0.25 })).toBe('The analysis has not responded for more than 0.3 s');
    expect(stalledText({ frame: 7, seconds: Number.NaN })).toBe('Frame 7 has taken more than ? s to analyse');
    expect(stoppedText({ frame: 1234, lastFrame: 1233 })).toBe('Analysis stopped at frame 1234: it stopped responding');
    expect(stoppedText({ frame: null, lastFrame: 293 })).toBe('Analysis stopped after frame 293: it stopped responding');
  });
});
