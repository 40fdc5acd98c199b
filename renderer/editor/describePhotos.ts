import { $dfsIterator } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { singleLine } from '../../shared/model/plainText';
import { $isImageNode } from '../../shared/note/nodes/ImageNode';

/**
 * Gives every photo showing `src` that has no alt text of its own this one, in the open editor
 * itself (the rule the services apply to a note on disk, photoDescriptions.ts): the editor keeps
 * its cursor and undo history, the description is one more undoable change, and the editor's
 * own saver stores it. `shown` counts the photos with that source, `described` those changed.
 */
export function describePhotosInEditor(editor: LexicalEditor, src: string, alt: string): { shown: number; described: number } {
  const found = { shown: 0, described: 0 };
  const description = singleLine(alt);
  editor.update(
    () => {
      // Lexical's own walk, without recursion, so a deep note cannot overflow the stack.
      for (const { node } of $dfsIterator()) {
        if (!$isImageNode(node) || node.getSrc() !== src) continue;
        found.shown++;
        if (node.getAlt().trim() === '') {
          node.setAlt(description);
          found.described++;
        }
      }
    },
    { discrete: true },
  );
  return found;
}
