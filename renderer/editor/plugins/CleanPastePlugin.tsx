import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { $getSelection, $isSelectionCapturedInDecoratorInput, COMMAND_PRIORITY_LOW, PASTE_COMMAND, PASTE_TAG } from 'lexical';
import { repairClipboardNodes } from '../../../shared/note/repairNoteState';
import { cleanClipboardHtml } from '../cleanClipboardHtml';

const LEXICAL_CLIPBOARD = 'application/x-lexical-editor';

/**
 * Pastes clipboard HTML through cleanClipboardHtml and then Lexical's own importer, so only
 * the formatting a note supports arrives (headings, bold, italic, underline, strikethrough,
 * lists, links, quotes). A copy in Lexical's own clipboard format (another note, or any other
 * Lexical editor) is cleaned the same way as a note refused on saving (repairClipboardNodes):
 * no inline style, no timestamp without a time, no unsafe link, nothing of a kind notes lack;
 * one that cannot be read is pasted from its HTML or text instead. Plain text takes Lexical's
 * usual path; unsafe links are unwrapped by SafeLinksPlugin.
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
          const lexical = cleanLexicalCopy(data?.getData(LEXICAL_CLIPBOARD) ?? '');
          if (!data || (!html && lexical === null)) return false;
          // A paste into a photo's caption field is the field's own business.
          if (event.target instanceof Node && editor.read(() => $isSelectionCapturedInDecoratorInput(event.target as Node))) return false;
          event.preventDefault();
          const cleaned = new DataTransfer();
          if (lexical !== null) cleaned.setData(LEXICAL_CLIPBOARD, lexical);
          else cleaned.setData('text/html', cleanClipboardHtml(html));
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

/** Lexical's clipboard JSON ({ namespace, nodes }) with its nodes cleaned, or null when there is none or it cannot be read. */
function cleanLexicalCopy(json: string): string | null {
  if (!json) return null;
  let copy: unknown;
  try {
    copy = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof copy !== 'object' || copy === null || !Array.isArray((copy as { nodes?: unknown }).nodes)) return null;
  return JSON.stringify({ ...copy, nodes: repairClipboardNodes((copy as { nodes: unknown[] }).nodes).nodes });
}
