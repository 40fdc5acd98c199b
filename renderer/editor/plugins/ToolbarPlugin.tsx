import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BulletListIcon, LinkIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../ui/icons';
import { shortcutLabel } from '../../ui/shortcuts';
import { NOTE_COMMANDS, type NoteCommand, type ToolbarState } from '../noteCommands';

const GROUPS: Array<Array<{ command: NoteCommand; content: ReactNode; disabled?: (state: ToolbarState) => boolean }>> = [
  [
    { command: NOTE_COMMANDS.undo, content: <UndoIcon />, disabled: (state) => !state.canUndo },
    { command: NOTE_COMMANDS.redo, content: <RedoIcon />, disabled: (state) => !state.canRedo },
  ],
  [
    { command: NOTE_COMMANDS.paragraph, content: <span className="glyph">¶</span> },
    { command: NOTE_COMMANDS.h1, content: <span className="glyph">H1</span> },
    { command: NOTE_COMMANDS.h2, content: <span className="glyph">H2</span> },
    { command: NOTE_COMMANDS.h3, content: <span className="glyph">H3</span> },
  ],
  [
    { command: NOTE_COMMANDS.bold, content: <span className="glyph glyph-bold">B</span> },
    { command: NOTE_COMMANDS.italic, content: <span className="glyph glyph-italic">I</span> },
    { command: NOTE_COMMANDS.underline, content: <span className="glyph glyph-underline">U</span> },
    { command: NOTE_COMMANDS.strikethrough, content: <span className="glyph glyph-strikethrough">S</span> },
  ],
  [
    { command: NOTE_COMMANDS.bullet, content: <BulletListIcon /> },
    { command: NOTE_COMMANDS.number, content: <NumberedListIcon /> },
    { command: NOTE_COMMANDS.quote, content: <QuoteIcon /> },
    { command: NOTE_COMMANDS.link, content: <LinkIcon /> },
  ],
];
const ITEMS = GROUPS.flat();

/**
 * The formatting toolbar. One tab stop; Left and Right move between buttons (WAI-ARIA toolbar
 * pattern). Each button's title shows its keyboard shortcut.
 */
export function ToolbarPlugin({ state, end }: { state: ToolbarState; end?: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: ITEMS.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + ITEMS.length) % ITEMS.length;
    setFocusIndex(index);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>('.toolbar-button')[index]?.focus();
  }

  let index = -1;
  return (
    <div className="toolbar-row">
      <div className="toolbar" role="toolbar" aria-label="Formatting" aria-orientation="horizontal" ref={toolbarRef} onKeyDown={onKeyDown}>
        {GROUPS.map((group, groupIndex) => (
          <div className="toolbar-group" key={groupIndex}>
            {group.map(({ command, content, disabled }) => {
              index += 1;
              const position = index;
              const active = command.isActive?.(state);
              return (
                <button
                  key={command.id}
                  type="button"
                  className="toolbar-button"
                  aria-label={command.label}
                  title={`${command.label} (${shortcutLabel(command.shortcut)})`}
                  aria-pressed={active === undefined ? undefined : active}
                  disabled={disabled?.(state)}
                  tabIndex={position === focusIndex ? 0 : -1}
                  onFocus={() => setFocusIndex(position)}
                  onClick={() => {
                    command.run(editor, state);
                    if (command.id !== 'link') editor.focus();
                  }}
                >
                  {content}
                </button>
              );
            })}
          </div>
        ))}
      </div>
      {end}
    </div>
  );
}
