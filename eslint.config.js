// Lint (flat config): typescript-eslint's recommended rules without type information (fast), and
// the lanes each runtime's code must stay in, as GitHub Desktop and Signal enforce them:
// - 'electron' only in src/main/electron/; ipcMain only in ipc-main.ts, ipcRenderer only in preload.ts;
// - no Node built-ins (node:*, fs, path, Buffer, process…) in src/renderer/ and src/shared/;
// - no React in src/main/.
// Rule options do not merge across config objects, so each source file falls in exactly one lane.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const ELECTRON = { name: 'electron', message: "Only src/main/electron/ may import 'electron'." };
const REACT_PATTERNS = [{ group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'React belongs to src/renderer/.' }];
const IPC_MAIN = { name: 'electron', importNames: ['ipcMain'], message: 'Only src/main/electron/ipc-main.ts may use ipcMain.' };
const IPC_RENDERER = { name: 'electron', importNames: ['ipcRenderer'], message: 'Only src/main/electron/preload.ts may use ipcRenderer.' };

const restrict = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

const NODE_GLOBALS = { process: 'readonly', Buffer: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', performance: 'readonly', fetch: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'release/', 'test-results/', 'bench-data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    rules: {
      ...restrict(
        [ELECTRON, ...NODE_BUILTINS.map((name) => ({ name, message: 'No Node built-ins in the renderer or shared code.' }))],
        [{ group: ['node:*'], message: 'No Node built-ins in the renderer or shared code.' }],
      ),
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename'],
    },
  },
  {
    files: ['src/main/electron/ipc-main.ts'],
    rules: restrict([IPC_RENDERER], REACT_PATTERNS),
  },
  {
    files: ['src/main/electron/preload.ts'],
    rules: restrict([IPC_MAIN], REACT_PATTERNS),
  },
  {
    files: ['src/main/electron/**/*.ts'],
    ignores: ['src/main/electron/ipc-main.ts', 'src/main/electron/preload.ts'],
    rules: restrict([IPC_MAIN, IPC_RENDERER], REACT_PATTERNS),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: restrict([ELECTRON], REACT_PATTERNS),
  },
);
