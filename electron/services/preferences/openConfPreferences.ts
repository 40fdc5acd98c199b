import Conf from 'conf';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/model/preferences';

export const PREFERENCES_FILE_NAME = 'preferences';

/**
 * Opens the preferences file with plain `conf` (the host and the CLI; the app uses
 * electron-store on the same file). A settings file that cannot be parsed is renamed aside
 * with a warning rather than stopping the program.
 */
export function openConfPreferences(configFolder: string, warn: (message: string) => void): Conf<Preferences> {
  const options = { cwd: configFolder, configName: PREFERENCES_FILE_NAME, projectName: 'hallnotes', defaults: DEFAULT_PREFERENCES };
  try {
    return new Conf<Preferences>(options);
  } catch (error) {
    const file = join(configFolder, `${PREFERENCES_FILE_NAME}.json`);
    if (!existsSync(file)) throw error;
    const aside = `${file}.damaged-${Date.now()}`;
    renameSync(file, aside);
    warn(`The preferences file could not be read (${(error as Error).message}); it was moved to ${aside} and defaults are used.`);
    return new Conf<Preferences>(options);
  }
}
