import { useEffect } from 'react';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import type { NoteAddress } from '../../features/note/noteSaver';
import { useNoteSaver } from '../../features/note/noteSaverContext';

/**
 * Hands every content change to the note saver (which serialises only when it saves), and
 * saves at once when the editor moves on to another note or goes away. `address` changes in
 * the same render as the note shown (ShowNotePlugin), whose swap is not a change to save.
 */
export function SaveOnChangePlugin({ address }: { address: NoteAddress }) {
  const saver = useNoteSaver();
  const { eventId, sessionId } = address;

  useEffect(() => () => void saver.flush({ eventId, sessionId }), [saver, eventId, sessionId]);

  return (
    <OnChangePlugin
      ignoreSelectionChange
      onChange={(editorState) => saver.change({ eventId, sessionId }, () => editorState.toJSON() as unknown as SerializedNoteState)}
    />
  );
}
