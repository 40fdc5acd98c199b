import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { matchesShortcut } from '../../ui/shortcuts';
import { NOTE_COMMANDS, type NoteCommand, type ToolbarState } from '../noteCommands';

const OWN_SHORTCUTS: NoteCommand[] = Object.values(NOTE_COMMANDS).filter((command: NoteCommand) => !command.handledByLexical);

/** Keyboard shortcuts for the formatting commands Lexical does not bind itself. */
export function ShortcutsPlugin({ state }: { state: ToolbarState }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const command = OWN_SHORTCUTS.find((candidate) => matchesShortcut(event, candidate.shortcut));
          if (!command) return false;
          event.preventDefault();
          command.run(editor, state);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, state],
  );
  return null;
}
