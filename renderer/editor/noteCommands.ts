import { createCommand, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type LexicalCommand, type LexicalEditor, type TextFormatType } from 'lexical';
import { setBlockType, type BlockType, type SettableBlockType } from './blockTypes';

/** Opens the link dialog (or removes the link when the selection is inside one). */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND');
/** Asks who said it, then makes the current block a quote attributed to them (or changes the attribution). */
export const OPEN_SPEAKER_QUOTE_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_SPEAKER_QUOTE_DIALOG_COMMAND');
/** Inserts the current time in the event's time zone at the cursor. */
export const INSERT_TIMESTAMP_COMMAND: LexicalCommand<void> = createCommand('INSERT_TIMESTAMP_COMMAND');
/** Opens the file picker to add photos at the cursor. */
export const PICK_PHOTO_COMMAND: LexicalCommand<void> = createCommand('PICK_PHOTO_COMMAND');

export type ToolbarState = {
  blockType: BlockType;
  formats: Record<'bold' | 'italic' | 'underline' | 'strikethrough', boolean>;
  isLink: boolean;
  canUndo: boolean;
  canRedo: boolean;
};

export type NoteCommand = {
  id: string;
  label: string;
  shortcut: string;
  /** Lexical already handles this key itself; the shortcut is listed for the tooltip only. */
  handledByLexical?: boolean;
  run: (editor: LexicalEditor, state: ToolbarState) => void;
  isActive?: (state: ToolbarState) => boolean;
};

const textFormat = (format: TextFormatType & keyof ToolbarState['formats'], label: string, shortcut: string, handledByLexical: boolean): NoteCommand => ({
  id: format,
  label,
  shortcut,
  handledByLexical,
  run: (editor) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format),
  isActive: (state) => state.formats[format],
});

const blockType = (type: SettableBlockType, label: string, shortcut: string): NoteCommand => ({
  id: type,
  label,
  shortcut,
  run: (editor, state) => setBlockType(editor, type, state.blockType),
  isActive: (state) => state.blockType === type,
});

/** Every formatting action, shared by the toolbar (labels, tooltips) and the keyboard shortcuts. */
export const NOTE_COMMANDS = {
  undo: { id: 'undo', label: 'Undo', shortcut: 'Mod+Z', handledByLexical: true, run: (editor) => editor.dispatchCommand(UNDO_COMMAND, undefined) },
  redo: { id: 'redo', label: 'Redo', shortcut: 'Mod+Shift+Z', handledByLexical: true, run: (editor) => editor.dispatchCommand(REDO_COMMAND, undefined) },
  paragraph: blockType('paragraph', 'Normal text', 'Mod+Alt+0'),
  h1: blockType('h1', 'Heading 1', 'Mod+Alt+1'),
  h2: blockType('h2', 'Heading 2', 'Mod+Alt+2'),
  h3: blockType('h3', 'Heading 3', 'Mod+Alt+3'),
  bullet: blockType('bullet', 'Bulleted list', 'Mod+Shift+8'),
  number: blockType('number', 'Numbered list', 'Mod+Shift+7'),
  quote: blockType('quote', 'Quote', 'Mod+Shift+9'),
  bold: textFormat('bold', 'Bold', 'Mod+B', true),
  italic: textFormat('italic', 'Italic', 'Mod+I', true),
  underline: textFormat('underline', 'Underline', 'Mod+U', true),
  strikethrough: textFormat('strikethrough', 'Strikethrough', 'Mod+Shift+X', false),
  link: {
    id: 'link',
    label: 'Link',
    // Mod+K opens the command palette (shared/commands/commandTable.ts).
    shortcut: 'Mod+Shift+K',
    run: (editor) => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined),
    isActive: (state) => state.isLink,
  },
  // Capture: Mod+Shift+letter, because Mod+Alt+letter is AltGr on Windows keyboards (Ctrl+Alt+Q types @ on a German one).
  speakerQuote: {
    id: 'speakerQuote',
    label: 'Quote with speaker',
    shortcut: 'Mod+Shift+S',
    run: (editor) => editor.dispatchCommand(OPEN_SPEAKER_QUOTE_DIALOG_COMMAND, undefined),
    isActive: (state) => state.blockType === 'attributed-quote',
  },
  timestamp: {
    id: 'timestamp',
    label: 'Insert the time',
    shortcut: 'Mod+Shift+H',
    run: (editor) => editor.dispatchCommand(INSERT_TIMESTAMP_COMMAND, undefined),
  },
  private: blockType('private', 'Private note (never exported)', 'Mod+Shift+P'),
} satisfies Record<string, NoteCommand>;
