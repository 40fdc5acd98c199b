import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { defaultConfigFolder, resolveLibraryPath } from '../services/preferences/defaultLocations';

export type HostOptions = { libraryPath: string; configFolder: string; rendererFolder: string; port: number };

export const HOST_USAGE = `Usage: npm run host -- [--library DIR] [--config DIR] [--port N]

Serves Hallnotes to a browser on this machine only (127.0.0.1).
  --library DIR  the library folder (default: $HALLNOTES_LIBRARY, else ~/Documents/Hallnotes)
  --config DIR   where preferences are kept (default: the app's settings folder)
  --port N       the port to listen on (default: any free port)`;

/** Parses the host's command line; throws with a one-line message on a usage error. */
export function parseHostArguments(argv: string[], defaultRendererFolder: string): HostOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      library: { type: 'string' },
      config: { type: 'string' },
      port: { type: 'string' },
      renderer: { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  return {
    libraryPath: resolve(resolveLibraryPath(values.library)),
    configFolder: resolve(values.config ?? defaultConfigFolder()),
    rendererFolder: resolve(values.renderer ?? defaultRendererFolder),
    port,
  };
}
