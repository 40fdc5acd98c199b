import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Hallnotes';

/**
 * The folder Electron's `app.getPath('userData')` gives Hallnotes, computed without Electron
 * so the CLI and the host find the same settings as the app.
 */
export function defaultConfigFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** The library all three fronts use unless told otherwise: `--library`, then HALLNOTES_LIBRARY, then ~/Documents/Hallnotes. */
export function resolveLibraryPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.HALLNOTES_LIBRARY ?? join(homedir(), 'Documents', PRODUCT_NAME);
}
