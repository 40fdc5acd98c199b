import type { ReactElement } from 'react';
import { NODE_STATE_DIRECT } from 'lexical';
import { IMAGE_NODE_TYPE, type SerializedImageFields } from '../../../shared/export/customNodeTypes';
import { $createImageNode, ImageNode } from '../../../shared/note/nodes/ImageNode';
import { ImageView } from './ImageView';

/**
 * The photo node as the renderer's editors register it: the shared, DOM-free ImageNode (same
 * type, same JSON) whose decorate() draws ImageView. The view takes what it shows from the
 * composer's NoteViewContext, so an editable note and a read-only preview each draw it their way.
 */
export class EditorImageNode extends ImageNode {
  $config() {
    return this.config(IMAGE_NODE_TYPE, { extends: ImageNode });
  }

  decorate(): ReactElement {
    return <ImageView nodeKey={this.getKey()} src={this.getSrc(NODE_STATE_DIRECT)} alt={this.getAlt(NODE_STATE_DIRECT)} caption={this.getCaption(NODE_STATE_DIRECT)} />;
  }
}

export function $createEditorImageNode(fields: SerializedImageFields): ImageNode {
  return $createImageNode(fields, EditorImageNode);
}
