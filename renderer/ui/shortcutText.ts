import type { Shortcut } from '../../shared/commands/commandTable';
import { IS_MAC } from './shortcuts';

/** The shortcut as this platform writes it. */
export function shortcutText(shortcut: Shortcut): string {
  return IS_MAC ? shortcut.macDisplay : shortcut.display;
}
