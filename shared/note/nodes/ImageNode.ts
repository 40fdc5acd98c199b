import {
  $applyNodeReplacement,
  $getDocument,
  $getState,
  $setState,
  addClassNamesToElement,
  createState,
  DecoratorNode,
  NODE_STATE_LATEST,
  type DOMExportOutput,
  type EditorConfig,
  type Klass,
  type LexicalNode,
  type NodeStateVersion,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { IMAGE_NODE_TYPE, type SerializedImageFields } from '../../export/customNodeTypes';
import { isAssetSrc } from '../assetPath';

/** The JSON the export walker reads (shared/export/customNodeTypes.ts). */
export type SerializedImageNode = Spread<SerializedImageFields, SerializedLexicalNode>;
const MAX_IMAGE_TEXT_LENGTH = 1000;

const oneLine = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').slice(0, MAX_IMAGE_TEXT_LENGTH) : '');
/** Only a stored photo of this event ("assets/<sha256>.<ext>") is ever referenced; anything else reads as no photo. */
const srcState = createState('src', { parse: (value): string => (isAssetSrc(value) ? value : '') });
const altState = createState('alt', { parse: oneLine });
const captionState = createState('caption', { parse: oneLine });

/**
 * A photo stored in the event's assets folder, shown as a block with an optional caption.
 * This node knows no DOM framework: the Node side's headless editor (CLI, Markdown) uses it as
 * it is, and the renderer registers a subclass of the same type whose decorate() draws the
 * photo in whatever environment its editor was given (renderer/editor/nodes/EditorImageNode.tsx).
 */
export class ImageNode extends DecoratorNode<unknown> {
  $config() {
    return this.config(IMAGE_NODE_TYPE, {
      extends: DecoratorNode,
      stateConfigs: [
        { stateConfig: srcState, flat: true },
        { stateConfig: altState, flat: true },
        { stateConfig: captionState, flat: true },
      ],
    });
  }

  getSrc(version: NodeStateVersion = NODE_STATE_LATEST): string {
    return $getState(this, srcState, version);
  }

  getAlt(version: NodeStateVersion = NODE_STATE_LATEST): string {
    return $getState(this, altState, version);
  }

  getCaption(version: NodeStateVersion = NODE_STATE_LATEST): string {
    return $getState(this, captionState, version);
  }

  setCaption(caption: string): this {
    return $setState(this, captionState, oneLine(caption));
  }

  setAlt(alt: string): this {
    return $setState(this, altState, oneLine(alt));
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    addClassNamesToElement(element, config.theme.image as string | undefined);
    return element;
  }

  updateDOM(): false {
    return false;
  }

  /** Copying a photo out of the editor gives its caption: the file's address means nothing elsewhere. */
  exportDOM(): DOMExportOutput {
    const figure = $getDocument().createElement('figure');
    const caption = this.getCaption() || this.getAlt();
    if (caption) figure.append(Object.assign($getDocument().createElement('figcaption'), { textContent: caption }));
    return { element: figure };
  }

  isInline(): false {
    return false;
  }

  getTextContent(): string {
    return this.getCaption();
  }

  decorate(): unknown {
    return null;
  }
}

/** `klass`: the subclass an editor registers for photos in place of this one (the renderer's, with a view). */
export function $createImageNode(fields: SerializedImageFields, klass: Klass<ImageNode> = ImageNode): ImageNode {
  const node = $applyNodeReplacement(new klass());
  $setState(node, srcState, isAssetSrc(fields.src) ? fields.src : '');
  return node.setAlt(fields.alt ?? '').setCaption(fields.caption ?? '');
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
