// The worker session's side of the watchdog, with the real capture reader and a stub analyzer:
// the progress board it keeps while loading, and the quiet replay that rebuilds a stopped
// worker's frames. The PPA capture has 50 frames in 6,635 bytes (its README; tshark agrees).
import { describe, expect, it } from 'vitest';
import { AnalysisSession } from '../../src/main/backend/analysis-session';
import type { WorkerEvent } from '../../src/main/backend/worker-protocol';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';
import { StubAnalyzer, stubFactory } from './stub-analyzer';

const PPA = 'test/fixtures/captures/ppa-2006-switchboard-chat.pcap';

function session() {
  const events: WorkerEvent[] = [];
  const analyzers: StubAnalyzer[] = [];
  const s = new AnalysisSession({ createAnalyzer: stubFactory(analyzers), readCaptures: mergeCaptureBatches, emit: (e) => events.push(e) });
  return { s, events, analyzers };
}

describe('AnalysisSession for the watchdog', () => {
  it('keeps the board: frames analysed, the last one, bytes read, no frame in progress', async () => {
    const { s } = session();
    await s.load([PPA], 'ppa.pcap', {});
    expect(s.board.read()).toEqual({ beats: 0, frame: null, lastDone: 50, bytes: 6635, finishing: false });
  });

  it('replays quietly up to the last frame analysed: no reset, no increments on the way, then the whole result once', async () => {
    const { s, events, analyzers } = session();
    await s.load([PPA], 'ppa.pcap', {}, { lastFrame: 20, finish: false });
    expect(s.rows(0, 100).number).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(events.map((e) => e.channel)).toEqual(['frames:count', 'analysis:result', 'analysis:progress']);
    expect(events[1].payload).toMatchObject({ final: true, delta: { frames: 20 } });
    // The flush that may have hung is not repeated: the result is a snapshot.
    expect(analyzers[0].finished).toBe(false);
  });

  it('repeats the final flush when the stopped worker had finished its load', async () => {
    const { s, analyzers } = session();
    await s.load([PPA], 'ppa.pcap', {}, { lastFrame: 50, finish: true });
    expect(s.rows(0, 100).number).toHaveLength(50);
    expect(analyzers[0].finished).toBe(true);
  });
});
