import { createContext, useContext } from 'react';
import type { Speaker } from '../../shared/model/event';
import type { Result } from '../../shared/ipc/result';
import type { SerializedNoteState } from '../../shared/note/noteFile';

export type EditorNotice = { kind: 'error' | 'info'; message: string };

/** Where the editor's changes go, bound to the note it shows; another note comes with another target. */
export type NoteSaveTarget = {
  /** The note changed; `state` is called only when the change is saved, so a keystroke never serialises the note. */
  change(state: () => SerializedNoteState): void;
  /** Save what is pending now: the editor moves on to another note, or goes. */
  flush(): void;
};

/** The photos of the event the note belongs to: stored once, shown from where they are stored. */
export type PhotoStore = {
  store(photo: { fileName: string; mediaType: string; dataBase64: string }): Promise<Result<{ src: string }>>;
  url(src: string): string | null;
};

/** What the note's plugins are handed by whoever shows the note: the editor itself knows no feature and no transport. */
export type NoteEditorEnvironment = {
  saveTarget: NoteSaveTarget;
  photos: PhotoStore;
  /** The session's speakers, offered when attributing a quote. */
  speakers: readonly Speaker[];
  /** The event's IANA time zone: timestamps show the time in the hall, not on the laptop. */
  timeZone: string;
  /** Shows a message above the note (a refused paste, a photo that is not an image). */
  notify: (notice: EditorNotice) => void;
};

export const NoteEditorContext = createContext<NoteEditorEnvironment | null>(null);

export function useNoteEditorEnvironment(): NoteEditorEnvironment {
  const environment = useContext(NoteEditorContext);
  if (!environment) throw new Error('useNoteEditorEnvironment needs a NoteEditorContext provider');
  return environment;
}
