import type { ReactNode } from 'react';
import { COMMANDS, type CommandId } from '../../shared/commands/commandTable';
import { TEXT_SIZES } from '../../shared/model/preferences';
import type { Appearance } from '../features/appearance/useAppearance';
import { requestCommand } from '../ui/commandBus';
import { shortcutText } from '../ui/shortcutText';
import { FocusIcon, ListIcon, MoonIcon, SearchIcon, SidebarIcon, SunIcon } from '../ui/icons';

type AppRailProps = {
  appearance: Appearance;
  libraryShown: boolean;
  agendaShown: boolean;
  /** False while no event is open: there is no agenda to show. */
  agendaAvailable: boolean;
  onToggleLibrary: () => void;
  onToggleAgenda: () => void;
};

const shortcutOf = (commandId: CommandId) => shortcutText(COMMANDS.find((command) => command.id === commandId)!.shortcut);

/**
 * The narrow strip at the window's edge: show or hide the event list and the agenda, and the
 * ways to the palette, search, theme, text size and focus mode for a window without a menu bar
 * (the browser host), each naming its shortcut.
 */
export function AppRail({ appearance, libraryShown, agendaShown, agendaAvailable, onToggleLibrary, onToggleAgenda }: AppRailProps) {
  const sizeIndex = TEXT_SIZES.indexOf(appearance.textSize);
  return (
    <nav className="app-rail" aria-label="App">
      <RailButton label="Event list" pressed={libraryShown} onClick={onToggleLibrary}>
        <SidebarIcon />
      </RailButton>
      <RailButton label="Agenda" pressed={agendaShown} disabled={!agendaAvailable} onClick={onToggleAgenda}>
        <ListIcon />
      </RailButton>
      <span className="app-rail-gap" />
      <button type="button" className="rail-button rail-palette" aria-label={`Command palette (${shortcutOf('command-palette')})`} title={`All commands and their keys (${shortcutOf('command-palette')})`} onClick={() => requestCommand('command-palette')}>
        <kbd>{shortcutOf('command-palette')}</kbd>
      </button>
      <RailButton label={`Search all notes (${shortcutOf('search')})`} onClick={() => requestCommand('search')}>
        <SearchIcon />
      </RailButton>
      <span className="app-rail-spacer" />
      <RailButton label={`Dark theme (${shortcutOf('toggle-dark-theme')})`} pressed={appearance.dark} onClick={() => requestCommand('toggle-dark-theme')}>
        {appearance.dark ? <SunIcon /> : <MoonIcon />}
      </RailButton>
      <RailButton label={`Larger text (${shortcutOf('text-larger')})`} disabled={sizeIndex === TEXT_SIZES.length - 1} onClick={() => requestCommand('text-larger')}>
        <span className="rail-glyph" aria-hidden="true">
          A+
        </span>
      </RailButton>
      <RailButton label={`Smaller text (${shortcutOf('text-smaller')})`} disabled={sizeIndex === 0} onClick={() => requestCommand('text-smaller')}>
        <span className="rail-glyph rail-glyph-small" aria-hidden="true">
          A−
        </span>
      </RailButton>
      <RailButton label={`Focus mode (${shortcutOf('toggle-focus-mode')})`} pressed={appearance.focusMode} onClick={() => requestCommand('toggle-focus-mode')}>
        <FocusIcon />
      </RailButton>
    </nav>
  );
}

function RailButton({ label, pressed, disabled, onClick, children }: { label: string; pressed?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="rail-button" aria-label={label} title={label} aria-pressed={pressed} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
