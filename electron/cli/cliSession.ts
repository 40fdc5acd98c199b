import { resolve } from 'node:path';
import { createServices, type Services } from '../services/createServices';
import { defaultConfigFolder, resolveLibraryPath } from '../services/preferences/defaultLocations';
import { openConfPreferences } from '../services/preferences/openConfPreferences';
import { openSecretStore } from '../services/secrets/openSecretStore';
import { UsageError } from './cliArguments';

/** Where the CLI reads and writes; the entry passes the process's, tests pass their own. */
export type CliIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Read by `note set --from -`. */
  stdin?: AsyncIterable<string | Uint8Array>;
  /** The bundled programme-parser worker; without it `import` parses on this thread. */
  importWorker?: URL;
};

/** One run of the CLI: its I/O, and the library once a command opens it. */
export class CliSession {
  libraryPath: string | null = null;
  /** Set by a command that ended without an error but not with success either (a publish left queued). */
  exitCode: number | null = null;

  constructor(readonly io: CliIo) {}

  /** Opens the services on `--library DIR`, else HALLNOTES_LIBRARY, else ~/Documents/Hallnotes. */
  open(libraryOption: string | undefined): Services {
    if (libraryOption === '') throw new UsageError('--library needs a folder');
    const env = this.io.env;
    const libraryPath = resolve(this.io.cwd, resolveLibraryPath(libraryOption, { HALLNOTES_LIBRARY: env.HALLNOTES_LIBRARY || undefined }));
    const configFolder = resolve(this.io.cwd, env.HALLNOTES_CONFIG_DIR || defaultConfigFolder(process.platform, env));
    const preferences = openConfPreferences(configFolder, (message) => this.warn(message));
    this.libraryPath = libraryPath;
    return createServices({
      libraryPath,
      preferences,
      importWorker: this.io.importWorker,
      publishing: { configFolder },
      secrets: openSecretStore(configFolder),
    });
  }

  print(text: string): void {
    this.io.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  }

  printJson(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  warn(message: string): void {
    this.io.stderr.write(`hallnotes: ${message}\n`);
  }
}
