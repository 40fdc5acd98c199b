import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useNoteEditorEnvironment } from '../noteEditorContext';

/** About 80,000 words: more than any session's note, small enough to paste without freezing the editor. */
export const MAX_PASTE_TEXT_LENGTH = 500_000;
/** Formatted clipboard HTML is often ten times its text (Word, Google Docs); past this it is pasted as plain text. */
export const MAX_PASTE_HTML_LENGTH = 2_000_000;

/**
 * Keeps a huge paste from freezing the note: text beyond MAX_PASTE_TEXT_LENGTH is refused with
 * a message (nothing in the note changes), and formatting beyond MAX_PASTE_HTML_LENGTH is
 * dropped, pasting the plain text instead. Smaller pastes go on to Lexical's own import.
 */
export function PasteGuardPlugin() {
  const [editor] = useLexicalComposerContext();
  const { notify } = useNoteEditorEnvironment();

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = event instanceof ClipboardEvent ? event.clipboardData : null;
          if (!data) return false;
          const text = data.getData('text/plain');
          const html = data.getData('text/html');
          if (text.length > MAX_PASTE_TEXT_LENGTH || (html.length > MAX_PASTE_HTML_LENGTH && text.length === 0)) {
            event.preventDefault();
            notify({
              kind: 'error',
              message: `That paste is ${describeSize(Math.max(text.length, html.length))}; a note takes at most ${MAX_PASTE_TEXT_LENGTH.toLocaleString('en')} characters at a time. Nothing was pasted; paste it in smaller parts.`,
            });
            return true;
          }
          // A copy from another note carries Lexical's own format, which imports quickly at any size.
          if (html.length <= MAX_PASTE_HTML_LENGTH || data.types.includes('application/x-lexical-editor')) return false;
          event.preventDefault();
          editor.update(() => {
            text.split(/\r\n|\r|\n/).forEach((line, index) => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              if (index > 0) selection.insertParagraph();
              if (line) $getSelection()?.insertText(line);
            });
          });
          notify({ kind: 'info', message: 'The pasted text was very long, so it was pasted without its formatting.' });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, notify],
  );
  return null;
}

function describeSize(characters: number): string {
  return characters >= 1_000_000 ? `${(characters / 1_000_000).toFixed(1)} million characters` : `${characters.toLocaleString('en')} characters`;
}
