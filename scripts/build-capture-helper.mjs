// Builds the dedicated capture helper (src/main/capture/capture-helper.ts) into
// dist/capture-helper/: `msnp-capture` (msnp-capture.exe on Windows), a Node single executable
// application made from the Node running this script, and node_modules/cap, that Node's build of
// the libpcap binding (the app's own copy may be rebuilt for Electron). This is the only file an
// administrator gives capture privileges to. Run by `npm run build`; takes some seconds
// (postject rewrites a copy of the Node binary).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const OUT = 'dist/capture-helper';
const EXE = join(OUT, process.platform === 'win32' ? 'msnp-capture.exe' : 'msnp-capture');
const SCRIPT = join(OUT, 'capture-helper.cjs');
const BLOB = join(OUT, 'capture-helper.blob');
/** The sentinel Node's binary carries for single executable applications. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

// A single executable runs one CommonJS script with only Node's own modules: bundle everything
// (`cap` is loaded from disk at run time, see cap-binding.ts).
await build({
  entryPoints: ['src/main/capture/capture-helper.ts'],
  outfile: SCRIPT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['cap'],
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
});

const configPath = join(OUT, 'sea-config.json');
writeFileSync(configPath, JSON.stringify({ main: SCRIPT, output: BLOB, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }));
execFileSync(process.execPath, ['--experimental-sea-config', configPath], { stdio: 'pipe' });

copyFileSync(process.execPath, EXE);
chmodSync(EXE, 0o755);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', EXE]);
const require = createRequire(import.meta.url);
const postject = join(dirname(require.resolve('postject/package.json')), 'dist', 'cli.js');
execFileSync(process.execPath, [postject, EXE, 'NODE_SEA_BLOB', BLOB, '--sentinel-fuse', SEA_FUSE, ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [])], {
  stdio: 'pipe',
});
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', EXE]);

// The binding for this Node, beside the helper: what it needs at run time and nothing else.
const capDir = dirname(require.resolve('cap/package.json'));
const capOut = join(OUT, 'node_modules', 'cap');
mkdirSync(join(capOut, 'build', 'Release'), { recursive: true });
copyFileSync(join(capDir, 'package.json'), join(capOut, 'package.json'));
cpSync(join(capDir, 'lib'), join(capOut, 'lib'), { recursive: true });
copyFileSync(join(capDir, 'build', 'Release', 'cap.node'), join(capOut, 'build', 'Release', 'cap.node'));
for (const f of [SCRIPT, BLOB, configPath]) rmSync(f);
