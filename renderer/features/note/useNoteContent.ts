import { useEffect, useState } from 'react';
import type { LoadedNote } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import type { NoteReads } from './noteReads';
import type { NoteAddress, NoteSaver } from './noteSaver';
import { useNoteReads } from './noteReadsContext';
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
  const reads = useNoteReads();
  const key = `${eventId}/${sessionId}/${revision}`;
  // The pane mounts per session; when the note is already in hand (unsaved, or read while the
  // switch waited for it) its first render shows it, with no "Opening…" render in between.
  const [content, setContent] = useState<KeyedContent>(() => contentInHand(saver, reads, { eventId, sessionId }, key) ?? { state: 'loading' });

  useEffect(() => {
    if (content.for === key) return;
    const inHand = contentInHand(saver, reads, { eventId, sessionId }, key);
    if (inHand) {
      setContent(inHand);
      return;
    }
    let current = true;
    setContent({ state: 'loading' });
    void reads.take({ eventId, sessionId }).then((result) => {
      if (current) setContent(fromResult(result, key));
    });
    return () => {
      current = false;
    };
    // `content` is left out on purpose: the effect runs when the note to show changes, not when it arrives.
  }, [saver, reads, eventId, sessionId, key]);

  // Content loaded for the previous session is never shown under this one.
  return content.for === key ? content : { state: 'loading' };
}

type KeyedContent = NoteContent & { for?: string };

function contentInHand(saver: NoteSaver, reads: NoteReads, address: NoteAddress, key: string): KeyedContent | null {
  const unsaved = saver.unsavedState(address);
  if (unsaved) {
    reads.forget(address);
    return { state: 'ready', key, initialState: JSON.stringify(unsaved), savedAt: null, for: key };
  }
  const settled = reads.takeSettled(address);
  return settled ? fromResult(settled, key) : null;
}

function fromResult(result: Result<LoadedNote>, key: string): KeyedContent {
  if (!result.ok) return { state: 'failed', message: result.error.message, for: key };
  const { note } = result.value;
  return { state: 'ready', key, initialState: note ? JSON.stringify(note.editorState) : null, savedAt: note?.savedAt ?? null, for: key };
}
