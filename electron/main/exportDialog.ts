import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/model/post';

const FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  html: { name: 'HTML', extensions: ['html', 'htm'] },
  markdown: { name: 'Markdown', extensions: ['md', 'markdown'] },
  wordpress: { name: 'WordPress block markup', extensions: ['html', 'txt'] },
  text: { name: 'Plain text', extensions: ['txt'] },
};

/** The save dialog for an export, attached to the app's window; null when the reporter cancels. */
export async function chooseExportPath(suggestedFileName: string, format: ExportFormat): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Export post',
    defaultPath: join(app.getPath('documents'), suggestedFileName),
    filters: [FILTERS[format]],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The save dialog for an event bundle; null when the reporter cancels. */
export async function chooseBundlePath(suggestedFileName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Export event bundle',
    defaultPath: join(app.getPath('documents'), suggestedFileName),
    filters: [{ name: 'Hallnotes event bundle', extensions: ['hallnotes'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
