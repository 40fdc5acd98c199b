import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, MENU_SECTION_LABELS, type CommandId, type MenuSection } from '../../shared/commands/commandTable';

export type MenuTemplateOptions = {
  isMac: boolean;
  isPackaged: boolean;
  appName: string;
  /** A table command was chosen in the menu. */
  onCommand: (commandId: CommandId) => void;
  onAbout: () => void;
};

/**
 * The application menu as data: the app's own commands come from the command table; editing
 * and window commands use Electron's roles so they follow each platform's conventions. Zoom
 * roles are left out: "Larger text" and "Smaller text" take their keys and are remembered.
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { isMac, isPackaged, appName, onCommand, onAbout } = options;
  const commandItems = (section: MenuSection): MenuItemConstructorOptions[] =>
    COMMANDS.filter((command) => command.menu === section).map((command) => ({
      id: command.id,
      label: command.label,
      accelerator: command.shortcut.accelerator,
      // The renderer handles the keys itself (also under the browser host); the menu only shows
      // them, so one key press never runs a command twice.
      registerAccelerator: false,
      click: () => onCommand(command.id),
    }));
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: MENU_SECTION_LABELS.file, submenu: [...commandItems('file'), separator, isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
      ],
    },
    {
      label: MENU_SECTION_LABELS.view,
      submenu: [
        ...commandItems('view'),
        separator,
        { role: 'reload' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { role: 'togglefullscreen' },
      ],
    },
    { label: MENU_SECTION_LABELS.go, submenu: commandItems('go') },
    { label: MENU_SECTION_LABELS.session, submenu: commandItems('session') },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `About ${appName}`, click: onAbout }] },
  ];
}
