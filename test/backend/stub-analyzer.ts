// A stand-in for the engine's Analyzer, injected into AnalysisSession in tests that are about the
// session's plumbing (rows, snapshots, detail, filter, cancel), not about MSNP analysis.
// Every third TCP stream (by frame number) is called an MSNP connection.
import type { FrameFields } from '../../src/shared/display-filter/frame-fields';
import type { AnalysisResult, CaptureInfo, FrameDetail, FrameRow } from '../../src/shared/model';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import type { AnalyzerFactory, SessionAnalyzer } from '../../src/main/backend/analysis-session';

export function emptyResult(frames: number, captures: CaptureInfo[] = []): AnalysisResult {
  return { captures, frames, commandCounts: {}, connections: [], sessions: [], contacts: [], presence: [], endpoints: [], files: [], expert: [] };
}

export class StubAnalyzer implements SessionAnalyzer {
  frames = 0;
  captures: CaptureInfo[] = [];
  finished = false;

  constructor(private readonly listener: { frameRow(row: FrameRow): void; frameFields(f: FrameFields): void }) {}

  addFrame(frame: CapturedFrame): void {
    this.frames++;
    const stream = frame.number % 3;
    const row: FrameRow = {
      number: frame.number, timeUs: frame.tsUs, source: 'a', destination: 'b', protocol: 'TCP',
      length: frame.originalLength, info: `len ${frame.data.length}`, kind: 'tcp', stream,
    };
    if (stream === 0) row.connection = 1;
    this.listener.frameRow(row);
    this.listener.frameFields({ number: frame.number, tcpStream: stream, tcpSrcPort: frame.data.length });
  }

  setCaptures(infos: CaptureInfo[]): void {
    this.captures = infos;
  }

  snapshot(): AnalysisResult {
    return emptyResult(this.frames, this.captures);
  }

  finish(): AnalysisResult {
    this.finished = true;
    return emptyResult(this.frames, this.captures);
  }

  describeFrame(frame: CapturedFrame): FrameDetail {
    return { number: frame.number, tree: [{ label: `Frame ${frame.number}: ${frame.data.length} bytes, link type ${frame.linkType}` }], bytes: frame.data };
  }
}

export function stubFactory(created: StubAnalyzer[] = []): AnalyzerFactory {
  return (_options, listener) => {
    const a = new StubAnalyzer(listener);
    created.push(a);
    return a;
  };
}
