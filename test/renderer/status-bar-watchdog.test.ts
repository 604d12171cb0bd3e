// The status bar's part for a stuck analysis (with Stop) and a stopped one. Server-side
// rendering, no DOM needed.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../../src/shared/ipc-contract';
import { WatchdogStatus } from '../../src/renderer/features/status-bar/WatchdogStatus';

const loading: LoadProgress = { source: 'file', label: 'big.pcap', bytesDone: 500, bytesTotal: 1000, frames: 229, framesPerSecond: 0, done: false };
const render = (progress: LoadProgress | null) => renderToStaticMarkup(createElement(WatchdogStatus, { progress, onStop: () => undefined }));

describe('WatchdogStatus', () => {
  it('says which frame is stuck and offers Stop', () => {
    expect(render({ ...loading, stalled: { frame: 230, seconds: 5 } })).toMatch(
      /^<span [^>]*data-testid="analysis-stalled">Frame 230 has taken more than 5 s to analyse <button type="button"[^>]*>Stop<\/button><\/span>$/,
    );
  });

  it('says where the analysis was stopped once done, and nothing for a load that is fine', () => {
    expect(render({ ...loading, done: true, stopped: { frame: 230, lastFrame: 229 } })).toContain(
      '>Analysis stopped at frame 230: it stopped responding (what was read before is kept)<',
    );
    // A stall the final progress overtook is not shown any more.
    expect(render({ ...loading, done: true, stalled: { frame: 230, seconds: 5 } })).toBe('');
    expect(render(loading)).toBe('');
    expect(render(null)).toBe('');
  });
});
