import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getListDepth, $isListNode, ListItemNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $isDecoratorNode, $isElementNode, mergeRegister, ParagraphNode, type ElementNode, type LexicalEditor } from 'lexical';
import { MAX_LIST_DEPTH } from '../../../shared/note/noteLimits';
import { AttributedQuoteNode } from '../../../shared/note/nodes/AttributedQuoteNode';
import { PrivateNoteNode } from '../../../shared/note/nodes/PrivateNoteNode';
import { TimestampNode } from '../../../shared/note/nodes/TimestampNode';
import { isTimeOfDay } from '../../../shared/note/nodes/timeOfDay';

/**
 * Keeps the note in the shape the save validator accepts, however it was made (typed, a
 * Markdown shortcut such as 84 spaces and "- ", pasted HTML or a Lexical copy): a list nests at
 * most MAX_LIST_DEPTH levels, a text block holds no block (a quote pasted in a quote joins the
 * one around it), and a timestamp always holds a time. Node transforms run only for the nodes
 * an update changed on purpose, so typing in a paragraph costs nothing here.
 */
export function NoteShapePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerNoteShape(editor), [editor]);
  return null;
}

export function registerNoteShape(editor: LexicalEditor): () => void {
  const textBlocks = [ParagraphNode, HeadingNode, QuoteNode, AttributedQuoteNode, PrivateNoteNode];
  return mergeRegister(
    editor.registerNodeTransform(ListItemNode, (item) => {
      const list = item.getParent();
      if ($isListNode(list) && $getListDepth(list) > MAX_LIST_DEPTH) item.setIndent(MAX_LIST_DEPTH - 1);
    }),
    ...textBlocks.map((klass) => editor.registerNodeTransform(klass, $joinInnerBlocks)),
    editor.registerNodeTransform(TimestampNode, (timestamp) => {
      if (!isTimeOfDay(timestamp.getTime())) timestamp.remove();
    }),
  );
}

/** Each block inside this one gives it its content instead, after a line break. */
function $joinInnerBlocks(block: ElementNode): void {
  for (const child of block.getChildren()) {
    const isBlock = ($isElementNode(child) || $isDecoratorNode(child)) && !child.isInline();
    if (!isBlock) continue;
    if (child.getPreviousSibling()) child.insertBefore($createLineBreakNode());
    if ($isElementNode(child)) for (const grandchild of child.getChildren()) child.insertBefore(grandchild);
    child.remove();
  }
}
