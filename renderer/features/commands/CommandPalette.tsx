import { useId, useMemo, useState } from 'react';
import { COMMANDS, type CommandDefinition, type CommandId } from '../../../shared/commands/commandTable';
import { Dialog } from '../../ui/Dialog';
import { useListNavigation } from '../../ui/useListNavigation';
import { shortcutText } from '../../ui/shortcutText';

type CommandPaletteProps = {
  isAvailable: (commandId: CommandId) => boolean;
  onRun: (commandId: CommandId) => void;
  onClose: () => void;
};

/** Every word typed must appear in the command's label or keywords. */
function matches(command: CommandDefinition, words: string[]): boolean {
  const haystack = `${command.label} ${command.keywords ?? ''}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Ctrl/Cmd+K: every command with its shortcut, filtered as you type; Enter runs the highlighted one. */
export function CommandPalette({ isAvailable, onRun, onClose }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return COMMANDS.filter((command) => command.id !== 'command-palette' && matches(command, words));
  }, [query]);

  function choose(command: CommandDefinition | undefined) {
    if (!command || !isAvailable(command.id as CommandId)) return;
    onClose();
    onRun(command.id as CommandId);
  }

  const { activeIndex, setActive, onKeyDown } = useListNavigation(shown, choose);

  return (
    <Dialog title="Commands" onClose={onClose} size="medium">
      <div className="palette">
        <input
          className="palette-input"
          role="combobox"
          aria-label="Command"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={shown.length > 0 ? `${listId}-${activeIndex}` : undefined}
          placeholder="Type a command…"
          value={query}
          data-autofocus
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="palette-list" role="listbox" id={listId} aria-label="Commands">
          {shown.map((command, index) => {
            const available = isAvailable(command.id as CommandId);
            return (
              <li
                key={command.id}
                id={`${listId}-${index}`}
                role="option"
                className="palette-option"
                aria-selected={index === activeIndex}
                aria-disabled={!available || undefined}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(command)}
              >
                <span className="palette-label">{command.label}</span>
                <kbd className="palette-shortcut">{shortcutText(command.shortcut)}</kbd>
              </li>
            );
          })}
        </ul>
        {shown.length === 0 && <p className="palette-empty">No command matches “{query}”.</p>}
      </div>
    </Dialog>
  );
}
