// A process that spools one frame to a temporary live spool under argv[2], prints the spool
// file's path, then exits at once ('exit') or waits to be signalled ('wait').
import { CaptureSpool } from '../../src/main/capture/capture-spool';

const [parent, mode] = process.argv.slice(2);
const spool = new CaptureSpool({ linkType: 1, device: 'lo', tempDirectory: parent });
spool.append(1_700_000_000_000_000, new Uint8Array(60), 60);
spool.flush();
process.stdout.write(`${spool.spoolFiles[0].path}\n`);
if (mode === 'exit') process.exit(0);
setInterval(() => undefined, 60_000);
