// Where the back end writes, when the user must say so: Electron's main process asks with its
// native dialogs (src/main/electron/ask-where-dialog.ts). The renderer never names a path; without
// an AskWhere (browser mode, tests) saves and exports go to the back end's output directory and
// a ring of capture files to the directory given on the command line.

export interface AskWhere {
  /** A file for a save or an export of the capture `label` (e.g. suffix '-msnp.pcapng'), or null when the user cancelled. */
  saveFile(label: string, suffix: string): Promise<string | null>;
  /** A directory for a ring of capture files, or null when the user cancelled. */
  ringDirectory(): Promise<string | null>;
}

/** The error a save, export or ring capture answers when the user closed the dialog. */
export const CANCELLED = 'cancelled';
