import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { $getSelection, $isSelectionCapturedInDecoratorInput, COMMAND_PRIORITY_LOW, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { cleanClipboardHtml } from '../cleanClipboardHtml';

/**
 * Pastes clipboard HTML through cleanClipboardHtml and then Lexical's own importer, so only
 * the formatting a note supports arrives (headings, bold, italic, underline, strikethrough,
 * lists, links, quotes). Hallnotes' own copies (Lexical's clipboard format) and plain text
 * take Lexical's usual path untouched; unsafe links are unwrapped by SafeLinksPlugin.
 */
export function CleanPastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = event instanceof ClipboardEvent ? event.clipboardData : null;
          const html = data?.getData('text/html') ?? '';
          if (!data || !html || data.types.includes('application/x-lexical-editor')) return false;
          // A paste into a photo's caption field is the field's own business.
          if (event.target instanceof Node && editor.read(() => $isSelectionCapturedInDecoratorInput(event.target as Node))) return false;
          event.preventDefault();
          const cleaned = new DataTransfer();
          cleaned.setData('text/html', cleanClipboardHtml(html));
          cleaned.setData('text/plain', data.getData('text/plain'));
          editor.update(
            () => {
              const selection = $getSelection();
              if (selection !== null) $insertDataTransferForRichText(cleaned, selection, editor);
            },
            { tag: PASTE_TAG },
          );
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
