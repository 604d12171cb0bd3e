// Bundles the Node side (CLI, analysis worker, browser-mode server, capture process, Electron
// shell) with esbuild. Dependencies stay external: `cap` is native and Electron supplies its own.
import { build } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    outdir: 'dist/main',
    entryPoints: Object.fromEntries(Object.entries({
      cli: 'src/main/cli/cli.ts',
      'analysis-worker': 'src/main/backend/analysis-worker.ts',
      'capture-process': 'src/main/capture/capture-process.ts',
      'electron-main': 'src/main/electron/electron-main.ts',
    }).filter(([, path]) => existsSync(path))),
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  existsSync('src/main/electron/preload.ts') &&
    build({ ...common, format: 'cjs', outfile: 'dist/main/preload.cjs', entryPoints: ['src/main/electron/preload.ts'], external: ['electron'] }),
]);
chmodSync('dist/main/cli.js', 0o755);
