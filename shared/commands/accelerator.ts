/**
 * Electron accelerators ("CmdOrCtrl+Shift+F") read in the renderer too: shown as text and
 * matched against key presses, so the menu, the shortcuts and the palette agree. Hand-written
 * because Electron's own parser lives in the main process and the renderer has no equivalent.
 */

/** The parts of a KeyboardEvent a shortcut depends on; plain data, so it is testable without a DOM. */
export type KeyPress = { key: string; code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean };

export type ParsedAccelerator = { primary: boolean; ctrl: boolean; alt: boolean; shift: boolean; key: string };

const PRIMARY = new Set(['cmdorctrl', 'commandorcontrol']);
const CTRL = new Set(['ctrl', 'control']);
const ALT = new Set(['alt', 'option']);
const SHIFT = new Set(['shift']);
const COMMAND = new Set(['cmd', 'command', 'super', 'meta']);

/** Named keys as KeyboardEvent.key spells them. */
const NAMED_KEYS: Record<string, string> = {
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  enter: 'Enter',
  return: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  tab: 'Tab',
  space: ' ',
  backspace: 'Backspace',
  delete: 'Delete',
  plus: '+',
};

/** Punctuation is matched by physical key (KeyboardEvent.code), like letters, so Shift or a layout does not change it. */
const PUNCTUATION_CODES: Record<string, string> = {
  '.': 'Period',
  ',': 'Comma',
  '=': 'Equal',
  '-': 'Minus',
  '/': 'Slash',
  ';': 'Semicolon',
  "'": 'Quote',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  '`': 'Backquote',
};

const DISPLAY_KEYS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', ' ': 'Space', '-': '−' };

export function parseAccelerator(accelerator: string): ParsedAccelerator {
  const parts = accelerator.split(/\+(?!$)/);
  const rawKey = parts.pop()!;
  const parsed: ParsedAccelerator = { primary: false, ctrl: false, alt: false, shift: false, key: '' };
  for (const part of parts.map((modifier) => modifier.toLowerCase())) {
    if (PRIMARY.has(part) || COMMAND.has(part)) parsed.primary = true;
    else if (CTRL.has(part)) parsed.ctrl = true;
    else if (ALT.has(part)) parsed.alt = true;
    else if (SHIFT.has(part)) parsed.shift = true;
    else throw new Error(`Unknown modifier "${part}" in accelerator "${accelerator}"`);
  }
  const named = NAMED_KEYS[rawKey.toLowerCase()];
  parsed.key = named ?? (/^F\d{1,2}$/i.test(rawKey) ? rawKey.toUpperCase() : rawKey.length === 1 ? rawKey.toUpperCase() : '');
  if (!parsed.key) throw new Error(`Unknown key "${rawKey}" in accelerator "${accelerator}"`);
  return parsed;
}

/** One spelling per key combination, to compare accelerators written differently ("Ctrl+Shift+X" and "Shift+CmdOrCtrl+x"). */
export function canonicalAccelerator(accelerator: string, isMac: boolean): string {
  const { primary, ctrl, alt, shift, key } = parseAccelerator(accelerator);
  const command = isMac && primary;
  const control = ctrl || (!isMac && primary);
  return [command && 'Cmd', control && 'Ctrl', alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('+');
}

/** "CmdOrCtrl+Shift+F" → "Ctrl+Shift+F", or "⇧⌘F" on macOS (Apple's modifier order). */
export function acceleratorLabel(accelerator: string, isMac: boolean): string {
  const { primary, ctrl, alt, shift, key } = parseAccelerator(accelerator);
  const keyText = DISPLAY_KEYS[key] ?? key;
  if (isMac) return [ctrl && '⌃', alt && '⌥', shift && '⇧', primary && '⌘', keyText].filter(Boolean).join('');
  return [(primary || ctrl) && 'Ctrl', alt && 'Alt', shift && 'Shift', keyText].filter(Boolean).join('+');
}

export function matchesAccelerator(press: KeyPress, accelerator: string, isMac: boolean): boolean {
  const { primary, ctrl, alt, shift, key } = parseAccelerator(accelerator);
  const wantsMeta = isMac && primary;
  const wantsCtrl = ctrl || (!isMac && primary);
  if (press.metaKey !== wantsMeta || press.ctrlKey !== wantsCtrl || press.altKey !== alt || press.shiftKey !== shift) return false;
  if (/^[A-Z]$/.test(key)) return press.code === `Key${key}`;
  if (/^\d$/.test(key)) return press.code === `Digit${key}`;
  const code = PUNCTUATION_CODES[key];
  if (code) return press.code === code;
  return press.key === key;
}
