import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getListDepth, $isListItemNode, $isListNode } from '@lexical/list';
import { $handleIndentAndOutdent } from '@lexical/utils';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_NORMAL, INSERT_TAB_COMMAND, KEY_TAB_COMMAND, type ElementNode } from 'lexical';
import { MAX_LIST_DEPTH } from '../../../shared/note/noteLimits';

/**
 * Tab never takes the keyboard out of the note (the next keys typed would go nowhere):
 * - in a list, Tab and Shift+Tab indent and outdent the items, up to MAX_LIST_DEPTH levels;
 * - elsewhere Tab types a tab, as in any text editor, and Shift+Tab does nothing.
 * Escape leaves the note for the session list (useCommandDispatcher), so the keyboard is never trapped.
 * Lexical's TabIndentationPlugin would indent paragraphs too, which a post has no use for (the
 * export drops paragraph indents), and types a tab on Shift+Tab in mid-text.
 */
export function TabKeyPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_TAB_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return false;
          event.preventDefault();
          const inList = selection.getNodes().some((node) => $isListItemNode(node) || node.getParents().some($isListItemNode));
          if (inList) $handleIndentAndOutdent((block) => (event.shiftKey ? outdent(block) : indent(block)));
          else if (!event.shiftKey) editor.dispatchCommand(INSERT_TAB_COMMAND, undefined);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}

function indent(block: ElementNode): void {
  const list = block.getParent();
  if ($isListItemNode(block) && $isListNode(list) && $getListDepth(list) < MAX_LIST_DEPTH) block.setIndent(block.getIndent() + 1);
}

function outdent(block: ElementNode): void {
  if ($isListItemNode(block) && block.getIndent() > 0) block.setIndent(block.getIndent() - 1);
}
