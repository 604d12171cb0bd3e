// Electron's answer to "where does the back end write?": the main process's own save and folder
// dialogs, parented to the window. The renderer only says "save" or "export"; a compromised page
// cannot name a path, because no request carries one (see AskWhere).

import { app, dialog, type BrowserWindow } from 'electron';
import { extname } from 'node:path';
import type { AskWhere } from '../backend/ask-where';
import { outputPath } from '../backend/output-path';

export function askWhereWithDialogs(win: BrowserWindow): AskWhere {
  return {
    async saveFile(label, suffix) {
      const format = extname(suffix).slice(1);
      const picked = await dialog.showSaveDialog(win, {
        defaultPath: outputPath(app.getPath('documents'), label, suffix),
        // A recovered file may have no extension: then no filter.
        filters: format ? [{ name: format.toUpperCase(), extensions: [format] }] : [],
      });
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    },
    async ringDirectory() {
      const picked = await dialog.showOpenDialog(win, { title: 'Folder for the ring of capture files', properties: ['openDirectory', 'createDirectory'] });
      return picked.canceled || picked.filePaths.length === 0 ? null : picked.filePaths[0];
    },
  };
}
