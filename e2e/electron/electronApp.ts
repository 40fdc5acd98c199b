import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../electron/start/electronBinary';

export const electronBinary = findElectronBinary();

/** A temporary library and settings folder, and a way to launch the real app on them. */
export async function createElectronWorkspace() {
  const root = await mkdtemp(join(tmpdir(), 'hallnotes-electron-'));
  const libraryPath = join(root, 'library');
  const configPath = join(root, 'config');

  async function launch(): Promise<{ app: ElectronApplication; window: Page }> {
    if (!electronBinary.available) throw new Error(electronBinary.reason);
    const app = await electron.launch({
      executablePath: electronBinary.executablePath,
      args: ['.'],
      env: { ...process.env, HALLNOTES_LIBRARY: libraryPath, HALLNOTES_CONFIG_DIR: configPath },
    });
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    return { app, window };
  }

  return { libraryPath, launch, cleanup: () => rm(root, { recursive: true, force: true }) };
}
