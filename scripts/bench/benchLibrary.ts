import { createServices, type Services } from '../../electron/services/createServices';
import { markdownToNoteState } from '../../electron/services/notes/markdownNotes';
import type { PreferenceBackend } from '../../electron/services/preferences/preferenceService';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/model/preferences';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';
import { generateNoteMarkdown, type Random } from './textGenerator';

/** Preferences kept in memory, for libraries only the benchmark process opens. */
export function memoryPreferences(): PreferenceBackend {
  const backend = {
    store: { ...DEFAULT_PREFERENCES },
    set(changes: Partial<Preferences>) {
      backend.store = { ...backend.store, ...changes };
    },
  };
  return backend as unknown as PreferenceBackend;
}

export function openServices(libraryPath: string, preferences: PreferenceBackend = memoryPreferences()): Services {
  return createServices({ libraryPath, preferences });
}

export type GeneratedNote = { state: SerializedNoteState; markdown: string; plainText: string };

/** A note of exactly `words` words, in the form the editor stores (via the services' Markdown import). */
export function generateNote(random: Random, words: number): GeneratedNote {
  const markdown = generateNoteMarkdown(random, words);
  const state = markdownToNoteState(markdown);
  return { state, markdown, plainText: noteStateText(state) };
}

/** The last characters of a note's last paragraph: what an editor showing the whole note ends with. */
export function closingText(plainText: string): string {
  const lastBlock = plainText.slice(plainText.lastIndexOf('\n') + 1);
  return lastBlock.slice(-32);
}
