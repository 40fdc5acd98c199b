import { app, BrowserWindow, Menu } from 'electron';
import { sendPush } from '../services/ipc/pushEvents';
import { buildMenuTemplate } from './menuTemplate';

/** The application menu; choosing one of the app's commands tells the focused window's renderer, which runs it. */
export function buildApplicationMenu(): Menu {
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    appName: app.getName(),
    onCommand: (commandId) => {
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      if (window) sendPush(window.webContents, 'menu:command', { commandId });
    },
    onAbout: () => app.showAboutPanel(),
  });
  return Menu.buildFromTemplate(template);
}
