import { createContext, useContext } from 'react';
import { createEmptyHistoryState, type HistoryState } from '@lexical/history';
import type { NoteUndoHistory } from '../../editor/plugins/ShowNotePlugin';
import { noteKey, type NoteSaver } from './noteSaver';
import type { ReadyNote } from './useNoteContent';

/** Undo histories are kept for this many notes, the ones shown most recently. */
export const REMEMBERED_HISTORIES = 30;

type Remembered = {
  history: HistoryState;
  /** When the last save of this note from this window landed: disk holds the history's text then. */
  savedAt: string | null;
  /** The read of the note the history was last handed out for, so asking again for it (a render may ask twice) gets the same answer; every visit to the note is a read of its own. */
  shownNote: ReadyNote;
  resumes: boolean;
};

/**
 * Each note's undo history, kept for the app's lifetime while the editor shows one note after
 * another (and across the note pane going and coming back), for the REMEMBERED_HISTORIES notes
 * shown most recently; the editor caps each at MAX_UNDO_STEPS (ShowNotePlugin). A history goes on only where
 * it left off: the note shown is this window's own newest text (unsaved, or the save it made
 * last). Text written meanwhile by someone else (the CLI, a restore) starts a new history, so
 * undo never turns a note back across a change it did not make.
 */
export class NoteHistories {
  private readonly remembered = new Map<string, Remembered>();

  constructor(saver: NoteSaver) {
    saver.subscribeAll((address, status) => {
      const entry = this.remembered.get(noteKey(address));
      if (entry && status.kind === 'saved') entry.savedAt = status.savedAt;
    });
  }

  /** The history to show `note` with. */
  take(note: ReadyNote): NoteUndoHistory {
    const key = noteKey(note.address);
    const known = this.remembered.get(key);
    if (known && known.shownNote === note) return { state: known.history, resumes: known.resumes };
    const resumes = known !== undefined && known.history.current !== null && (note.unsaved || (note.savedAt !== null && note.savedAt === known.savedAt));
    const entry: Remembered = resumes ? { ...known!, shownNote: note, resumes } : { history: createEmptyHistoryState(), savedAt: note.savedAt, shownNote: note, resumes };
    // Map order is the order of use: the least recently shown note is first, and the first to go.
    this.remembered.delete(key);
    this.remembered.set(key, entry);
    for (const oldest of this.remembered.keys()) {
      if (this.remembered.size <= REMEMBERED_HISTORIES) break;
      this.remembered.delete(oldest);
    }
    return { state: entry.history, resumes };
  }
}

export const NoteHistoriesContext = createContext<NoteHistories | null>(null);

export function useNoteHistories(): NoteHistories {
  const histories = useContext(NoteHistoriesContext);
  if (!histories) throw new Error('useNoteHistories needs a NoteHistoriesContext provider');
  return histories;
}
