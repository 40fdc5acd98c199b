import { useCallback, useEffect } from 'react';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import type { EditorState } from 'lexical';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import type { NoteSaveTarget } from '../noteEditorContext';

/**
 * Hands every content change to the note's save target (which serialises only when it saves),
 * and saves at once when the editor moves on to another note or goes away. The target changes
 * in the same render as the note shown (ShowNotePlugin), whose swap is not a change to save.
 */
export function SaveOnChangePlugin({ target }: { target: NoteSaveTarget }) {
  useEffect(() => () => target.flush(), [target]);
  const onChange = useCallback((editorState: EditorState) => target.change(() => editorState.toJSON() as unknown as SerializedNoteState), [target]);
  return <OnChangePlugin ignoreSelectionChange onChange={onChange} />;
}
