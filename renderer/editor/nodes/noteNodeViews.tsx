import { NODE_STATE_DIRECT } from 'lexical';
import { IMAGE_NODE_TYPE } from '../../../shared/export/customNodeTypes';
import { setDecoratorView } from '../../../shared/note/nodes/decoratorViews';
import { $isImageNode } from '../../../shared/note/nodes/ImageNode';
import { ImageView } from './ImageView';

/** Gives the shared decorator nodes their React views (see shared/note/nodes/decoratorViews.ts). */
export function registerNoteNodeViews(): void {
  setDecoratorView(IMAGE_NODE_TYPE, (node) =>
    $isImageNode(node) ? (
      <ImageView nodeKey={node.getKey()} src={node.getSrc(NODE_STATE_DIRECT)} alt={node.getAlt(NODE_STATE_DIRECT)} caption={node.getCaption(NODE_STATE_DIRECT)} />
    ) : null,
  );
}
