import { join } from 'node:path';
import { runNodeScript, type ProcessRun } from '../../tests/helpers/nodeProcess';

const CLI_BUNDLE = join(process.cwd(), 'build', 'cli', 'hallnotes.mjs');

/** Runs the built `hallnotes` CLI on a host's library and settings, as a second process would: `stdin` is what it reads from `-`. */
export function hallnotes(libraryPath: string, configPath: string, args: string[], stdin?: string): Promise<ProcessRun> {
  return runNodeScript(CLI_BUNDLE, args, { env: { HALLNOTES_LIBRARY: libraryPath, HALLNOTES_CONFIG_DIR: configPath }, stdin });
}
