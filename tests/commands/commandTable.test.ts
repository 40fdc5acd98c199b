import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/main/menuTemplate';
import { acceleratorLabel, canonicalAccelerator, matchesAccelerator, type KeyPress } from '../../shared/commands/accelerator';
import { COMMANDS } from '../../shared/commands/commandTable';
import { NOTE_COMMANDS } from '../../renderer/editor/noteCommands';

/** Keys Electron's menu roles take (Edit, reload, dev tools, full screen, quit, close, minimise). */
const ROLE_ACCELERATORS = ['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z', 'Ctrl+Y', 'CmdOrCtrl+X', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+Shift+V', 'CmdOrCtrl+A', 'CmdOrCtrl+R', 'CmdOrCtrl+Shift+R', 'Ctrl+Shift+I', 'Alt+Cmd+I', 'F11', 'Ctrl+Cmd+F', 'CmdOrCtrl+Q', 'CmdOrCtrl+W', 'CmdOrCtrl+M', 'CmdOrCtrl+H'];
/** Keys Chromium keeps for itself under the browser host: a page never sees them. */
const BROWSER_RESERVED = ['Ctrl+N', 'Ctrl+Shift+N', 'Ctrl+T', 'Ctrl+Shift+T', 'Ctrl+W', 'Ctrl+Shift+W', 'Ctrl+Tab', 'Ctrl+Shift+Tab'];
/** Keys the session list and the editor use without being in a table. */
const OTHER_APP_KEYS = ['Alt+Shift+Up', 'Alt+Shift+Down', 'Up', 'Down', 'Escape', 'Enter', 'Tab', 'Shift+Tab', 'CmdOrCtrl+B', 'CmdOrCtrl+I', 'CmdOrCtrl+U'];

const editorAccelerators = Object.values(NOTE_COMMANDS).map((command) => command.shortcut.replace('Mod+', 'CmdOrCtrl+'));

describe('the command table', () => {
  it('gives every command a unique id, a label and a shortcut', () => {
    const ids = COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const command of COMMANDS) {
      expect(command.label.trim()).not.toBe('');
      expect(command.shortcut.accelerator).not.toBe('');
    }
  });

  it.each([false, true])('has no two commands on one key, and none on a key the editor, the menu roles or the browser use (macOS: %s)', (isMac) => {
    const canonical = (accelerator: string) => canonicalAccelerator(accelerator, isMac);
    const own = COMMANDS.map((command) => canonical(command.shortcut.accelerator));
    expect(new Set(own).size).toBe(own.length);
    const taken = new Set([...editorAccelerators, ...ROLE_ACCELERATORS, ...OTHER_APP_KEYS, ...(isMac ? [] : BROWSER_RESERVED)].map(canonical));
    expect(COMMANDS.filter((command) => taken.has(canonical(command.shortcut.accelerator))).map((command) => command.id)).toEqual([]);
  });

  it('includes what a reporter needs in the hall', () => {
    expect(COMMANDS.map((command) => command.id)).toEqual(
      expect.arrayContaining([
        'next-session',
        'previous-session',
        'new-unplanned-session',
        'mark-covered',
        'mark-skipped',
        'jump-to-on-now',
        'toggle-focus-mode',
        'search',
        'import-programme',
        'new-event',
        'toggle-dark-theme',
        'text-larger',
        'text-smaller',
        'command-palette',
        'toggle-pick',
      ]),
    );
  });
});

describe('the application menu', () => {
  function menuItems(isMac: boolean, onCommand = vi.fn()) {
    const template = buildMenuTemplate({ isMac, isPackaged: true, appName: 'Hallnotes', onCommand, onAbout: vi.fn() });
    const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
    return flatten(template);
  }

  it.each([false, true])('has one entry per command, with its shortcut, that runs it (macOS: %s)', (isMac) => {
    const onCommand = vi.fn();
    const items = menuItems(isMac, onCommand);
    for (const command of COMMANDS) {
      const entries = items.filter((item) => item.id === command.id);
      expect(entries, command.id).toHaveLength(1);
      expect(entries[0]).toMatchObject({ label: command.label, accelerator: command.shortcut.accelerator });
      entries[0].click!(undefined as never, undefined, undefined as never);
      expect(onCommand).toHaveBeenLastCalledWith(command.id);
    }
  });

  it('leaves no menu key to a role whose key a command took', () => {
    const roles = menuItems(false).map((item) => item.role).filter(Boolean);
    expect(roles).not.toContain('zoomIn');
    expect(roles).not.toContain('zoomOut');
  });
});

describe('accelerators in the renderer', () => {
  const press = (code: string, key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

  it('are written the way each platform writes them', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+F', false)).toBe('Ctrl+Shift+F');
    expect(acceleratorLabel('CmdOrCtrl+Shift+F', true)).toBe('⇧⌘F');
    expect(acceleratorLabel('Alt+Down', false)).toBe('Alt+↓');
    expect(acceleratorLabel('CmdOrCtrl+-', false)).toBe('Ctrl+−');
  });

  it('match by physical key, whatever Alt or the layout makes of the character', () => {
    // Alt+U on a Mac types a dead key, and Ctrl+= on a German layout is the key labelled "´".
    expect(matchesAccelerator(press('KeyU', 'Dead', { altKey: true }), 'Alt+U', true)).toBe(true);
    expect(matchesAccelerator(press('Equal', '´', { ctrlKey: true }), 'CmdOrCtrl+=', false)).toBe(true);
    expect(matchesAccelerator(press('ArrowDown', 'ArrowDown', { altKey: true }), 'Alt+Down', false)).toBe(true);
    expect(matchesAccelerator(press('KeyK', 'k', { metaKey: true }), 'CmdOrCtrl+K', true)).toBe(true);
  });

  it('need exactly the modifiers they name', () => {
    expect(matchesAccelerator(press('KeyK', 'K', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+K', false)).toBe(false);
    expect(matchesAccelerator(press('KeyK', 'k', { metaKey: true }), 'CmdOrCtrl+K', false)).toBe(false);
    expect(matchesAccelerator(press('KeyK', 'k', { ctrlKey: true }), 'CmdOrCtrl+K', true)).toBe(false);
    expect(matchesAccelerator(press('KeyK', 'k'), 'CmdOrCtrl+K', false)).toBe(false);
  });
});
