// The lint rules that keep each runtime in its lane, checked on snippets linted as if they lived
// at a given path (ESLint's lintText with a virtual file path).
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message);
}

describe('import lanes', () => {
  it.each([
    ['src/main/backend/x.ts', "import { app } from 'electron'; export const a = app;", "Only src/main/electron/ may import 'electron'."],
    ['src/main/engine/x.ts', "import { ipcMain } from 'electron'; export const a = ipcMain;", "Only src/main/electron/ may import 'electron'."],
    ['src/main/electron/app-menu.ts', "import { ipcMain } from 'electron'; export const a = ipcMain;", 'Only src/main/electron/ipc-main.ts may use ipcMain.'],
    ['src/main/electron/electron-main.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;", 'Only src/main/electron/preload.ts may use ipcRenderer.'],
    ['src/main/electron/preload.ts', "import { ipcMain } from 'electron'; export const a = ipcMain;", 'Only src/main/electron/ipc-main.ts may use ipcMain.'],
    ['src/main/electron/ipc-main.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;", 'Only src/main/electron/preload.ts may use ipcRenderer.'],
    ['src/renderer/app/x.ts', "import { readFile } from 'node:fs'; export const a = readFile;", 'No Node built-ins in the renderer or shared code.'],
    ['src/shared/x.ts', "import { join } from 'path'; export const a = join;", 'No Node built-ins in the renderer or shared code.'],
    ['src/renderer/app/x.ts', "import { app } from 'electron'; export const a = app;", "Only src/main/electron/ may import 'electron'."],
    ['src/shared/x.ts', 'export const a = Buffer.from([]);', "Unexpected use of 'Buffer'."],
    ['src/main/server/x.ts', "import { useState } from 'react'; export const a = useState;", 'React belongs to src/renderer/.'],
  ])('%s: %s', async (path, code, message) => {
    const messages = await restricted(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  it.each([
    ['src/main/electron/ipc-main.ts', "import { ipcMain } from 'electron'; export const a = ipcMain;"],
    ['src/main/electron/preload.ts', "import { ipcRenderer, contextBridge } from 'electron'; export const a = [ipcRenderer, contextBridge];"],
    ['src/main/electron/electron-main.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/backend/x.ts', "import { readFile } from 'node:fs'; export const a = readFile;"],
    ['src/renderer/app/x.tsx', "import { useState } from 'react'; export const a = useState;"],
  ])('%s may: %s', async (path, code) => {
    expect(await restricted(path, code)).toEqual([]);
  });
});
