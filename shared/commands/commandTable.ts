import { acceleratorLabel } from './accelerator';

/**
 * Every app command, once: the Electron menu is built from this table, the renderer's
 * shortcut handler matches its accelerators, and the command palette lists it. Editing
 * shortcuts inside a note (bold, lists…) live in renderer/editor/noteCommands.ts; the unit
 * tests keep the two free of collisions.
 */
export const MENU_SECTIONS = ['file', 'go', 'session', 'view'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

export const MENU_SECTION_LABELS: Record<MenuSection, string> = { file: '&File', go: '&Go', session: '&Session', view: '&View' };

export type Shortcut = {
  /** Electron accelerator syntax, used by the menu and matched by the renderer. */
  accelerator: string;
  /** How the shortcut is written on Windows and Linux ("Ctrl+Shift+F") and on macOS ("⇧⌘F"). */
  display: string;
  macDisplay: string;
};

export type CommandDefinition = {
  id: string;
  label: string;
  shortcut: Shortcut;
  menu: MenuSection;
  /** Words the palette also matches ("dark" finds the theme toggle by "night" too). */
  keywords?: string;
};

function shortcut(accelerator: string): Shortcut {
  return { accelerator, display: acceleratorLabel(accelerator, false), macDisplay: acceleratorLabel(accelerator, true) };
}

export const COMMANDS = [
  { id: 'import-programme', label: 'Import programme…', shortcut: shortcut('CmdOrCtrl+O'), menu: 'file', keywords: 'schedule agenda ics xml json csv open file' },
  // Alt+Shift+N: Ctrl+N and Ctrl+Shift+N belong to the browser under the host and cannot be taken.
  { id: 'new-event', label: 'New event…', shortcut: shortcut('Alt+Shift+N'), menu: 'file', keywords: 'create conference' },
  { id: 'next-session', label: 'Next session', shortcut: shortcut('Alt+Down'), menu: 'go' },
  { id: 'previous-session', label: 'Previous session', shortcut: shortcut('Alt+Up'), menu: 'go' },
  { id: 'jump-to-on-now', label: 'Jump to the session on now', shortcut: shortcut('CmdOrCtrl+J'), menu: 'go', keywords: 'live current clock' },
  { id: 'search', label: 'Search all notes…', shortcut: shortcut('CmdOrCtrl+Shift+F'), menu: 'go', keywords: 'find' },
  { id: 'new-session', label: 'New session…', shortcut: shortcut('Alt+N'), menu: 'session', keywords: 'add' },
  { id: 'new-unplanned-session', label: 'New unplanned session now', shortcut: shortcut('Alt+U'), menu: 'session', keywords: 'add impromptu current time' },
  { id: 'mark-covered', label: 'Mark session covered', shortcut: shortcut('Alt+Shift+C'), menu: 'session', keywords: 'status done' },
  { id: 'mark-skipped', label: 'Mark session skipped', shortcut: shortcut('Alt+Shift+S'), menu: 'session', keywords: 'status' },
  { id: 'toggle-pick', label: 'On my list (pick the session to cover)', shortcut: shortcut('Alt+Shift+P'), menu: 'session', keywords: 'pick unpick mine schedule star favourite my day cover' },
  { id: 'command-palette', label: 'Command palette…', shortcut: shortcut('CmdOrCtrl+K'), menu: 'view', keywords: 'commands shortcuts keyboard' },
  { id: 'toggle-focus-mode', label: 'Focus mode', shortcut: shortcut('CmdOrCtrl+.'), menu: 'view', keywords: 'distraction hide sidebar' },
  { id: 'toggle-dark-theme', label: 'Dark theme', shortcut: shortcut('CmdOrCtrl+Shift+D'), menu: 'view', keywords: 'night light colours' },
  { id: 'text-larger', label: 'Larger text', shortcut: shortcut('CmdOrCtrl+='), menu: 'view', keywords: 'size font zoom bigger' },
  { id: 'text-smaller', label: 'Smaller text', shortcut: shortcut('CmdOrCtrl+-'), menu: 'view', keywords: 'size font zoom' },
] as const satisfies readonly CommandDefinition[];

export type CommandId = (typeof COMMANDS)[number]['id'];

const COMMAND_IDS = new Set<string>(COMMANDS.map((command) => command.id));

export function isCommandId(value: string): value is CommandId {
  return COMMAND_IDS.has(value);
}
