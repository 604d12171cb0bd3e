// A stand-in for the engine's Analyzer, injected into AnalysisSession in tests that are about the
// session's plumbing (rows, snapshots, detail, filter, cancel), not about MSNP analysis.
// Frames are decoded for real (addresses, ports, TCP header), but the stub puts frame N in
// "tcp.stream" N % 3, and calls stream 0 an MSNP connection (id 1).
import type { AnalysisResult, CaptureInfo, FrameDetail } from '../../src/shared/model';
import type { CapturedFrame } from '../../src/main/engine/capture/captured-frame';
import { decodePacket } from '../../src/main/engine/decode/decode-packet';
import type { FrameOutcome } from '../../src/main/engine/frame-summary';
import type { AnalyzerFactory, SessionAnalyzer } from '../../src/main/backend/analysis-session';

export function emptyResult(frames: number, captures: CaptureInfo[] = []): AnalysisResult {
  return { captures, frames, commandCounts: {}, connections: [], sessions: [], contacts: [], presence: [], offlineMessages: [], endpoints: [], files: [], transfers: [], expert: [], expertGroups: [] };
}

export class StubAnalyzer implements SessionAnalyzer {
  frames = 0;
  captures: CaptureInfo[] = [];
  finished = false;

  constructor(private readonly listener: { frameAnalysed(frame: CapturedFrame, outcome: FrameOutcome): void }) {}

  addFrame(frame: CapturedFrame): void {
    this.frames++;
    const stream = frame.number % 3;
    this.listener.frameAnalysed(frame, {
      pkt: decodePacket(frame.linkType, frame.data), stream, commands: [], streamProtocol: null,
      connection: stream === 0 ? 1 : undefined, session: null,
    });
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

  redactBytes(data: Uint8Array): Uint8Array {
    return data;
  }

  fileBytes(): Uint8Array | null {
    return null;
  }
}

export function stubFactory(created: StubAnalyzer[] = []): AnalyzerFactory {
  return (_options, listener) => {
    const a = new StubAnalyzer(listener);
    created.push(a);
    return a;
  };
}
