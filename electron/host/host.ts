import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services/createServices';
import { createChannelHandlers } from '../services/ipc/channelHandlers';
import { FlushRequests } from '../services/ipc/flushRequests';
import { sendPush } from '../services/ipc/pushEvents';
import { openConfPreferences } from '../services/preferences/openConfPreferences';
import { openSecretStore } from '../services/secrets/openSecretStore';
import { startSyncScheduler } from '../services/sync/syncScheduler';
import { HOST_USAGE, parseHostArguments, type HostOptions } from './hostArguments';
import { startHostServer } from './hostServer';

// The bundle lives in build/host/, the renderer build in build/renderer/.
const defaultRendererFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

let options: HostOptions;
try {
  options = parseHostArguments(process.argv.slice(2), defaultRendererFolder);
} catch (error) {
  console.error(`hallnotes host: ${(error as Error).message}\n\n${HOST_USAGE}`);
  process.exit(2);
}

const services = createServices({
  libraryPath: options.libraryPath,
  preferences: openConfPreferences(options.configFolder, (message) => console.warn(`hallnotes host: ${message}`)),
  // The bundle is build/host/host.mjs; the worker is build/workers/.
  importWorker: new URL('../workers/programmeParserWorker.mjs', import.meta.url),
  publishing: { configFolder: options.configFolder },
  // Destinations' passwords and events' tokens in a 0600 file in the settings folder (there is no keychain without Electron).
  secrets: openSecretStore(options.configFolder),
});
const flushRequests = new FlushRequests();
const backgroundSync = startSyncScheduler(services.sync, services.onLibraryChange);
const host = await startHostServer({
  handlers: createChannelHandlers(services, { onFlushComplete: (requestId) => flushRequests.complete(requestId) }),
  rendererFolder: options.rendererFolder,
  port: options.port,
  readAsset: (eventId, fileName) => services.assets.read(eventId, fileName),
});

// Every open page hears when a publish changes state, so its status line follows without asking.
services.publish.onOutboxChange((jobs) => host.openPages().forEach((page) => sendPush(page, 'publish:outbox-changed', { jobs })));
services.publish.startOutbox();

console.log(`Hallnotes is running for the library ${options.libraryPath}`);
console.log(`Open ${host.url}`);

let stopping = false;
async function shutDown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  services.publish.stopOutbox();
  backgroundSync.stop();
  // As the app does before quitting: open pages hand over what they have not saved yet.
  const pages = host.openPages();
  if (pages.length > 0) {
    console.log(`Saving what ${pages.length === 1 ? '1 open page holds' : `${pages.length} open pages hold`} before stopping…`);
    await Promise.all(pages.map((page) => flushRequests.request(page)));
  }
  await host.close();
  await services.writes.drain();
  process.exit(0);
}
process.on('SIGINT', () => void shutDown());
process.on('SIGTERM', () => void shutDown());
