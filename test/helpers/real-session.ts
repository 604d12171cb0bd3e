// The worker's AnalysisSession with the real engine and capture readers and no event sink: what
// a test needs to ask the back end (rows, filters, statistics) about a capture file.
import { AnalysisSession } from '../../src/main/backend/analysis-session';
import { Analyzer } from '../../src/main/engine/analyzer';
import { mergeCaptureBatches } from '../../src/main/engine/capture/merge-captures';

export function realAnalysisSession(): AnalysisSession {
  return new AnalysisSession({
    createAnalyzer: (options, listener) => new Analyzer(options, listener),
    readCaptures: (paths, options) => mergeCaptureBatches(paths, options),
    emit: () => undefined,
  });
}
