import { $getRoot, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isImageNode } from '../../shared/note/nodes/ImageNode';

/**
 * Gives every photo showing `src` that has no alt text of its own this one, in the open editor
 * itself (the rule the services apply to a note on disk, photoDescriptions.ts): the editor keeps
 * its cursor and undo history, the description is one more undoable change, and the editor's
 * own saver stores it. `shown` counts the photos with that source, `described` those changed.
 */
export function describePhotosInEditor(editor: LexicalEditor, src: string, alt: string): { shown: number; described: number } {
  const found = { shown: 0, described: 0 };
  editor.update(
    () => {
      // Without recursion, so a deep note cannot overflow the stack.
      const stack: LexicalNode[] = [$getRoot()];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if ($isImageNode(node) && node.getSrc() === src) {
          found.shown++;
          if (node.getAlt().trim() === '') {
            node.setAlt(alt);
            found.described++;
          }
        }
        if ($isElementNode(node)) stack.push(...node.getChildren());
      }
    },
    { discrete: true },
  );
  return found;
}
