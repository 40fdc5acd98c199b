import type { SerializedNoteNode, SerializedNoteState } from './noteFile';
import { safeUrl } from './safeUrl';

/**
 * Returns a copy of the state in which every link whose target is not a safe URL is
 * unwrapped into its text. Lexical sanitises URLs only when it renders, so the stored model
 * itself is cleaned on every save and every load.
 */
export function sanitizeNoteState(state: SerializedNoteState): SerializedNoteState {
  return { root: { ...state.root, children: sanitizeChildren(state.root.children) } };
}

function sanitizeChildren(children: SerializedNoteNode[]): SerializedNoteNode[] {
  return children.flatMap((child) => {
    const cleanedChildren = child.children ? sanitizeChildren(child.children) : undefined;
    if (child.type === 'link' || child.type === 'autolink') {
      const url = safeUrl(String(child.url));
      if (url === null) return cleanedChildren ?? [];
      return [{ ...child, url, children: cleanedChildren }];
    }
    return [cleanedChildren ? { ...child, children: cleanedChildren } : child];
  });
}
