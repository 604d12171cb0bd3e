// A stand-in for Electron's utilityProcess.fork (for vi.mock('electron')): runs the script through
// utility-shim.ts in a Node child and exposes it as Electron's UtilityProcess does (postMessage,
// 'message', 'exit' with a code, pid, stderr, kill).
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export function fakeUtilityFork(script: string): EventEmitter {
  const child = fork(join(import.meta.dirname, 'utility-shim.ts'), [script], {
    execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced',
  });
  const utility = Object.assign(new EventEmitter(), {
    get pid() { return child.pid; },
    stderr: child.stderr,
    postMessage: (message: unknown) => void child.send(message as object),
    kill: () => child.kill(),
  });
  child.on('message', (message) => utility.emit('message', message));
  child.on('exit', (code) => utility.emit('exit', code ?? -1));
  return utility;
}
