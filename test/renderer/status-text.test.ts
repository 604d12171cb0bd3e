// Status bar texts: load percent, live counters, command totals.
import { describe, expect, it } from 'vitest';
import { commandTotal, liveText, loadPercent } from '../../src/renderer/features/status-bar/status-text';

describe('status texts', () => {
  const progress = { source: 'live' as const, label: 'lo', bytesDone: 50, bytesTotal: 200, frames: 1234, framesPerSecond: 99.6, done: false, captured: 1300, dropped: 2, elapsedSeconds: 3725 };
  it('percent, live counters and command totals', () => {
    expect(loadPercent(progress)).toBe(25);
    expect(loadPercent({ ...progress, bytesTotal: 0 })).toBeNull();
    expect(liveText(progress)).toBe('captured: 1,300 · dropped: 2 · elapsed: 01:02:05 · 100 frames/s');
    expect(liveText({ ...progress, dropped: 0 })).toContain('dropped: 0 ·');
    expect(commandTotal({ MSG: 3, USR: 2 })).toBe(5);
  });

  it('says "dropped: unknown" when libpcap gave no statistics', () => {
    const { dropped: _, ...withoutStats } = progress;
    expect(liveText(withoutStats)).toBe('captured: 1,300 · dropped: unknown · elapsed: 01:02:05 · 100 frames/s');
  });
});
