// Where the back end keeps its small state (recent files) when not running inside Electron
// (which passes its userData directory instead): the platform's per-user config directory.

import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'msnp-analyzer';

export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DIR_NAME);
}
