import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  addClassNamesToElement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';
import { PRIVATE_NOTE_NODE_TYPE } from '../../export/customNodeTypes';

/** Only the type tells it from a paragraph; the export walker drops it whole. */
export type SerializedPrivateNoteNode = SerializedElementNode;

/**
 * A "for me only" block (a phone number, a reminder): inline text like a paragraph, marked on
 * screen, and never exported (the export walker drops the type). Enter continues it; Enter on
 * an empty one, or Backspace at its start, goes back to a normal paragraph.
 */
export class PrivateNoteNode extends ElementNode {
  $config() {
    return this.config(PRIVATE_NOTE_NODE_TYPE, { extends: ElementNode });
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('p');
    addClassNamesToElement(element, config.theme.privateNote as string | undefined);
    element.title = 'Private note: only for you, never exported';
    return element;
  }

  updateDOM(): false {
    return false;
  }

  insertNewAfter(selection: RangeSelection, restoreSelection?: boolean): ElementNode {
    if (this.isEmpty()) {
      const paragraph = $createParagraphNode();
      this.replace(paragraph);
      return paragraph;
    }
    const next = $createPrivateNoteNode();
    next.setTextFormat(selection.format);
    next.setDirection(this.getDirection());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    for (const child of this.getChildren()) paragraph.append(child);
    this.replace(paragraph);
    return true;
  }
}

export function $createPrivateNoteNode(): PrivateNoteNode {
  return $applyNodeReplacement(new PrivateNoteNode());
}

export function $isPrivateNoteNode(node: LexicalNode | null | undefined): node is PrivateNoteNode {
  return node instanceof PrivateNoteNode;
}
