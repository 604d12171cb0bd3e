// Builds the dedicated capture helper (src/main/capture/capture-helper.ts) into
// dist/capture-helper/: `msnp-capture` (msnp-capture.exe on Windows), a Node single executable
// application made from the Node running this script, and binding/cap, that Node's build of the
// libpcap binding (the app's own copy may be rebuilt for Electron; not in a node_modules folder,
// which packagers treat as dependencies). This is the only file an
// administrator gives capture privileges to. A helper built from the same inputs is left as it
// is, so `npm start` does not drop the capability given with setcap. Run by `npm run build` with
// --optional (a Node without single-executable support then costs the helper, not the build:
// capture works as root without it), and without it by `npm run dist` (no package without the
// helper); a fresh build takes some seconds (postject rewrites a copy of the Node binary).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const OUT = 'dist/capture-helper';
const EXE = join(OUT, process.platform === 'win32' ? 'msnp-capture.exe' : 'msnp-capture');
const STAMP = join(OUT, 'inputs.sha256');
/** The sentinel Node's binary carries for single executable applications. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const require = createRequire(import.meta.url);
const capDir = dirname(require.resolve('cap/package.json'));
const capNative = join(capDir, 'build', 'Release', 'cap.node');

async function buildHelper(work) {
  // A single executable runs one CommonJS script with only Node's own modules: bundle everything
  // (`cap` is loaded from disk at run time, see cap-binding.ts).
  const script = join(work, 'capture-helper.cjs');
  await build({
    entryPoints: ['src/main/capture/capture-helper.ts'],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['cap'],
    logLevel: 'warning',
    logOverride: { 'empty-import-meta': 'silent' },
  });
  const stamp = createHash('sha256').update(readFileSync(script)).update(process.version).update(readFileSync(capNative)).digest('hex');
  if (existsSync(EXE) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) {
    process.stderr.write(`build-capture-helper: ${EXE} is up to date (kept, with any capability it was given)\n`);
    return;
  }

  const blob = join(work, 'capture-helper.blob');
  const config = join(work, 'sea-config.json');
  writeFileSync(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }));
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'pipe' });

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  copyFileSync(process.execPath, EXE);
  chmodSync(EXE, 0o755);
  if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', EXE]);
  const postject = join(dirname(require.resolve('postject/package.json')), 'dist', 'cli.js');
  const macho = process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [];
  execFileSync(process.execPath, [postject, EXE, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE, ...macho], { stdio: 'pipe' });
  if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', EXE]);

  // The binding for this Node, beside the helper: what it needs at run time and nothing else.
  const capOut = join(OUT, 'binding', 'cap');
  mkdirSync(join(capOut, 'build', 'Release'), { recursive: true });
  copyFileSync(join(capDir, 'package.json'), join(capOut, 'package.json'));
  cpSync(join(capDir, 'lib'), join(capOut, 'lib'), { recursive: true });
  copyFileSync(capNative, join(capOut, 'build', 'Release', 'cap.node'));
  writeFileSync(STAMP, stamp);
}

const work = mkdtempSync(join(tmpdir(), 'msnp-capture-helper-'));
try {
  await buildHelper(work);
} catch (error) {
  if (!process.argv.includes('--optional')) throw error;
  rmSync(OUT, { recursive: true, force: true });
  process.stderr.write(`build-capture-helper: the capture helper was not built (${error instanceof Error ? error.message.split('\n')[0] : error}); live capture works as root only\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
