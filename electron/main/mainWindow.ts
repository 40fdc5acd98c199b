import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './appProtocol';
import type { FlushRequests } from '../services/ipc/flushRequests';

/**
 * The one window. Closing it first asks the renderer to flush unsaved notes and waits for
 * the services' pending writes; a crashed renderer is reloaded (notes come back from disk).
 */
export function createMainWindow(options: { preloadPath: string; iconPath: string; flushRequests: FlushRequests; drainWrites: () => Promise<void> }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Hallnotes',
    icon: options.iconPath,
    show: false,
    // Written out here rather than built elsewhere, so Electronegativity (npm run lint:security) checks these very values.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());

  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    const rendererGone = window.isDestroyed() || window.webContents.isCrashed();
    void (rendererGone ? Promise.resolve() : options.flushRequests.request(window.webContents))
      .then(options.drainWrites)
      .finally(() => {
        flushed = true;
        window.close();
      });
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') window.webContents.reload();
  });

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
