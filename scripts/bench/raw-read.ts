// Baseline: read the file in 1 MiB chunks and touch every chunk, nothing else.
import { createReadStream } from 'node:fs';

let bytes = 0;
let x = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  bytes += (chunk as Buffer).length;
  x ^= (chunk as Buffer)[0];
}
process.stdout.write(`bytes=${bytes} x=${x} maxRssKb=${process.resourceUsage().maxRSS}\n`);
