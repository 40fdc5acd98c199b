/** Whether shortcuts are written with ⌘ (macOS) or Ctrl. */
export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Mod+Shift+8" → "Ctrl+Shift+8" or "⌘⇧8", for titles and tooltips. */
export function shortcutLabel(shortcut: string): string {
  if (!IS_MAC) return shortcut.replace('Mod', 'Ctrl');
  return shortcut
    .replace('Mod+', '⌘')
    .replace('Shift+', '⇧')
    .replace('Alt+', '⌥')
    .replace('Ctrl+', '⌃');
}

/** True when a keyboard event matches a shortcut written like "Mod+Alt+1". */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.at(-1)!;
  const wants = new Set(parts.slice(0, -1));
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  if (mod !== wants.has('Mod')) return false;
  if (event.shiftKey !== wants.has('Shift')) return false;
  if (event.altKey !== wants.has('Alt')) return false;
  if (IS_MAC && event.ctrlKey !== wants.has('Ctrl')) return false;
  // event.code is layout-independent for digits and letters, which Shift and Alt change in event.key.
  if (/^\d$/.test(key)) return event.code === `Digit${key}`;
  if (/^[A-Z]$/.test(key)) return event.code === `Key${key}`;
  return event.key === key;
}
