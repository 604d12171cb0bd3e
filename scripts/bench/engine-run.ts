// One engine run over a capture, as the CLI does it (no per-frame rows), printing figures.
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';

const path = process.argv[2];
const { result } = await analyzeCaptureFiles([path]);
const commands = Object.values(result.commandCounts).reduce((a, b) => a + b, 0);
const messages = result.sessions.reduce((n, s) => n + s.messages.length, 0);
process.stdout.write(`frames=${result.frames} commands=${commands} connections=${result.connections.length} messages=${messages} maxRssKb=${process.resourceUsage().maxRSS}\n`);
