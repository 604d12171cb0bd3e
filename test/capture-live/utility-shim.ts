// Stands in for an Electron utility process in tests (Electron cannot run here): gives the script
// in argv[2] a process.parentPort carried over Node's IPC channel, as Electron's is — messages are
// queued until a 'message' handler is registered — and no process.send, then runs it.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const ipcSend = process.send!.bind(process);
const parentPort = Object.assign(new EventEmitter(), { postMessage: (message: unknown) => void ipcSend(message) });
const queued: unknown[] = [];
process.on('message', (data) => (parentPort.listenerCount('message') ? parentPort.emit('message', { data }) : queued.push(data)));
parentPort.on('newListener', (event: string) => {
  if (event === 'message') setImmediate(() => queued.splice(0).forEach((data) => parentPort.emit('message', { data })));
});
Object.assign(process, { parentPort, send: undefined });
await import(pathToFileURL(process.argv[2]).href);
