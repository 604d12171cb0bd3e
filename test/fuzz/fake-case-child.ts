// A stand-in for case-child.ts in the runner's tests: what the input file says is what it does
// (answer ok, refuse, throw, spin, fill the heap, fill memory outside the heap, exit), so every
// outcome the runner classifies can be produced on purpose.
import { readFileSync } from 'node:fs';

const held: unknown[] = [];

process.on('message', ({ id, path }: { id: number; path: string }) => {
  const what = readFileSync(path, 'utf8');
  const send = (kind: string, detail = '') => process.send?.({ id, kind, detail });
  switch (what) {
    case 'ok':
      return send('ok');
    case 'refuse':
      return send('clean-error', 'not a pcap or pcapng file');
    case 'throw':
      return send('crash', 'TypeError: boom');
    case 'spin':
      for (;;);
    case 'heap':
      for (;;) held.push(new Array(1_000_000).fill(held.length));
    case 'rss':
      for (;;) held.push(Buffer.alloc(16 << 20, 1));
    default:
      process.exit(3);
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
