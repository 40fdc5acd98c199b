import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BulletListIcon, ClockIcon, LinkIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../ui/icons';
import { shortcutLabel } from '../../ui/shortcuts';
import { LockIcon, PhotoIcon, SpeakerQuoteIcon, TimeEachParagraphIcon } from '../captureIcons';
import { NOTE_COMMANDS, PICK_PHOTO_COMMAND, type NoteCommand, type ToolbarState } from '../noteCommands';
import { ToolbarOverflowMenu, type OverflowItem } from './ToolbarOverflowMenu';
import { useWrappedItems } from './useWrappedItems';

/** Adding a photo has no shortcut: pasting or dropping one is quicker. */
const ADD_PHOTO: NoteCommand = { id: 'photo', label: 'Add photo', shortcut: '', run: (editor) => editor.dispatchCommand(PICK_PHOTO_COMMAND, undefined) };
/** These open a dialog or a file picker, which take the keyboard themselves. */
const KEEPS_FOCUS = new Set(['link', 'speakerQuote', 'photo']);

/** In order of use: what does not fit the row goes into the "More" menu from the end. */
const GROUPS: Array<Array<{ command: NoteCommand; content: ReactNode; disabled?: (state: ToolbarState) => boolean }>> = [
  [
    { command: NOTE_COMMANDS.undo, content: <UndoIcon />, disabled: (state) => !state.canUndo },
    { command: NOTE_COMMANDS.redo, content: <RedoIcon />, disabled: (state) => !state.canRedo },
  ],
  [
    { command: NOTE_COMMANDS.bold, content: <span className="glyph glyph-bold">B</span> },
    { command: NOTE_COMMANDS.italic, content: <span className="glyph glyph-italic">I</span> },
    { command: NOTE_COMMANDS.underline, content: <span className="glyph glyph-underline">U</span> },
    { command: NOTE_COMMANDS.strikethrough, content: <span className="glyph glyph-strikethrough">S</span> },
  ],
  [
    { command: NOTE_COMMANDS.paragraph, content: <span className="glyph">¶</span> },
    { command: NOTE_COMMANDS.h1, content: <span className="glyph">H1</span> },
    { command: NOTE_COMMANDS.h2, content: <span className="glyph">H2</span> },
    { command: NOTE_COMMANDS.h3, content: <span className="glyph">H3</span> },
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

type ToolbarItem = OverflowItem & { title: string };

type ToolbarPluginProps = {
  state: ToolbarState;
  end?: ReactNode;
  /** The live-blog switch: shown when a change handler is given. */
  timestampNewParagraphs?: boolean;
  onTimestampNewParagraphsChange?: (enabled: boolean) => void;
};

/**
 * The formatting toolbar, on one row whatever the window's size or zoom: the buttons that do
 * not fit go into a "More" menu at its end. One tab stop; Left and Right move between buttons
 * (WAI-ARIA toolbar pattern). Each button's title shows its keyboard shortcut.
 */
export function ToolbarPlugin({ state, end, timestampNewParagraphs = false, onTimestampNewParagraphsChange }: ToolbarPluginProps) {
  const [editor] = useLexicalComposerContext();
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const itemsRef = useRef<HTMLDivElement>(null);

  const item = ({ command, content, disabled }: (typeof GROUPS)[number][number]): ToolbarItem => ({
    id: command.id,
    label: command.label,
    shortcut: command.shortcut ? shortcutLabel(command.shortcut) : '',
    title: command.shortcut ? `${command.label} (${shortcutLabel(command.shortcut)})` : command.label,
    pressed: command.isActive?.(state),
    disabled: disabled?.(state),
    content,
    run: () => {
      command.run(editor, state);
      if (!KEEPS_FOCUS.has(command.id)) editor.focus();
    },
  });
  const groups: ToolbarItem[][] = GROUPS.map((group) => group.map(item));
  if (onTimestampNewParagraphsChange) {
    groups.push([
      {
        id: 'timestampNewParagraphs',
        label: 'Time each new paragraph',
        shortcut: '',
        title: 'Time each new paragraph (live blog)',
        pressed: timestampNewParagraphs,
        content: <TimeEachParagraphIcon />,
        run: () => onTimestampNewParagraphsChange(!timestampNewParagraphs),
      },
    ]);
  }
  const wrapped = useWrappedItems(itemsRef);
  const overflow = new Set(wrapped);

  function onKeyDown(event: KeyboardEvent) {
    const buttons = [...(toolbarRef.current?.querySelectorAll<HTMLButtonElement>('.toolbar-button:not([inert])') ?? [])];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 };
    const next = moves[event.key];
    if (next === undefined || current === -1) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  }

  let index = -1;
  // The roving tab stop stays on a button that is in the row.
  const tabStop = overflow.has(focusIndex) ? 0 : focusIndex;
  return (
    <div className="toolbar-row">
      <div className="toolbar" role="toolbar" aria-label="Formatting" aria-orientation="horizontal" ref={toolbarRef} onKeyDown={onKeyDown}>
        <div className="toolbar-items" ref={itemsRef}>
          {groups.map((group) =>
            group.map((entry, inGroup) => {
              index += 1;
              const position = index;
              const hidden = overflow.has(position);
              return (
                <button
                  key={entry.id}
                  type="button"
                  // Buttons, not groups, wrap: as many fit in the row as its width allows.
                  className={`toolbar-button${inGroup === 0 && position > 0 ? ' toolbar-group-start' : ''}`}
                  data-item-index={position}
                  aria-label={entry.label}
                  title={entry.title}
                  aria-pressed={entry.pressed}
                  disabled={entry.disabled}
                  inert={hidden}
                  tabIndex={position === tabStop ? 0 : -1}
                  onFocus={() => setFocusIndex(position)}
                  onClick={entry.run}
                >
                  {entry.content}
                </button>
              );
            }),
          )}
        </div>
        {wrapped.length > 0 && (
          <ToolbarOverflowMenu items={groups.flat().filter((_, position) => overflow.has(position))} />
        )}
      </div>
      {end}
    </div>
  );
}
