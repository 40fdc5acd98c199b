import { useEffect, useState } from 'react';
import { api } from '../../api/bridge';
import type { NoteAddress } from './noteSaver';
import { useNoteSaver } from './noteSaverContext';

/** `initialState` is the JSON for the editor, or null for a new, empty note; `savedAt` when it was last saved. */
export type NoteContent =
  | { state: 'loading' }
  | { state: 'ready'; key: string; initialState: string | null; savedAt: string | null }
  | { state: 'failed'; message: string };

/**
 * The note to show for a session: the saver's unsaved state when a save has not landed yet
 * (so switching back never shows older text), otherwise what is on disk. A new `revision`
 * reads it again (after a restore) and gives the editor a new key.
 */
export function useNoteContent({ eventId, sessionId }: NoteAddress, revision = 0): NoteContent {
  const saver = useNoteSaver();
  const key = `${eventId}/${sessionId}/${revision}`;
  const [content, setContent] = useState<NoteContent & { for?: string }>({ state: 'loading' });

  useEffect(() => {
    const unsaved = saver.unsavedState({ eventId, sessionId });
    if (unsaved) {
      setContent({ state: 'ready', key, initialState: JSON.stringify(unsaved), savedAt: null, for: key });
      return;
    }
    let current = true;
    setContent({ state: 'loading' });
    void api['notes:load']({ eventId, sessionId }).then((result) => {
      if (!current) return;
      if (!result.ok) setContent({ state: 'failed', message: result.error.message, for: key });
      else {
        const { note } = result.value;
        setContent({ state: 'ready', key, initialState: note ? JSON.stringify(note.editorState) : null, savedAt: note?.savedAt ?? null, for: key });
      }
    });
    return () => {
      current = false;
    };
  }, [saver, eventId, sessionId, key]);

  // Content loaded for the previous session is never shown under this one.
  return content.for === key ? content : { state: 'loading' };
}
