// A live-capture controller for back-end and server tests that records what it was asked to
// start and stops when asked; no capture process, no packets.
import type { CaptureSink, LiveCaptureController, LiveCaptureRequest } from '../../src/main/capture/live-capture';

/** A controller that only records what it was asked to start. */
export class RecordingCapture implements LiveCaptureController {
  started: LiveCaptureRequest[] = [];
  sink: CaptureSink | null = null;
  stops = 0;
  listInterfaces = async () => [];
  checkFilter = async () => null;
  save = async () => 0;
  async start(req: LiveCaptureRequest, sink: CaptureSink) {
    this.started.push(req);
    this.sink = sink;
  }
  async stop() {
    this.stops++;
    this.sink?.stopped();
  }
}
