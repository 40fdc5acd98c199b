import { createContext, useContext } from 'react';

/**
 * What node views (a photo, its caption) need from the editor they are drawn in. Every
 * composer of a note provides one (NoteComposer requires it), so a view never guesses: an
 * editable note lets the caption be typed into, a read-only preview shows it as text.
 */
export type NoteViewEnvironment = {
  editable: boolean;
  /** The address a stored photo is shown from, or null when it points nowhere this note can show. */
  photoUrl: (src: string) => string | null;
};

export const NoteViewContext = createContext<NoteViewEnvironment | null>(null);

export function useNoteView(): NoteViewEnvironment {
  const environment = useContext(NoteViewContext);
  if (!environment) throw new Error('A note node view was drawn outside a NoteComposer, which provides its environment.');
  return environment;
}
