import { createEditor, type SerializedEditorState } from 'lexical';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';

/**
 * The typing benchmark's reference for Lexical's own cost: Lexical with rich text and
 * nothing else (no React, no history, no plugins, no app around it), on the bare pages' CSS.
 * What the app adds on top of this is the app's doing.
 */
const editor = createEditor({
  namespace: 'BareLexical',
  nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(document.querySelector<HTMLElement>('[contenteditable="true"]'));
registerRichText(editor);

/** Called by the benchmark with the note's stored editor state. */
(window as Window & { showNote?: (state: SerializedEditorState) => void }).showNote = (state) => {
  editor.setEditorState(editor.parseEditorState(state));
};
