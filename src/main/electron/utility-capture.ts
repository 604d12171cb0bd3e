// Runs the capture process as an Electron utility process when the dedicated capture helper is
// not installed: the app's binary has the RunAsNode fuse off (electron-builder.yml), so it can no
// longer be started again as Node with ELECTRON_RUN_AS_NODE. Adapts the UtilityProcess to what
// CaptureChild uses of a child process; the utility's side is parent-channel.ts.

import { utilityProcess, type UtilityProcess } from 'electron';
import { EventEmitter } from 'node:events';
import type { CaptureProcessHandle } from '../capture/capture-child';
import { CLOSE_MESSAGE } from '../capture/parent-channel';
import type { CaptureRequest } from '../capture/capture-protocol';

class UtilityCaptureProcess extends EventEmitter implements CaptureProcessHandle {
  connected = true;

  constructor(private readonly child: UtilityProcess) {
    super();
    child.on('message', (message) => this.emit('message', message));
    child.on('exit', (code) => {
      this.connected = false;
      this.emit('exit', code, null);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stderr(): NodeJS.ReadableStream | null {
    return this.child.stderr;
  }

  send(message: CaptureRequest, callback: (error: Error | null) => void): boolean {
    if (!this.connected) {
      callback(new Error('the capture process has exited'));
      return false;
    }
    this.child.postMessage(message);
    callback(null);
    return true;
  }

  /** A utility process has no IPC disconnect: ask it to exit as a disconnect would. */
  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.child.postMessage(CLOSE_MESSAGE);
  }

  kill(): boolean {
    return this.child.kill();
  }
}

/** CaptureChildOptions.forkUtility for the Electron shell. */
export function forkCaptureUtility(script: string): CaptureProcessHandle {
  return new UtilityCaptureProcess(utilityProcess.fork(script, [], { stdio: ['ignore', 'ignore', 'pipe'], serviceName: 'MSNP Analyzer capture' }));
}
