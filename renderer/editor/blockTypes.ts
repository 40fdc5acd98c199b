import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalEditor } from 'lexical';
import { $findMatchingParent } from '@lexical/utils';
import { $isAttributedQuoteNode } from '../../shared/note/nodes/AttributedQuoteNode';
import { $createPrivateNoteNode, $isPrivateNoteNode } from '../../shared/note/nodes/PrivateNoteNode';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'private' | 'attributed-quote';
/** The block types a toolbar button or shortcut sets directly; an attributed quote needs its speaker first. */
export type SettableBlockType = Exclude<BlockType, 'attributed-quote'>;

/** The block type at the selection's anchor, for the toolbar's pressed states. Call inside a read. */
export function $currentBlockType(): BlockType {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'paragraph';
  const anchor = selection.anchor.getNode();
  const block =
    anchor.getKey() === 'root'
      ? anchor
      : $findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        });
  if (!block) return 'paragraph';
  if ($isListNode(block)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? block;
    return list.getListType() === 'number' ? 'number' : 'bullet';
  }
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'h3';
  }
  if ($isQuoteNode(block)) return 'quote';
  if ($isAttributedQuoteNode(block)) return 'attributed-quote';
  if ($isPrivateNoteNode(block)) return 'private';
  return 'paragraph';
}

/** Turns the selected blocks into `type`; choosing the current type again turns them back into paragraphs. */
export function setBlockType(editor: LexicalEditor, type: SettableBlockType, current: BlockType): void {
  const target = type === current ? 'paragraph' : type;
  if (current === 'bullet' || current === 'number') {
    if (target === 'paragraph') {
      editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      return;
    }
  }
  if (target === 'bullet') {
    editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    return;
  }
  if (target === 'number') {
    editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (target === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (target === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else if (target === 'private') $setBlocksType(selection, () => $createPrivateNoteNode());
    else $setBlocksType(selection, () => $createHeadingNode(target));
  });
}
