// Child-process side of analyze-in-child.ts: runs the whole engine over the capture named on the
// command line and prints the result as JSON on stdout.
import { analyzeCaptureFiles } from '../../src/main/engine/analyze-files';

async function main(): Promise<void> {
  const { result } = await analyzeCaptureFiles(process.argv.slice(2));
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
