import { app, BrowserWindow, Menu, session } from 'electron';
import ElectronStore from 'electron-store';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/model/preferences';
import { createServices } from '../services/createServices';
import { createChannelHandlers } from '../services/ipc/channelHandlers';
import { FlushRequests } from '../services/ipc/flushRequests';
import { sendPush } from '../services/ipc/pushEvents';
import { PREFERENCES_FILE_NAME } from '../services/preferences/openConfPreferences';
import { resolveLibraryPath } from '../services/preferences/defaultLocations';
import { openSecretStore } from '../services/secrets/openSecretStore';
import { startSyncScheduler } from '../services/sync/syncScheduler';
import { safeStorageCipher } from './safeStorageCipher';
import { registerAppScheme, serveRendererBuild } from './appProtocol';
import { buildApplicationMenu } from './applicationMenu';
import { chooseBundlePath, chooseExportPath } from './exportDialog';
import { createMainWindow } from './mainWindow';
import { registerIpc } from './registerIpc';
import { hardenSession, hardenWebContents } from './security';

// Wiring only: behaviour lives in electron/services. The bundle is build/electron/main.mjs.
const buildFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const appFolder = join(buildFolder, '..');

// Tests and power users can keep settings elsewhere, as with the CLI and the host.
if (process.env.HALLNOTES_CONFIG_DIR) app.setPath('userData', process.env.HALLNOTES_CONFIG_DIR);

registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(start);
}

function start(): void {
  const preferences = new ElectronStore<Preferences>({ name: PREFERENCES_FILE_NAME, defaults: DEFAULT_PREFERENCES, clearInvalidConfig: true });
  // A worker thread in the main process (Electron runs worker_threads there, from the asar too), so saves are never held up by an import.
  const importWorker = pathToFileURL(join(buildFolder, 'workers', 'programmeParserWorker.mjs'));
  const userData = app.getPath('userData');
  const services = createServices({
    libraryPath: resolveLibraryPath(undefined),
    preferences,
    importWorker,
    publishing: { configFolder: userData },
    // Destinations' passwords and events' tokens, sealed by the system keychain.
    secrets: openSecretStore(userData, safeStorageCipher),
  });
  // The window hears when a publish changes state, so its status line follows without asking.
  services.publish.onOutboxChange((jobs) => BrowserWindow.getAllWindows().forEach((window) => sendPush(window.webContents, 'publish:outbox-changed', { jobs })));
  services.publish.startOutbox();
  const backgroundSync = startSyncScheduler(services.sync, services.onLibraryChange);
  app.on('will-quit', () => backgroundSync.stop());
  const flushRequests = new FlushRequests();

  hardenSession(session.defaultSession);
  serveRendererBuild(join(buildFolder, 'renderer'), (eventId, fileName) => services.assets.read(eventId, fileName));
  registerIpc(createChannelHandlers(services, { onFlushComplete: (requestId) => flushRequests.complete(requestId), chooseExportPath, chooseBundlePath }));
  Menu.setApplicationMenu(buildApplicationMenu());

  const openWindow = () =>
    createMainWindow({
      preloadPath: join(buildFolder, 'electron', 'preload.cjs'),
      iconPath: join(appFolder, 'assets', 'icon.png'),
      flushRequests,
      drainWrites: () => services.writes.drain(),
    });
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
