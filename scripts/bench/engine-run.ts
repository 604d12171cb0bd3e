// One engine run over a capture, as the CLI does it (no per-frame rows), printing figures.
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';

const path = process.argv[2];
const start = process.hrtime.bigint();
const { result } = await analyzeCaptureFiles([path]);
const analysisSeconds = Number(process.hrtime.bigint() - start) / 1e9;
const commands = Object.values(result.commandCounts).reduce((a, b) => a + b, 0);
const messages = result.sessions.reduce((n, s) => n + s.messages.length, 0);
process.stdout.write(`frames=${result.frames} commands=${commands} connections=${result.connections.length} messages=${messages} analysisSeconds=${analysisSeconds.toFixed(3)} maxRssKb=${process.resourceUsage().maxRSS}\n`);
