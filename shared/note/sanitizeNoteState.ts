import { IMAGE_NODE_TYPE, TIMESTAMP_NODE_TYPE } from '../export/customNodeTypes';
import { isAssetSrc } from './assetPath';
import type { SerializedNoteNode, SerializedNoteState } from './noteFile';
import { isTimeOfDay } from './nodes/timeOfDay';
import { safeUrl } from './safeUrl';

/**
 * Returns a copy of the state that is safe to store and show: every link whose target is not
 * a safe URL is unwrapped into its text; a photo that does not point into the event's assets
 * folder keeps only its caption; a timestamp that is not a time becomes plain text; and
 * inline CSS (which pastes bring and the editor has no use for) is dropped. Lexical sanitises
 * URLs only when it renders, so the stored model itself is cleaned on every save and load.
 */
export function sanitizeNoteState(state: SerializedNoteState): SerializedNoteState {
  return { root: { ...state.root, children: sanitizeChildren(state.root.children, true) } };
}

/** `atRoot`: the children are top-level blocks, so replacement text needs a paragraph around it. */
function sanitizeChildren(children: SerializedNoteNode[], atRoot: boolean): SerializedNoteNode[] {
  return children.flatMap((child) => {
    const cleanedChildren = child.children ? sanitizeChildren(child.children, false) : undefined;
    if (child.type === 'link' || child.type === 'autolink') {
      const url = safeUrl(String(child.url));
      if (url === null) return cleanedChildren ?? [];
      return [withoutStyle({ ...child, url, children: cleanedChildren })];
    }
    if (child.type === IMAGE_NODE_TYPE && !isAssetSrc(child.src)) return textInstead(child.caption || child.alt, atRoot);
    if (child.type === TIMESTAMP_NODE_TYPE && !isTimeOfDay(child.time)) return textInstead(child.time, atRoot);
    return [withoutStyle(cleanedChildren ? { ...child, children: cleanedChildren } : child)];
  });
}

function withoutStyle(node: SerializedNoteNode): SerializedNoteNode {
  const styled = (typeof node.style === 'string' && node.style !== '') || (typeof node.textStyle === 'string' && node.textStyle !== '');
  if (!styled) return node;
  return { ...node, ...(typeof node.style === 'string' ? { style: '' } : {}), ...(typeof node.textStyle === 'string' ? { textStyle: '' } : {}) };
}

/** The words a refused node carried, as plain text (in a paragraph at the top level). */
function textInstead(text: unknown, asBlock: boolean): SerializedNoteNode[] {
  if (typeof text !== 'string' || text === '') return [];
  const textNode: SerializedNoteNode = { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' };
  if (!asBlock) return [textNode];
  return [{ type: 'paragraph', version: 1, children: [textNode], direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' }];
}
