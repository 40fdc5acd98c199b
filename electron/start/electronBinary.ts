import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { available: true; executablePath: string } | { available: false; reason: string };

/**
 * Finds the Electron binary the `electron` package downloaded (for `npm start` and the Electron
 * e2e suite), without calling the package's own lookup (which tries to download it on first use
 * and fails offline with a stack trace).
 */
export function findElectronBinary(): ElectronBinary {
  if (process.env.HALLNOTES_ELECTRON_PATH) {
    const executablePath = process.env.HALLNOTES_ELECTRON_PATH;
    return existsSync(executablePath) ? { available: true, executablePath } : { available: false, reason: `HALLNOTES_ELECTRON_PATH points to ${executablePath}, which does not exist.` };
  }
  const packageFolder = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) {
    return { available: false, reason: 'No Electron binary is installed (node_modules/electron/path.txt is missing; its download is skipped or impossible on this machine).' };
  }
  const executablePath = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executablePath)) return { available: false, reason: `The Electron binary ${executablePath} is missing.` };
  return { available: true, executablePath };
}
