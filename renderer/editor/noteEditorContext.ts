import { createContext, useContext } from 'react';
import type { Speaker } from '../../shared/model/event';
import type { NoteAddress } from '../features/note/noteSaver';

export type EditorNotice = { kind: 'error' | 'info'; message: string };

/** What the note's plugins and node views need to know about where they are. */
export type NoteEditorEnvironment = {
  address: NoteAddress;
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
