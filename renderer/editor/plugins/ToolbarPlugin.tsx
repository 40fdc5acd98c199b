import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BulletListIcon, ClockIcon, LinkIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../ui/icons';
import { shortcutLabel } from '../../ui/shortcuts';
import { LockIcon, PhotoIcon, SpeakerQuoteIcon, TimeEachParagraphIcon } from '../captureIcons';
import { NOTE_COMMANDS, PICK_PHOTO_COMMAND, type NoteCommand, type ToolbarState } from '../noteCommands';

/** Adding a photo has no shortcut: pasting or dropping one is quicker. */
const ADD_PHOTO: NoteCommand = { id: 'photo', label: 'Add photo', shortcut: '', run: (editor) => editor.dispatchCommand(PICK_PHOTO_COMMAND, undefined) };

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
  [
    { command: NOTE_COMMANDS.speakerQuote, content: <SpeakerQuoteIcon /> },
    { command: NOTE_COMMANDS.timestamp, content: <ClockIcon /> },
    { command: NOTE_COMMANDS.private, content: <LockIcon /> },
    { command: ADD_PHOTO, content: <PhotoIcon /> },
  ],
];
const ITEMS = GROUPS.flat();

/**
 * The formatting toolbar. One tab stop; Left and Right move between buttons (WAI-ARIA toolbar
 * pattern). Each button's title shows its keyboard shortcut.
 */
type ToolbarPluginProps = {
  state: ToolbarState;
  end?: ReactNode;
  /** The live-blog switch: shown when a change handler is given. */
  timestampNewParagraphs?: boolean;
  onTimestampNewParagraphsChange?: (enabled: boolean) => void;
};

export function ToolbarPlugin({ state, end, timestampNewParagraphs = false, onTimestampNewParagraphsChange }: ToolbarPluginProps) {
  const [editor] = useLexicalComposerContext();
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const buttonCount = ITEMS.length + (onTimestampNewParagraphsChange ? 1 : 0);

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: buttonCount - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + buttonCount) % buttonCount;
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
                  title={command.shortcut ? `${command.label} (${shortcutLabel(command.shortcut)})` : command.label}
                  aria-pressed={active === undefined ? undefined : active}
                  disabled={disabled?.(state)}
                  tabIndex={position === focusIndex ? 0 : -1}
                  onFocus={() => setFocusIndex(position)}
                  onClick={() => {
                    command.run(editor, state);
                    if (command.id !== 'link' && command.id !== 'speakerQuote' && command.id !== 'photo') editor.focus();
                  }}
                >
                  {content}
                </button>
              );
            })}
          </div>
        ))}
        {onTimestampNewParagraphsChange && (
          <div className="toolbar-group">
            <button
              type="button"
              className="toolbar-button"
              aria-label="Time each new paragraph"
              title="Time each new paragraph (live blog)"
              aria-pressed={timestampNewParagraphs}
              tabIndex={focusIndex === ITEMS.length ? 0 : -1}
              onFocus={() => setFocusIndex(ITEMS.length)}
              onClick={() => onTimestampNewParagraphsChange(!timestampNewParagraphs)}
            >
              <TimeEachParagraphIcon />
            </button>
          </div>
        )}
      </div>
      {end}
    </div>
  );
}
