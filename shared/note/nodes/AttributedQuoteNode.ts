import {
  $applyNodeReplacement,
  $createParagraphNode,
  $getDocument,
  $getState,
  $setState,
  addClassNamesToElement,
  createState,
  ElementNode,
  NODE_STATE_DIRECT,
  NODE_STATE_LATEST,
  type EditorConfig,
  type ElementDOMSlot,
  type LexicalNode,
  type NodeStateVersion,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { ATTRIBUTED_QUOTE_NODE_TYPE, type SerializedAttributedQuoteFields } from '../../export/customNodeTypes';
import { isTimeOfDay } from './timeOfDay';

export type QuoteSpeaker = SerializedAttributedQuoteFields['speaker'];
/** The JSON the export walker reads (shared/export/customNodeTypes.ts). */
export type SerializedAttributedQuoteNode = Spread<SerializedAttributedQuoteFields, SerializedElementNode>;

const MAX_SPEAKER_FIELD_LENGTH = 200;

function parseSpeaker(value: unknown): QuoteSpeaker {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const name = typeof record.name === 'string' ? record.name.trim().slice(0, MAX_SPEAKER_FIELD_LENGTH) : '';
  const role = typeof record.role === 'string' ? record.role.trim().slice(0, MAX_SPEAKER_FIELD_LENGTH) : '';
  return role === '' ? { name } : { name, role };
}

const speakerState = createState('speaker', {
  parse: parseSpeaker,
  isEqual: (a, b) => a.name === b.name && a.role === b.role,
});
const timeState = createState('time', { parse: (value): string | null => (isTimeOfDay(value) ? value : null) });

/** "Name, Role": what the note shows under the quote and the export writes in <cite>. */
export function attributionText(speaker: QuoteSpeaker): string {
  return speaker.role ? `${speaker.name}, ${speaker.role}` : speaker.name;
}

/**
 * A quote tied to who said it and when. The quoted words are the children (inline content,
 * as in Lexical's QuoteNode); speaker and time are node state stored flat in the JSON, where
 * the export walker reads them. The attribution line is drawn outside the editable slot, so
 * it is shown but never typed into.
 */
export class AttributedQuoteNode extends ElementNode {
  $config() {
    return this.config(ATTRIBUTED_QUOTE_NODE_TYPE, {
      extends: ElementNode,
      stateConfigs: [
        { stateConfig: speakerState, flat: true },
        { stateConfig: timeState, flat: true },
      ],
    });
  }

  getSpeaker(version: NodeStateVersion = NODE_STATE_LATEST): QuoteSpeaker {
    return $getState(this, speakerState, version);
  }

  setSpeaker(speaker: QuoteSpeaker): this {
    return $setState(this, speakerState, parseSpeaker(speaker));
  }

  getTime(version: NodeStateVersion = NODE_STATE_LATEST): string | null {
    return $getState(this, timeState, version);
  }

  setTime(time: string | null): this {
    return $setState(this, timeState, isTimeOfDay(time) ? time : null);
  }

  createDOM(config: EditorConfig): HTMLElement {
    const document = $getDocument();
    const figure = document.createElement('figure');
    addClassNamesToElement(figure, config.theme.attributedQuote as string | undefined);
    const quote = document.createElement('blockquote');
    const caption = document.createElement('figcaption');
    caption.contentEditable = 'false';
    figure.append(quote, caption);
    this.writeAttribution(caption);
    return figure;
  }

  updateDOM(_previous: this, dom: HTMLElement): boolean {
    const caption = dom.lastElementChild;
    if (caption instanceof HTMLElement) this.writeAttribution(caption);
    return false;
  }

  getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.firstElementChild as HTMLElement);
  }

  private writeAttribution(caption: HTMLElement): void {
    // The DOM is written from this very version of the node, during reconciliation.
    const speaker = this.getSpeaker(NODE_STATE_DIRECT);
    const time = this.getTime(NODE_STATE_DIRECT);
    caption.textContent = `— ${attributionText(speaker) || 'Unattributed'}${time ? ` · ${time}` : ''}`;
  }

  insertNewAfter(selection: RangeSelection, restoreSelection?: boolean): ParagraphNode {
    const paragraph = $createParagraphNode();
    paragraph.setTextFormat(selection.format);
    paragraph.setDirection(this.getDirection());
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  /** Backspace at the start turns the quote back into a paragraph, as with Lexical's quote. */
  collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    for (const child of this.getChildren()) paragraph.append(child);
    this.replace(paragraph);
    return true;
  }

  canMergeWhenEmpty(): true {
    return true;
  }
}

export function $createAttributedQuoteNode(speaker: QuoteSpeaker, time: string | null): AttributedQuoteNode {
  return $applyNodeReplacement(new AttributedQuoteNode()).setSpeaker(speaker).setTime(time);
}

export function $isAttributedQuoteNode(node: LexicalNode | null | undefined): node is AttributedQuoteNode {
  return node instanceof AttributedQuoteNode;
}
