import { useCallback, useEffect } from 'react';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import type { EditorState } from 'lexical';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import type { NoteSaveTarget } from '../noteEditorContext';

/**
 * Hands every content change to the note's save target (which serialises only when it saves),
 * and saves at once when the editor moves on to another note or goes away. The target changes
 * in the same render as the note shown (ShowNotePlugin), whose swap is not a change to save.
 * Neither is putting the cursor in a note (focusNote): Lexical counts the empty paragraph it
 * selects as changed, which wrote an empty note file for every session merely opened.
 */
/** The tag of an update made by `editor.focus()` (Lexical's FOCUS_TAG, which the package does not export). */
const FOCUS_TAG = 'focus';

export function SaveOnChangePlugin({ target }: { target: NoteSaveTarget }) {
  useEffect(() => () => target.flush(), [target]);
  const onChange = useCallback(
    (editorState: EditorState, _editor: unknown, tags: Set<string>) => {
      if (tags.size === 1 && tags.has(FOCUS_TAG)) return;
      target.change(() => editorState.toJSON() as unknown as SerializedNoteState);
    },
    [target],
  );
  return <OnChangePlugin ignoreSelectionChange onChange={onChange} />;
}
