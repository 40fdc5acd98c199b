import { useEffect, useState } from 'react';
import type { LoadedNote } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import type { NoteReads } from './noteReads';
import type { NoteAddress, NoteSaver } from './noteSaver';
import { useNoteReads } from './noteReadsContext';
import { useNoteSaver } from './noteSaverContext';

/**
 * `editorState` is the JSON for the editor, or null for a new, empty note; `savedAt` when the
 * note on disk was last saved; `unsaved` when it is the saver's newest text, not yet on disk.
 */
export type ReadyNote = { state: 'ready'; key: string; address: NoteAddress; editorState: string | null; savedAt: string | null; unsaved: boolean };
export type NoteContent = { state: 'loading' } | ReadyNote | { state: 'failed'; message: string };

/**
 * The note to show for a session: the saver's unsaved state when a save has not landed yet
 * (so switching back never shows older text), otherwise what is on disk. A new `revision`
 * reads it again (after a restore) under a new key, which the editor shows in place of what it has.
 */
export function useNoteContent({ eventId, sessionId }: NoteAddress, revision = 0): NoteContent {
  const saver = useNoteSaver();
  const reads = useNoteReads();
  const key = `${eventId}/${sessionId}/${revision}`;
  const [content, setContent] = useState<KeyedContent>(() => inHandOrLoading(saver, reads, { eventId, sessionId }, key));
  // Another session (or revision): when its note is already in hand (unsaved, or read while the
  // switch waited for it) this very render shows it, with no "Opening…" render in between.
  let shown = content;
  if (content.for !== key) {
    shown = inHandOrLoading(saver, reads, { eventId, sessionId }, key);
    setContent(shown);
  }
  const loading = shown.state === 'loading';

  // The saver learns which version on disk this text starts from, so a save never silently overwrites a newer one.
  useEffect(() => {
    if (shown.state === 'ready' && !shown.unsaved) saver.opened(shown.address, shown.savedAt);
  }, [saver, shown]);

  useEffect(() => {
    const address = { eventId, sessionId };
    if (!loading) {
      // Shown from memory or from a finished read: a later open reads afresh.
      reads.forget(address);
      return;
    }
    let current = true;
    void reads.take(address).then((result) => {
      if (current) setContent(fromResult(result, address, key));
    });
    return () => {
      current = false;
    };
    // Runs once per note to show (`key`); `loading` is read as it was when that note was chosen.
  }, [saver, reads, key]);

  return shown;
}

type KeyedContent = NoteContent & { for: string };

/** Pure (it runs during render): reads are only looked at here, and taken by the effect. */
function inHandOrLoading(saver: NoteSaver, reads: NoteReads, address: NoteAddress, key: string): KeyedContent {
  const unsaved = saver.unsavedState(address);
  if (unsaved) return { state: 'ready', key, address, editorState: JSON.stringify(unsaved), savedAt: null, unsaved: true, for: key };
  const settled = reads.settled(address);
  return settled ? fromResult(settled, address, key) : { state: 'loading', for: key };
}

function fromResult(result: Result<LoadedNote>, address: NoteAddress, key: string): KeyedContent {
  if (!result.ok) return { state: 'failed', message: result.error.message, for: key };
  const { note } = result.value;
  return { state: 'ready', key, address, editorState: note ? JSON.stringify(note.editorState) : null, savedAt: note?.savedAt ?? null, unsaved: false, for: key };
}
