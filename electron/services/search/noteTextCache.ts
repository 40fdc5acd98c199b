import { readFile, stat } from 'node:fs/promises';
import type { NoteStats } from '../../../shared/model/search';
import { noteFileSchema, type SerializedNoteState } from '../../../shared/note/noteFile';
import { countWords, noteStateText } from '../../../shared/note/noteText';
import { countTkMarkers } from '../../../shared/note/tkMarkers';

export type NoteText = NoteStats & { text: string };
type Entry = { mtimeMs: number; size: number; value: NoteText | null };

export function noteTextOf(state: SerializedNoteState): NoteText {
  const text = noteStateText(state);
  return { text, words: countWords(text), tk: countTkMarkers(text) };
}

/**
 * The plain text, word count and TK count of note files, re-read only when a file's
 * modification time or size changed. Reading never moves a damaged file aside (opening the
 * note does that and tells the user); such a note just counts as empty here.
 */
export class NoteTextCache {
  private readonly entries = new Map<string, Entry>();

  /** Null when there is no note file (or it cannot be read as a note). */
  async read(filePath: string): Promise<NoteText | null> {
    let info: { mtimeMs: number; size: number };
    try {
      info = await stat(filePath);
    } catch {
      this.entries.delete(filePath);
      return null;
    }
    const cached = this.entries.get(filePath);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.value;
    const value = await readNoteText(filePath);
    this.entries.set(filePath, { mtimeMs: info.mtimeMs, size: info.size, value });
    return value;
  }

  /** A note just written by this process: its text is known, only the file's stamp is read. */
  async remember(filePath: string, state: SerializedNoteState): Promise<NoteText> {
    const value = noteTextOf(state);
    try {
      const info = await stat(filePath);
      this.entries.set(filePath, { mtimeMs: info.mtimeMs, size: info.size, value });
    } catch {
      this.entries.delete(filePath);
    }
    return value;
  }

  forget(filePath: string): void {
    this.entries.delete(filePath);
  }
}

async function readNoteText(filePath: string): Promise<NoteText | null> {
  try {
    const parsed = noteFileSchema.safeParse(JSON.parse(await readFile(filePath, 'utf8')));
    return parsed.success ? noteTextOf(parsed.data.editorState) : null;
  } catch {
    return null;
  }
}
