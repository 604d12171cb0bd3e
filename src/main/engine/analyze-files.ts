// Analyse capture files end to end: read (merged in time order when several), feed the pipeline,
// return the result. Used by the CLI, the benchmark and the golden tests.

import type { AnalysisResult } from '../../shared/model';
import { Analyzer, type AnalyzerListener, type AnalyzerOptions } from './analyzer';
import { mergeCaptureBatches } from './capture/merge-captures';

export interface AnalyzeFilesOptions extends AnalyzerOptions {
  onProgress?(bytesRead: number, bytesTotal: number, frames: number): void;
  /** Stop early (what was read stays analysed). */
  signal?: AbortSignal;
}

export async function analyzeCaptureFiles(
  paths: string[],
  options: AnalyzeFilesOptions = {},
  listener: AnalyzerListener = {},
): Promise<{ result: AnalysisResult; analyzer: Analyzer }> {
  const analyzer = new Analyzer(options, listener);
  let frames = 0;
  // The analyzer copies what it keeps of a frame, so the read buffers can be reused.
  const merged = mergeCaptureBatches(paths, { reuseBuffers: true, onProgress: (done, total) => options.onProgress?.(done, total, frames) });
  let step = await merged.next();
  while (!step.done) {
    for (const frame of step.value) analyzer.addFrame(frame);
    frames += step.value.length;
    if (options.signal) {
      // Reads are synchronous (capture-reader.ts): give whoever aborts a turn of the event loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.signal.aborted) break;
    }
    step = await merged.next();
  }
  // Stopped early: close the readers (their file handles) before finishing.
  if (!step.done) await merged.return(undefined as never);
  analyzer.setCaptures(step.done ? step.value : []);
  return { result: analyzer.finish(), analyzer };
}
