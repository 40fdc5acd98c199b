import type { NoteStats } from '../../../shared/model/search';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { countWords, noteStateText } from '../../../shared/note/noteText';
import { countTkMarkers } from '../../../shared/note/tkMarkers';
import type { SessionRef } from '../history/noteHistory';
import type { NoteStore } from '../notes/noteStore';

export type NoteText = NoteStats & { text: string };
type Entry = { stamp: string; value: NoteText | null };

export function noteTextOf(state: SerializedNoteState): NoteText {
  const text = noteStateText(state);
  return { text, words: countWords(text), tk: countTkMarkers(text) };
}

/**
 * The plain text, word count and TK count of notes, read through the note store again only when
 * a note's file changed on disk. A damaged note is set aside and remembered by the note store,
 * as anywhere else, and counts as empty here.
 */
export class NoteTextCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly notes: NoteStore) {}

  /** Null when the session has no note (or it cannot be read). */
  async read(eventId: string, session: SessionRef): Promise<NoteText | null> {
    const key = keyOf(eventId, session.id);
    const stamp = await this.notes.fileStamp(eventId, session.id);
    if (stamp === null) {
      this.entries.delete(key);
      return null;
    }
    const cached = this.entries.get(key);
    if (cached?.stamp === stamp) return cached.value;
    const note = await this.notes.read(eventId, session).catch(() => null);
    const value = note ? noteTextOf(note.editorState) : null;
    this.entries.set(key, { stamp, value });
    return value;
  }

  /** A note just written by this process: its text is known, only the file's stamp is read. */
  async remember(eventId: string, sessionId: string, state: SerializedNoteState): Promise<NoteText> {
    const value = noteTextOf(state);
    const stamp = await this.notes.fileStamp(eventId, sessionId);
    if (stamp === null) this.entries.delete(keyOf(eventId, sessionId));
    else this.entries.set(keyOf(eventId, sessionId), { stamp, value });
    return value;
  }

  forget(eventId: string, sessionId: string): void {
    this.entries.delete(keyOf(eventId, sessionId));
  }
}

function keyOf(eventId: string, sessionId: string): string {
  return `${eventId}/${sessionId}`;
}
