// Electron's AskWhere asks the main process's own dialogs, parented to the window: a save of
// "chat.pcap" as MSNP frames suggests Documents/chat-msnp.pcapng with a pcapng filter and returns
// the chosen path; a closed dialog is null; a ring asks for a folder. (Electron itself is
// replaced by a recording stand-in: no Electron binary runs here.)
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: Array<{ kind: string; win: unknown; options: unknown }> = [];
const answers: unknown[] = [];
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'documents' ? '/home/ann/Documents' : '/nowhere') },
  dialog: {
    showSaveDialog: async (win: unknown, options: unknown) => (calls.push({ kind: 'save', win, options }), answers.shift()),
    showOpenDialog: async (win: unknown, options: unknown) => (calls.push({ kind: 'open', win, options }), answers.shift()),
  },
}));

const { askWhereWithDialogs } = await import('../../src/main/electron/ask-where-dialog');
const win = { id: 1 } as never;

beforeEach(() => {
  calls.length = 0;
  answers.length = 0;
});

describe('askWhereWithDialogs', () => {
  it('suggests a name from the capture and returns the path the user chose', async () => {
    answers.push({ canceled: false, filePath: '/home/ann/cases/chat-msnp.pcapng' });
    expect(await askWhereWithDialogs(win).saveFile('chat.pcap', '-msnp.pcapng')).toBe('/home/ann/cases/chat-msnp.pcapng');
    expect(calls).toEqual([{ kind: 'save', win, options: { defaultPath: '/home/ann/Documents/chat-msnp.pcapng', filters: [{ name: 'PCAPNG', extensions: ['pcapng'] }] } }]);
  });

  it('returns null when the dialog is closed', async () => {
    answers.push({ canceled: true, filePath: '' });
    expect(await askWhereWithDialogs(win).saveFile('chat.pcap', '-analysis.csv')).toBeNull();
  });

  it('asks for a folder for a ring', async () => {
    answers.push({ canceled: false, filePaths: ['/srv/rings'] }, { canceled: true, filePaths: [] });
    const ask = askWhereWithDialogs(win);
    expect(await ask.ringDirectory()).toBe('/srv/rings');
    expect(await ask.ringDirectory()).toBeNull();
    expect(calls.map((c) => (c.options as { properties: string[] }).properties)).toEqual([['openDirectory', 'createDirectory'], ['openDirectory', 'createDirectory']]);
  });
});
